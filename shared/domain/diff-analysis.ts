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
