/** The Trash of deleted projects: declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
import { Id, ProjectSummary, Timestamp } from '../schemas';
import { mutation, query, inProject, input } from './define';

/** A project in the Trash: what it was, when it was deleted and when it will be removed for good. */
export const TrashedProject = ProjectSummary.extend({
  deletedAt: Timestamp,
  /** When a start of the app will remove it for good (30 days after it was deleted). */
  purgeAt: Timestamp,
  snapshotCount: z.int(),
});
export type TrashedProject = z.infer<typeof TrashedProject>;

export const trashMethods = {
  'projects.trash': query('The projects in the Trash, most recently deleted first.', input({}), z.array(TrashedProject)),
  'projects.restore': mutation(
    'Bring a project back from the Trash, as it was when it was deleted (saved versions and voting included).',
    input(inProject),
    ProjectSummary,
  ),
  'projects.purge': mutation('Remove a project in the Trash for good, with everything in it. Cannot be undone.', input(inProject), z.object({ projectId: Id })),
  'projects.emptyTrash': mutation('Remove every project in the Trash for good. Cannot be undone.', input({}), z.object({ purged: z.int() })),
} as const;
