/** Portable project files (.journey) and JSON: declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
import { ImportCounts, ImportPreview, ProjectFileData, ProjectFileName, ProjectSummary } from '../schemas';
import { inProject, input, mutation, query } from './define';

/** A file handed over for import: its name (a hint for messages only) and its bytes in base64. */
const fileInput = input({ fileName: ProjectFileName, data: ProjectFileData });

export const portableMethods = {
  'projects.exportJourney': query(
    'The project as a portable project file (.journey): a self-contained SQLite file holding just this project — details, stages, lanes, notes, emotion scores, personas with their photos, KPIs, saved versions, voting rounds and votes — in the library’s own format, to hand to a colleague. The bytes come in base64; the file name is made from the title.',
    input(inProject),
    z.object({ fileName: z.string(), data: z.string() }),
  ),
  'projects.exportJson': query(
    'The project as a JSON document (format “journeywall-project”, version 1: details, stages, lanes, notes, emotion scores, personas with their photos in base64, KPIs, voting rounds with their votes) that people and other tools can read. Saved versions travel only in .journey files.',
    input(inProject),
    z.object({ fileName: z.string(), text: z.string() }),
  ),
  'projects.previewImport': query(
    'What importing a file (.journey or JSON, told apart by its contents) would create, and every problem that stands in the way, in words. Nothing is changed.',
    fileInput,
    ImportPreview,
  ),
  'projects.import': mutation(
    'Import a file (.journey or JSON) as a new project, all or nothing: new ids everywhere, the title marked “(imported)” when the library has it already, so importing the same file twice gives two projects. Refused, with every problem in words and nothing changed, when the file is damaged, foreign, from a newer version, or holds anything Journeywall would not accept.',
    fileInput,
    z.object({ project: ProjectSummary, counts: ImportCounts }),
  ),
} as const;
