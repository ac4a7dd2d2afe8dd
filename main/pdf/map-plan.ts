/**
 * How the map goes onto paper, as a pure function of its layout (shared/domain/layout) and the
 * printable area: one page scaled to fit, or pages split by stages at a readable scale.
 *
 * Split: the scale is chosen between SPLIT_SCALE.min and .max (the note text at 16 px in the
 * layout prints at 7.4–10.6 pt, Inter's large x-height keeping the smallest readable) to need the fewest pages; stages are grouped left to right into
 * pages of balanced width. Each group is laid out on its own (the same layout function, given
 * only its stages), so its lanes are as tall as its own notes need. When they are taller than a
 * page they continue on the next ones, shared out evenly over as few pages as they need (no
 * nearly empty last page), cut between lanes or, where that shares them out better, between rows
 * of notes: never through a note or an emotion lane. A group is printed as large as it can be
 * without needing more pages. The stage headers and lane titles are drawn again on every page.
 */
import type { MapLayout } from '../../shared/domain/layout';

/** Scale of the layout's pixels on paper (points per pixel) when split over pages. */
export const SPLIT_SCALE = { min: 0.46, max: 0.66, step: 0.02 } as const;
/** A small map fitted on one page is not blown up past this. */
export const FIT_MAX_SCALE = 0.8;

/** The smallest text a printed map may have, in points: below it a page cannot be read. */
export const MIN_TEXT_PT = 6;
/** The smallest text the map draws, in layout pixels: a note's text (tags and initials are secondary). */
export const SMALLEST_TEXT_PX = 16;

/**
 * Is a map fitted at `scale` readable on paper? When not, a message in words saying what to do:
 * split it over pages, or fit it on A3 (when on A4 and A3 would be enough).
 */
export function fitLegibility(scale: number, paper: 'a4' | 'a3'): { ok: true } | { ok: false; message: string } {
  const pt = scale * SMALLEST_TEXT_PX;
  if (pt >= MIN_TEXT_PT - 1e-9) return { ok: true };
  // A3's printable area is about 1.41 times A4's across and down.
  const onA3 = pt * Math.SQRT2 >= MIN_TEXT_PT;
  const size = (Math.round(pt * 10) / 10).toLocaleString('en');
  const advice = paper === 'a4' && onA3 ? 'Choose “split over pages”, or fit it on A3 paper.' : 'Choose “split over pages”: each page then shows a few stages at a readable size.';
  return { ok: false, message: `The map is too large to read on one ${paper === 'a4' ? 'A4' : 'A3'} page: its note text would print at ${size} pt (at least ${MIN_TEXT_PT} pt is needed). ${advice}` };
}

export interface MapPagePlan {
  /** Stage indices shown, first to last inclusive (last < first when the map has no stages). */
  first: number;
  last: number;
  /** The layout of these stages alone (the whole map's when fitted on one page). */
  layout: MapLayout;
  /** The layout's y range of lanes shown: from `top` (inclusive) to `bottom`. */
  top: number;
  bottom: number;
  /** Which page of this group of stages, from 0, and how many the group takes. */
  part: number;
  parts: number;
  /** Points per layout pixel on this page (the same on all pages of a group). */
  scale: number;
}

export interface MapPlan {
  pages: MapPagePlan[];
  /** Number of stage groups (pages across). */
  groups: number;
}

export interface Area {
  w: number;
  h: number;
}

/**
 * `full` is the whole map's layout; `layoutOf(first, last)` lays out stages first…last alone
 * (with every lane); it is asked once per group. Fitted on one page, the map may also be laid
 * out narrower (`narrow`: fewer notes side by side, taller cells): the layout that prints largest
 * is taken, so a landscape page is filled across and down.
 */
