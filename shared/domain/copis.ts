/**
 * COPIS analysis: five elements, each a list of short entries that may be linked to stages and
 * notes. The elements keep their place (c, o, p, i, s) whatever the project's variant calls them,
 * so switching the variant renames the sections and keeps every entry.
 *
 * The coverage matrix (stages × elements) counts, for each stage, the entries of each element that
 * are linked to the stage itself or to a note in it; an empty cell is a gap. Pure functions, tested
 * in test/unit/copis.test.ts.
 */
import type { CopisVariant } from './model';

export const COPIS_ELEMENTS = ['c', 'o', 'p', 'i', 's'] as const;
export type CopisElement = (typeof COPIS_ELEMENTS)[number];

/** An entry's text, in characters (code points). */
export const MAX_COPIS_TEXT = 500;

export interface VariantInfo {
  /** The variant's name in a chooser. */
  name: string;
  labels: Record<CopisElement, string>;
  /** One line per element: what belongs there. */
  explanations: Record<CopisElement, string>;
}

export const COPIS_VARIANT_INFO: Record<CopisVariant, VariantInfo> = {
  consumer: {
    name: 'Consumer, Objective, Process, Information, Strategy',
    labels: { c: 'Consumer', o: 'Objective', p: 'Process', i: 'Information', s: 'Strategy' },
    explanations: {
      c: 'Who the customer is at this point: segment, situation, what they expect.',
      o: 'What the business wants to reach with them here.',
      p: 'The steps and hand-overs, seen from inside the organisation.',
      i: 'What we know, what we still need to know, and where it comes from.',
      s: 'How we mean to act on it: priorities, offers, changes.',
    },
  },
  customer: {
    name: 'Customer, Objective, Process, Information, Service',
    labels: { c: 'Customer', o: 'Objective', p: 'Process', i: 'Information', s: 'Service' },
    explanations: {
      c: 'Who the customer is at this point: segment, situation, what they expect.',
      o: 'What the business wants to reach with them here.',
      p: 'The steps and hand-overs, seen from inside the organisation.',
      i: 'What we know, what we still need to know, and where it comes from.',
      s: 'The service we give here, and how it should feel to receive it.',
    },
  },
  lean: {
    name: 'Lean COPIS (reverse SIPOC): Customers, Outputs, Process, Inputs, Suppliers',
    labels: { c: 'Customers', o: 'Outputs', p: 'Process', i: 'Inputs', s: 'Suppliers' },
    explanations: {
      c: 'Who receives the result, starting from their needs.',
      o: 'What they receive: the product, answer or outcome they value.',
      p: 'The few steps that turn the inputs into those outputs.',
      i: 'What the process needs: data, materials, decisions.',
      s: 'Who provides the inputs, inside or outside the organisation.',
    },
  },
};

export const elementLabel = (variant: CopisVariant, element: CopisElement): string => COPIS_VARIANT_INFO[variant].labels[element];

// ── Coverage ───────────────────────────────────────────────────────────────────

export interface CoverageEntry {
  id: string;
  element: CopisElement;
}
export interface CoverageLink {
  entryId: string;
  kind: 'stage' | 'note';
  targetId: string;
}
export interface CoverageInput {
  stages: readonly { id: string; title: string }[];
  notes: readonly { id: string; stageId: string }[];
  entries: readonly CoverageEntry[];
  links: readonly CoverageLink[];
}

export interface CoverageRow {
  stageId: string;
  title: string;
  /** Entries per element linked to this stage or to a note in it. */
  counts: Record<CopisElement, number>;
  /** The entries, per element (ids), for highlighting and filtering. */
  entryIds: Record<CopisElement, string[]>;
}
export interface Coverage {
  rows: CoverageRow[];
  /** Every empty cell, stage by stage. */
  gaps: { stageId: string; element: CopisElement }[];
}

const emptyCounts = (): Record<CopisElement, number> => ({ c: 0, o: 0, p: 0, i: 0, s: 0 });
const emptyIds = (): Record<CopisElement, string[]> => ({ c: [], o: [], p: [], i: [], s: [] });

/** The stages an entry covers: those it is linked to, and those of the notes it is linked to (links to things no longer on the map are ignored). */
export function stagesOfEntries(input: Omit<CoverageInput, 'entries'>): Map<string, Set<string>> {
  const stages = new Set(input.stages.map((s) => s.id));
  const noteStage = new Map(input.notes.map((n) => [n.id, n.stageId]));
  const out = new Map<string, Set<string>>();
  for (const l of input.links) {
    const stageId = l.kind === 'stage' ? l.targetId : noteStage.get(l.targetId);
    if (stageId === undefined || !stages.has(stageId)) continue;
    let set = out.get(l.entryId);
    if (!set) out.set(l.entryId, (set = new Set()));
    set.add(stageId);
  }
  return out;
}

export function coverage(input: CoverageInput): Coverage {
  const covered = stagesOfEntries(input);
  const rows: CoverageRow[] = input.stages.map((s) => ({ stageId: s.id, title: s.title, counts: emptyCounts(), entryIds: emptyIds() }));
  const rowOf = new Map(rows.map((r) => [r.stageId, r]));
  for (const e of input.entries) {
    for (const stageId of covered.get(e.id) ?? []) {
      const row = rowOf.get(stageId)!;
      row.counts[e.element]++;
      row.entryIds[e.element].push(e.id);
    }
  }
  const gaps: Coverage['gaps'] = [];
  for (const r of rows) for (const el of COPIS_ELEMENTS) if (r.counts[el] === 0) gaps.push({ stageId: r.stageId, element: el });
  return { rows, gaps };
}

/** "A, B and C". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * One sentence that names the gaps, element by element in COPIS order, the stages in map order:
 * "Information is missing for Sign-up and Support; Strategy for Referral."
 * An element missing at every stage (of several) says so rather than listing them all.
 */
export function gapSentence(c: Coverage, variant: CopisVariant): string {
  if (c.rows.length === 0) return 'The map has no stages yet, so there is nothing to cover.';
  if (c.gaps.length === 0) return 'Every element has at least one entry at every stage: no gaps.';
  const byElement = new Map<CopisElement, string[]>();
  const title = new Map(c.rows.map((r) => [r.stageId, r.title]));
  for (const g of c.gaps) {
    const list = byElement.get(g.element) ?? [];
    list.push(title.get(g.stageId)!);
    byElement.set(g.element, list);
  }
  const parts: string[] = [];
  for (const el of COPIS_ELEMENTS) {
    const stages = byElement.get(el);
    if (!stages) continue;
    const where = stages.length === c.rows.length && c.rows.length > 1 ? 'every stage' : joinWords(stages);
    parts.push(`${parts.length === 0 ? `${elementLabel(variant, el)} is missing for` : elementLabel(variant, el) + ' for'} ${where}`);
  }
  return `${parts.join('; ')}.`;
}
