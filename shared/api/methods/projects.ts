/** Projects: declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
import { Id, IsoDate, LongText, Name, Project, ProjectMap, ProjectSummary, ShortText, TemplateId } from '../schemas';
import { query, mutation, inProject, input } from './define';

export const projectsMethods = {
  'projects.list': query('All projects in the library, most recently changed first.', input({}), z.array(ProjectSummary)),
  'projects.get': query("One project's details (without its map).", input(inProject), Project),
  'projects.create': mutation(
    'Create a project from a template.',
    input({
      template: TemplateId,
      title: Name,
      client: ShortText.optional(),
      workshopDate: IsoDate.nullable().optional(),
      facilitator: ShortText.optional(),
      goal: LongText.optional(),
      description: LongText.optional(),
    }),
    Project,
  ),
  'projects.update': mutation(
    "Change a project's details (title, client, date, facilitator, goal, description).",
    input({
      ...inProject,
      title: Name.optional(),
      client: ShortText.optional(),
      workshopDate: IsoDate.nullable().optional(),
      facilitator: ShortText.optional(),
      goal: LongText.optional(),
      description: LongText.optional(),
    }),
    Project,
  ),
  'projects.delete': mutation('Move a project, with everything in it, to the Trash (see projects.trash): out of the list and out of reach, restorable for 30 days.', input(inProject), z.object({ projectId: Id })),
  'projects.open': mutation('Open a project: records when it was opened and returns its whole map.', input(inProject), ProjectMap),
  'projects.addSample': mutation(
    'Add the sample workshop (a bike-sharing journey with personas, KPIs, a closed voting round and two saved versions) as a new project. With firstStart: only if the library is empty and the sample was never offered before (then it never comes back by itself); returns null otherwise.',
    input({ firstStart: z.boolean().optional() }),
    ProjectSummary.nullable(),
  ),
  'map.get': query("Read a project's whole map: stages, lanes and notes.", input(inProject), ProjectMap),
} as const;