export function planMap(full: MapLayout, layoutOf: (first: number, last: number) => MapLayout, mode: 'fit' | 'split', area: Area, narrow: readonly MapLayout[] = []): MapPlan {
  const m = full.metrics;
  const n = full.stages.length;
  if (mode === 'fit' || n === 0) {
    const scaleOf = (l: MapLayout) => Math.min(area.w / l.width, area.h / l.height, FIT_MAX_SCALE);
    const best = [full, ...narrow].reduce((a, b) => (scaleOf(b) > scaleOf(a) + 1e-9 ? b : a));
    return { groups: 1, pages: [{ first: 0, last: n - 1, layout: best, top: m.headerHeight, bottom: best.height, part: 0, parts: 1, scale: scaleOf(best) }] };
  }
  const layouts = new Map<string, MapLayout>();
  const group = (a: number, b: number) => {
    const key = `${a}-${b}`;
    let l = layouts.get(key);
    if (!l) layouts.set(key, (l = layoutOf(a, b)));
    return l;
  };
  let best: { scale: number; groups: [number, number][]; bands: [number, number][][]; count: number } | null = null;
  for (let s = SPLIT_SCALE.max; s >= SPLIT_SCALE.min - 1e-9; s -= SPLIT_SCALE.step) {
    const scale = Math.round(s * 100) / 100;
    const widthPx = area.w / scale - m.laneTitleWidth;
    const heightPx = area.h / scale - m.headerHeight;
    const greedy = groupStages(full, widthPx);
    for (const groups of [balanceGroups(full, greedy.length), greedy]) {
      const bands = groups.map(([a, b]) => cutBands(group(a, b), heightPx));
      const count = bands.reduce((sum, list) => sum + list.length, 0);
      if (!best || count < best.count) best = { scale, groups, bands, count };
    }
  }
  const chosen = best!;
  const pages: MapPagePlan[] = [];
  chosen.groups.forEach(([first, last], g) => {
    // A group that needs no more pages at a larger scale gets it (up to the fitted map's largest):
    // the smallest text only where needed, and no page left half empty by a narrow group.
    const layout = group(first, last);
    let scale = chosen.scale;
    let bands = chosen.bands[g]!;
    for (let s = FIT_MAX_SCALE; s > chosen.scale + 1e-9; s -= SPLIT_SCALE.step) {
      const larger = Math.round(s * 100) / 100;
      if (layout.width * larger > area.w + 1e-6) continue;
      const tried = cutBands(layout, area.h / larger - m.headerHeight);
      if (tried.length <= bands.length) {
        scale = larger;
        bands = tried;
        break;
      }
    }
    bands.forEach(([top, bottom], part) => pages.push({ first, last, layout, top, bottom, part, parts: bands.length, scale }));
  });
  return { groups: chosen.groups.length, pages };
}

const stageSpan = (layout: MapLayout, a: number, b: number) => layout.stages[b]!.x + layout.stages[b]!.w - layout.stages[a]!.x;

/** Stages left to right, as many per page as fit in `widthPx` (at least one). */
export function groupStages(layout: MapLayout, widthPx: number): [number, number][] {
  const groups: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= layout.stages.length; i++) {
    if (i === layout.stages.length || stageSpan(layout, start, i) > widthPx) {
      groups.push([start, i - 1]);
      start = i;
    }
  }
  return groups;
}

/** `k` groups of consecutive stages whose widest is as narrow as can be (so the last page is not a lone stage). */
export function balanceGroups(layout: MapLayout, k: number): [number, number][] {
  const n = layout.stages.length;
  if (k <= 1 || k >= n) return k >= n ? layout.stages.map((_, i) => [i, i]) : [[0, n - 1]];
  // cost[j][i]: the least possible widest group when the first i stages go into j groups.
  const cost: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  const cut: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  cost[0]![0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = j; i <= n; i++) {
      for (let p = j - 1; p < i; p++) {
        const c = Math.max(cost[j - 1]![p]!, stageSpan(layout, p, i - 1));
        if (c < cost[j]![i]!) {
          cost[j]![i] = c;
          cut[j]![i] = p;
        }
      }
    }
  }
  const groups: [number, number][] = [];
  for (let j = k, i = n; j > 0; j--) {
    const p = cut[j]![i]!;
    groups.unshift([p, i - 1]);
    i = p;
  }
  return groups;
}

/** Where a band may end: lane ends (`end`) and gaps between rows of notes inside a lane. */
interface CutPoint {
  y: number;
  end: boolean;
}

