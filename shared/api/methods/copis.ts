/** COPIS analysis: declarations of the API methods (see ../contract.ts). Every edit answers with the whole analysis as it is now. */
import { z } from 'zod';
import { CopisAnalysis, CopisElement, CopisEntry, CopisTarget, CopisText, CopisVariant, Id, Index } from '../schemas';
import { mutation, query, inProject, input } from './define';

/** Stages and notes to link or unlink: at least one, each once. */
const Targets = z
  .array(CopisTarget, { error: 'must be a list of stages and notes' })
  .min(1, { error: 'must list at least one stage or note' })
  .max(500, { error: 'must list at most 500 stages and notes' })
  .refine((ts) => new Set(ts.map((t) => `${t.kind} ${t.targetId}`)).size === ts.length, { error: 'must not list the same stage or note twice' });

export const copisMethods = {
  'copis.get': query("The project's COPIS analysis: its variant, the entries by element in order, and their links to stages and notes on the map.", input(inProject), CopisAnalysis),
  'copis.add': mutation(
    'Add an entry to an element (at the end, or at an index), optionally linked at once to stages and notes (a gap in the coverage matrix opens one linked to its stage).',
    input({ ...inProject, id: Id.optional(), element: CopisElement, text: CopisText, index: Index.optional(), links: Targets.optional() }),
    CopisAnalysis,
  ),
  'copis.update': mutation("Change an entry's text.", input({ ...inProject, entryId: Id, text: CopisText }), CopisAnalysis),
  'copis.move': mutation(
    'Move an entry to a place in an element (its own, to reorder, or another one); its links stay.',
    input({ ...inProject, entryId: Id, element: CopisElement, index: Index }),
    CopisAnalysis,
  ),
  'copis.delete': mutation('Delete an entry with its links (copis.restore puts both back).', input({ ...inProject, entryId: Id }), CopisAnalysis),
  'copis.restore': mutation(
    'Put a deleted entry back exactly as it was, at its place, with its links (undo of a delete).',
    input({
      ...inProject,
      entry: CopisEntry.extend({ text: CopisText }),
      links: z.array(CopisTarget).max(10_000).default([]),
    }),
    CopisAnalysis,
  ),
  'copis.link': mutation(
    'Link an entry to stages and notes of the same project (several at once: one edit). Refused when one is already linked, or is not on the map.',
    input({ ...inProject, entryId: Id, targets: Targets }),
    CopisAnalysis,
  ),
  'copis.unlink': mutation('Remove links of an entry (several at once: one edit). Refused when one is not linked.', input({ ...inProject, entryId: Id, targets: Targets }), CopisAnalysis),
  'copis.setVariant': mutation(
    "Switch the project's COPIS variant: the sections are renamed, every entry stays where it is.",
    input({ ...inProject, variant: CopisVariant }),
    CopisAnalysis,
  ),
} as const;
