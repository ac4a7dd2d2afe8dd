/**
 * Presentation mode, shared between windows: which step of a project's presentation the
 * facilitator shows, so a projector window (another window or browser tab) can show the same —
 * see ../contract.ts. Kept in memory by the app: a presentation does not outlive it.
 */
import { z } from 'zod';
import { Id, Timestamp } from '../schemas';
import { mutation, query, inProject, input } from './define';

/** Parts of one stage: a tall stage is shown in parts (shared/domain/present-steps.ts). */
export const MAX_PRESENT_PARTS = 50;

export const PresentationState = z.object({
  projectId: Id,
  /** Whether the facilitator is presenting; when not, a projector shows the whole map. */
  presenting: z.boolean(),
  /** The stage shown, or null for the overview of the whole map. */
  stageId: Id.nullable(),
  /** Which part of the stage (0-based), and of how many, on the facilitator's screen. */
  part: z.int(),
  parts: z.int(),
  /** When this was last changed (the app's clock), or null when it never was. */
  changedAt: Timestamp.nullable(),
});
export type PresentationState = z.infer<typeof PresentationState>;

/** `part` must be below `parts`: the service says so (a refinement here would hide the shape from the fuzzer). */
const show = input({
  ...inProject,
  presenting: z.boolean({ error: 'must be true or false' }),
  stageId: Id.nullable(),
  part: z.int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).max(MAX_PRESENT_PARTS - 1),
  parts: z.int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(MAX_PRESENT_PARTS),
});

export const presentationMethods = {
  'presentation.get': query("What the project's presentation shows now (not presenting: the whole map).", input(inProject), PresentationState),
  'presentation.show': mutation(
    'Say which step the facilitator shows (or that the presentation ended); every window hears presentation.changed. Changes nothing in the map.',
    show,
    PresentationState,
  ),
} as const;
