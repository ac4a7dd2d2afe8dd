/** What the canvas shows of KPIs: per touchpoint note and per stage, how many are met, missed or without an actual. */
import type { ProjectMap } from '../../../shared/api/schemas';
import { kpiStatus } from '../../../shared/domain/kpi';

export interface KpiCounts {
  met: number;
  missed: number;
  open: number;
}
export interface KpiBadges {
  notes: Map<string, KpiCounts>;
  stages: Map<string, KpiCounts>;
}

export function kpiBadges(map: ProjectMap): KpiBadges {
  const notes = new Map<string, KpiCounts>();
  const stages = new Map<string, KpiCounts>();
  for (const k of map.kpis) {
    const target = k.noteId ? notes : stages;
    const key = k.noteId ?? k.stageId!;
    const c = target.get(key) ?? { met: 0, missed: 0, open: 0 };
    const s = kpiStatus(k);
    if (s === 'met') c.met++;
    else if (s === 'missed') c.missed++;
    else c.open++;
    target.set(key, c);
  }
  return { notes, stages };
}

/** The badge's words: "✓ 2 · ✗ 1 · – 1" (only the parts there are). */
export function badgeText(c: KpiCounts): string {
  return [c.met && `✓ ${c.met}`, c.missed && `✗ ${c.missed}`, c.open && `– ${c.open}`].filter(Boolean).join('  ');
}
export const BADGE_COLORS = { missed: '#b91c1c', met: '#15803d', open: '#4b5563' } as const;
/** Missed wins (red), then met (green), then no actual (grey). */
export const badgeColor = (c: KpiCounts) => (c.missed > 0 ? BADGE_COLORS.missed : c.met > 0 ? BADGE_COLORS.met : BADGE_COLORS.open);
