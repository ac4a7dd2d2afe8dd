import { KPI_STATUS_LABELS, kpiStatus, withUnit, type KpiDirection } from './kpi';

/** What differs between two lists of records with ids (personas, KPIs): added, removed, changed. Pure. */
export interface RecordDiff<T> {
  added: T[];
  removed: T[];
  changed: { before: T; after: T }[];
}

/** `same` decides whether a record kept its id but changed (by default: any field but position and times). */
export function diffRecords<T extends { id: string }>(before: readonly T[] | undefined, after: readonly T[] | undefined, same: (a: T, b: T) => boolean = sameContent): RecordDiff<T> {
  const b = new Map((before ?? []).map((r) => [r.id, r]));
  const a = new Map((after ?? []).map((r) => [r.id, r]));
  return {
    added: (after ?? []).filter((r) => !b.has(r.id)),
    removed: (before ?? []).filter((r) => !a.has(r.id)),
    changed: (after ?? []).flatMap((r) => {
      const old = b.get(r.id);
      return old && !same(old, r) ? [{ before: old, after: r }] : [];
    }),
  };
}

const IGNORED = new Set(['position', 'updatedAt']);
function sameContent<T extends object>(x: T, y: T): boolean {
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) {
    if (IGNORED.has(k)) continue;
    if (JSON.stringify((x as Record<string, unknown>)[k]) !== JSON.stringify((y as Record<string, unknown>)[k])) return false;
  }
  return true;
}

export const recordDiffEmpty = (d: RecordDiff<unknown>) => d.added.length + d.removed.length + d.changed.length === 0;

// ── Personas and KPIs in words (the compare view) ───────────────────────────────


interface PersonaLike {
  id: string;
  name: string;
  role: string;
  background: string;
  goals: string;
  painPoints: string;
  needs: string;
  quote: string;
  color: string;
  photo: unknown;
}
interface KpiLikeRecord {
  id: string;
  name: string;
  unit: string;
  target: number | null;
  actual: number | null;
  direction: KpiDirection;
  note: string;
}

const PERSONA_FIELD_WORDS: [keyof PersonaLike, string][] = [
  ['name', 'name'],
  ['role', 'role'],
  ['background', 'background'],
  ['goals', 'goals'],
  ['painPoints', 'pain points'],
  ['needs', 'needs'],
  ['quote', 'quote'],
  ['color', 'colour'],
  ['photo', 'photo'],
];

const value = (n: number | null, unit: string) => (n === null ? 'none' : withUnit(n, unit));

/** One sentence per persona or KPI added, removed or changed since a version. */
export function analysisChangeLines(diff: { personas: RecordDiff<PersonaLike>; kpis: RecordDiff<KpiLikeRecord> }): string[] {
  const lines: string[] = [];
  for (const p of diff.personas.added) lines.push(`Persona “${p.name}” added`);
  for (const p of diff.personas.removed) lines.push(`Persona “${p.name}” removed`);
  for (const { before, after } of diff.personas.changed) {
    const fields = PERSONA_FIELD_WORDS.filter(([f]) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map(([, w]) => w);
    const renamed = before.name !== after.name ? ` (was “${before.name}”)` : '';
    lines.push(`Persona “${after.name}”${renamed}: ${fields.length > 0 ? fields.join(', ') : 'details'} changed`);
  }
  for (const k of diff.kpis.added) lines.push(`KPI “${k.name}” added (${KPI_STATUS_LABELS[kpiStatus(k)].toLowerCase()})`);
  for (const k of diff.kpis.removed) lines.push(`KPI “${k.name}” removed`);
  for (const { before, after } of diff.kpis.changed) {
    const parts: string[] = [];
    if (before.name !== after.name) parts.push(`renamed from “${before.name}”`);
    if (before.target !== after.target || before.unit !== after.unit) parts.push(`target ${value(before.target, before.unit)} → ${value(after.target, after.unit)}`);
    if (before.actual !== after.actual) parts.push(`actual ${value(before.actual, before.unit)} → ${value(after.actual, after.unit)}`);
    if (before.direction !== after.direction) parts.push(after.direction === 'higher' ? 'now higher is better' : 'now lower is better');
    if (before.note !== after.note) parts.push('note changed');
    const was = kpiStatus(before);
    const now = kpiStatus(after);
    const status = was !== now ? `; ${KPI_STATUS_LABELS[was].toLowerCase()} → ${KPI_STATUS_LABELS[now].toLowerCase()}` : '';
    lines.push(`KPI “${after.name}”: ${parts.length > 0 ? parts.join(', ') : 'changed'}${status}`);
  }
  return lines;
}
