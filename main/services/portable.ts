/**
 * Portable project files: a project out as a .journey file or as JSON, and a file in as a new
 * project (preview first, then all or nothing). The file formats live in main/portable/.
 */
import { ApiFailure } from '../../shared/api/errors';
import { JOURNEY_EXTENSION, JSON_EXTENSION, MAX_PROJECT_FILE_BYTES, formatFileSize, projectFileName } from '../../shared/domain/portable';
import { previewOf, writeImport } from '../portable/importer';
import { clip } from '../portable/document';
import { writeJourney } from '../portable/journey';
import { writeJson } from '../portable/json';
import type { Handlers, ServiceContext } from './context';
import { getProject } from './projects';

type PortableHandlers = Pick<Handlers, 'projects.exportJourney' | 'projects.exportJson' | 'projects.previewImport' | 'projects.import'>;

/** A file's name as it may be shown: no control characters, not endless. */
const shownName = (fileName: string) => clip(fileName.replace(/\p{Cc}/gu, ''), 80) || 'The file';

export function portableHandlers(ctx: ServiceContext): PortableHandlers {
  /** The file read, checked and (for an import) turned into rows in the worker thread: the main thread only writes them. */
  const read = async (fileName: string, data: string, plan: boolean) => {
    const outcome = await ctx.workers.run({ task: 'readProject', fileName, data, now: ctx.now(), plan });
    if (!outcome.ok) throw new ApiFailure('invalid_input', `The file ${outcome.message}.`, [{ path: 'data', message: `The file ${outcome.message}.` }]);
    return outcome;
  };

  return {
    'projects.exportJourney': ({ projectId }) => {
      const project = getProject(ctx, projectId);
      const bytes = writeJourney(ctx.db, projectId);
      if (bytes.length > MAX_PROJECT_FILE_BYTES) {
        throw new ApiFailure(
          'conflict',
          `This project would make a ${formatFileSize(bytes.length)} project file, more than the ${formatFileSize(MAX_PROJECT_FILE_BYTES)} Journeywall can import. ` +
            'Delete saved versions you no longer need (Versions) and try again, or save it as JSON.',
        );
      }
      return { fileName: projectFileName(project.title, JOURNEY_EXTENSION), data: bytes.toString('base64') };
    },

    'projects.exportJson': ({ projectId }) => {
      const project = getProject(ctx, projectId);
      return { fileName: projectFileName(project.title, JSON_EXTENSION), text: writeJson(ctx.db, projectId, ctx.now()) };
    },

    'projects.previewImport': async ({ fileName, data }) => previewOf(ctx, fileName, (await read(fileName, data, false)).summary),

    'projects.import': async ({ fileName, data }) => {
      const { summary, plan } = await read(fileName, data, true);
      if (!plan || !summary.checked) {
        const problems = summary.problems.length > 0 ? summary.problems : ['It could not be read.'];
        const more = problems.length > 1 ? ` There ${problems.length > 2 ? `are ${problems.length - 1} more problems` : 'is one more problem'}.` : '';
        throw new ApiFailure(
          'invalid_input',
          `“${shownName(fileName)}” was not imported. ${problems[0]}${more} Nothing was changed.`,
          problems.map((message) => ({ path: 'data', message })),
        );
      }
      const projectId = writeImport(ctx, plan);
      return { project: getProject(ctx, projectId), counts: summary.counts };
    },
  };
}
