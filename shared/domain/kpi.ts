/**
 * KPIs: whether one is met, and the KPI table's rows, sorting, filtering and CSV — pure functions.
 *
 * A KPI is met when its actual is at least its target (higher is better) or at most its target
 * (lower is better); equal to the target counts as met. Without an actual (or without a target)
 * there is nothing to judge: "no actual" / "no target".
 */
import { csvRow } from './csv/write';

export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export const KPI_DIRECTION_LABELS: Record<KpiDirection, string> = { higher: 'Higher is better', lower: 'Lower is better' };

export const KPI_STATUSES = ['met', 'missed', 'no-actual', 'no-target'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];
export const KPI_STATUS_LABELS: Record<KpiStatus, string> = { met: 'Met', missed: 'Missed', 'no-actual': 'No actual yet', 'no-target': 'No target' };

/** A unit ("%", "min", "€") in characters. */
export const MAX_KPI_UNIT = 20;

export interface KpiValues {
  target: number | null;
  actual: number | null;
  direction: KpiDirection;
}

export function kpiStatus(k: KpiValues): KpiStatus {
  if (k.actual === null) return 'no-actual';
  if (k.target === null) return 'no-target';
  return (k.direction === 'higher' ? k.actual >= k.target : k.actual <= k.target) ? 'met' : 'missed';
}

/** A number as a person writes it: up to 2 decimals, no trailing zeros, no thousands separators (so it reads back). */
export function formatKpiNumber(n: number | null): string {
  if (n === null) return '';
  return String(Math.round(n * 100) / 100);
}

/** A value with its unit: "4.2 min", "87 %" ("" when there is no value). */
export function withUnit(n: number | null, unit: string): string {
  if (n === null) return '';
  return unit ? `${formatKpiNumber(n)} ${unit}` : formatKpiNumber(n);
}

/** What a person typed as a target or actual: a number (comma or point as decimal mark), nothing (null), or a message. */
export function parseKpiNumber(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return { ok: true, value: null };
  const normal = /^[+-]?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normal)) return { ok: false, message: `“${text.trim()}” is not a number` };
  const value = Number(normal);
  if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim()}” is too large` };
  return { ok: true, value };
}

/** One row of the KPI table: the KPI with where it is and its status. */
export interface KpiRow extends KpiValues {
  id: string;
  name: string;
  unit: string;
  note: string;
  stageId: string;
  stageTitle: string;
  stagePosition: number;
  /** The touchpoint note it is on, or null for a stage's KPI. */
  noteId: string | null;
  noteText: string | null;
  status: KpiStatus;
}

export interface KpiLike extends KpiValues {
  id: string;
  stageId: string | null;
  noteId: string | null;
  name: string;
  unit: string;
  note: string;
  position: number;
}

/** The table's rows in map order (stage, then the stage's own KPIs before those on notes, then position). */
export function kpiRows(
  kpis: readonly KpiLike[],
  stages: readonly { id: string; title: string; position: number }[],
  notes: readonly { id: string; stageId: string; text: string }[],
): KpiRow[] {
  const stageById = new Map(stages.map((s) => [s.id, s]));
  const noteById = new Map(notes.map((n) => [n.id, n]));
  const rows: KpiRow[] = [];
  for (const k of kpis) {
    const note = k.noteId ? noteById.get(k.noteId) : undefined;
    const stage = stageById.get(note ? note.stageId : (k.stageId ?? ''));
    if (!stage || (k.noteId && !note)) continue;
    rows.push({ ...k, stageId: stage.id, stageTitle: stage.title, stagePosition: stage.position, noteId: k.noteId, noteText: note?.text ?? null, status: kpiStatus(k) });
  }
  const order = new Map(kpis.map((k, i) => [k.id, i]));
  return rows.sort((a, b) => a.stagePosition - b.stagePosition || Number(a.noteId !== null) - Number(b.noteId !== null) || order.get(a.id)! - order.get(b.id)!);
}

export const KPI_SORT_KEYS = ['stage', 'name', 'target', 'actual', 'status'] as const;
export type KpiSortKey = (typeof KPI_SORT_KEYS)[number];
const STATUS_ORDER: Record<KpiStatus, number> = { missed: 0, met: 1, 'no-actual': 2, 'no-target': 3 };

/** Sorted by a column, ascending or descending; numbers before empty cells either way; ties keep map order. */
export function sortKpiRows(rows: readonly KpiRow[], key: KpiSortKey, descending = false): KpiRow[] {
  const dir = descending ? -1 : 1;
  const cmpNum = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : dir * (a - b));
  const indexed = rows.map((r, i) => ({ r, i }));
  indexed.sort((x, y) => {
    const a = x.r;
    const b = y.r;
    let c = 0;
    if (key === 'stage') c = dir * (a.stagePosition - b.stagePosition);
    else if (key === 'name') c = dir * a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
    else if (key === 'target') c = cmpNum(a.target, b.target);
    else if (key === 'actual') c = cmpNum(a.actual, b.actual);
    else c = dir * (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
    return c || x.i - y.i;
  });
  return indexed.map((x) => x.r);
}

export function filterKpiRows(rows: readonly KpiRow[], filter: { stageId?: string | null; status?: KpiStatus | null }): KpiRow[] {
  return rows.filter((r) => (!filter.stageId || r.stageId === filter.stageId) && (!filter.status || r.status === filter.status));
}

/** The KPI table as CSV (the same writer as the notes' CSV: opens correctly in spreadsheet programs). */
export function kpiCsv(rows: readonly KpiRow[]): string {
  const header = ['Stage', 'Touchpoint', 'KPI', 'Unit', 'Target', 'Actual', 'Better', 'Status', 'Note'];
  const lines = [header, ...rows.map((r) => [r.stageTitle, r.noteText ?? '', r.name, r.unit, formatKpiNumber(r.target), formatKpiNumber(r.actual), r.direction, KPI_STATUS_LABELS[r.status], r.note])];
  return '\uFEFF' + lines.map(csvRow).join('\r\n') + '\r\n';
}