/** The y positions a page may end at, top to bottom: never inside a note (with its shadow) or an emotion lane. */
function cutPoints(layout: MapLayout): CutPoint[] {
  const m = layout.metrics;
  const top: number = m.headerHeight;
  const bottom = layout.height;
  const blockers: [number, number][] = [];
  const laneEnds = new Set<number>([bottom]);
  for (const lane of layout.lanes) {
    if (lane.y > top) laneEnds.add(lane.y);
    if (lane.kind === 'emotion') blockers.push([lane.y, lane.y + lane.h]);
  }
  // The top of each lane's last row of notes: a cut below it would leave only empty cell.
  const lastRow = new Map<string, number>();
  for (const n of layout.noteList) lastRow.set(n.laneId, Math.max(lastRow.get(n.laneId) ?? 0, n.y));
  const inLane = new Set<number>();
  for (const n of layout.noteList) {
    blockers.push([n.y - 1, n.y + n.h + 4]); // with its shadow
    const y = n.y + n.h + m.noteGap / 2;
    if (y < lastRow.get(n.laneId)!) inLane.add(y);
  }
  // Blockers merged into disjoint spans, then the candidates outside them (both sorted: one pass).
  blockers.sort((p, q) => p[0] - q[0]);
  const spans: [number, number][] = [];
  for (const [b0, b1] of blockers) {
    const last = spans[spans.length - 1];
    if (last && b0 < last[1]) last[1] = Math.max(last[1], b1);
    else spans.push([b0, b1]);
  }
  const points: CutPoint[] = [];
  let s = 0;
  const all = [...[...laneEnds].map((y) => ({ y, end: true })), ...[...inLane].filter((y) => !laneEnds.has(y)).map((y) => ({ y, end: false }))];
  for (const p of all.sort((a, b) => a.y - b.y)) {
    if (p.y <= top + 1 || p.y > bottom) continue;
    while (s < spans.length && spans[s]![1] <= p.y) s++;
    const span = spans[s];
    if (!span || !(span[0] < p.y && p.y < span[1]) || p.y === bottom) points.push(p);
  }
  return points;
}

/** What ending a page between rows of notes (a lane continued) costs, against how empty pages are. */
const ROW_CUT_COST = 0.05;

/**
 * A layout's lanes in bands no taller than `heightPx`: as few bands as can be, and among those
 * the ones that share the height out most evenly (no nearly empty last page), preferring to end
 * a page at a lane's end over ending it between two rows of notes. Never inside a note or an
 * emotion lane, unless one is taller than a whole page (then cut where the page ends).
 */
export function cutBands(layout: MapLayout, heightPx: number): [number, number][] {
  const top: number = layout.metrics.headerHeight;
  const bottom = layout.height;
  const H = heightPx + 0.5;
  if (bottom - top <= H) return [[top, bottom]];
  const points = cutPoints(layout);
  // The fewest bands: each as tall as it can be.
  let count = 0;
  for (let y = top, i = 0; y < bottom; count++) {
    let next = -1;
    while (i < points.length && points[i]!.y - y <= H) next = i++;
    if (next < 0) return throughBands(top, bottom, heightPx, points); // something taller than a page
    y = points[next]!.y;
  }
  // Then the even share of them: least cost over `count` bands ending at the points (the last at the bottom).
  const ys = [top, ...points.map((p) => p.y)];
  const n = ys.length;
  const bandCost = (p: number, i: number) => {
    const empty = (heightPx - (ys[i]! - ys[p]!)) / heightPx;
    return empty * empty + (i < n - 1 && !points[i - 1]!.end ? ROW_CUT_COST : 0);
  };
  let cost = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  cost[0] = 0;
  const from: number[][] = [];
  for (let j = 1; j <= count; j++) {
    const next = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    const back = new Array<number>(n).fill(-1);
    for (let i = 1; i < n; i++) {
      for (let p = i - 1; p >= 0 && ys[i]! - ys[p]! <= H; p--) {
        if (cost[p] === Number.POSITIVE_INFINITY) continue;
        const c = cost[p]! + bandCost(p, i);
        if (c < next[i]!) {
          next[i] = c;
          back[i] = p;
        }
      }
    }
    from.push(back);
    cost = next;
  }
  const bands: [number, number][] = [];
  for (let j = count, i = n - 1; j > 0; j--) {
    const p = from[j - 1]![i]!;
    bands.unshift([ys[p]!, ys[i]!]);
    i = p;
  }
  return bands;
}

/** Bands when something is taller than a page: at the lowest point that fits, or through it where none does. */
function throughBands(top: number, bottom: number, heightPx: number, points: CutPoint[]): [number, number][] {
  const bands: [number, number][] = [];
  let y0 = top;
  while (bottom - y0 > heightPx + 0.5) {
    let c = -1;
    for (const p of points) {
      if (p.y > y0 + heightPx) break;
      if (p.y > y0 + 1) c = p.y;
    }
    if (c < 0) c = y0 + heightPx;
    bands.push([y0, c]);
    y0 = c;
  }
  bands.push([y0, bottom]);
  return bands;
}
