/// <reference lib="dom" />
/**
 * Reading and pointing at the canvas from Playwright. The canvas is pixels, so tests ask the
 * page's CanvasController (window.__journeywallCanvas) where things are — the same layout the
 * canvas draws — and then use the real mouse and keyboard at those screen points.
 */
import type { Page } from '@playwright/test';

export interface ShownNote {
  id: string;
  text: string;
  stage: string;
  lane: string;
  position: number;
}

/** Every note the canvas has laid out (what it draws when scrolled into view), in map order. */
export async function shownNotes(page: Page): Promise<ShownNote[]> {
  return page.evaluate(() => {
    const c = (window as any).__journeywallCanvas;
    if (!c) throw new Error('The canvas is not on screen');
    const s = c.scene;
    return s.layout.noteList.map((b: any) => ({
      id: b.id,
      text: s.notes.get(b.id).text,
      stage: s.stageTitles.get(b.stageId),
      lane: s.laneTitles.get(b.laneId).title,
      position: b.index,
    }));
  });
}

/** Notes as "Stage / Lane / text", sorted, for comparing whole maps. */
export const summary = (notes: readonly { stage: string; lane: string; text: string }[]) => notes.map((n) => `${n.stage} / ${n.lane} / ${n.text}`).sort();

type Where = { x: number; y: number };
type Target = { kind: 'cell'; stage: string; lane: string; fx: number; fy: number } | { kind: 'note'; text: string } | { kind: 'stage'; stage: string };

/** Where a target is on the page, in CSS pixels, through the canvas's camera. */
function pointOf(page: Page, target: Target): Promise<Where> {
  return page.evaluate((t) => {
    const c = (window as any).__journeywallCanvas;
    const s = c.scene;
    const box = document.querySelector('[data-testid="map-canvas"]')!.getBoundingClientRect();
    let w: { x: number; y: number };
    if (t.kind === 'cell') {
      const st = s.stages.find((x: any) => x.title === t.stage);
      const ln = s.lanes.find((x: any) => x.title === t.lane);
      if (!st || !ln) throw new Error(`No cell ${t.stage} / ${t.lane}`);
      const cell = s.layout.cells.get(`${st.id}|${ln.id}`) /* cellKey in shared/domain/layout.ts: runs in the page */;
      w = { x: cell.x + cell.w * t.fx, y: cell.y + cell.h * t.fy };
    } else if (t.kind === 'note') {
      const note = [...s.notes.values()].find((n: any) => n.text === t.text) as any;
      if (!note) throw new Error(`No note ${t.text}`);
      const b = s.layout.notes.get(note.id);
      w = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
    } else {
      const st = s.stages.find((x: any) => x.title === t.stage);
      const b = s.layout.stages.find((x: any) => x.id === st.id);
      w = { x: b.x + b.w / 2, y: b.h / 2 };
    }
    return { x: box.left + w.x * c.camera.zoom + c.camera.x, y: box.top + w.y * c.camera.zoom + c.camera.y };
  }, target);
}

/** The screen point at a fraction of a cell (default: its lower middle, below most notes). */
export const cellPoint = (page: Page, stage: string, lane: string, fx = 0.5, fy = 0.92) => pointOf(page, { kind: 'cell', stage, lane, fx, fy });
/** The centre of the note with this text. */
export const notePoint = (page: Page, text: string) => pointOf(page, { kind: 'note', text });
/** The middle of a stage's header. */
export const stageHeaderPoint = (page: Page, stage: string) => pointOf(page, { kind: 'stage', stage });

/** Waits until the canvas has drawn a frame with the current state. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export async function selection(page: Page): Promise<{ kind: string; texts: string[] }> {
  return page.evaluate(() => {
    const c = (window as any).__journeywallCanvas;
    const sel = c.getUi().selection;
    return { kind: sel.kind, texts: sel.kind === 'notes' ? c.selectedNoteIds().map((id: string) => c.scene.notes.get(id).text) : [] };
  });
}

export async function emotionScores(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const c = (window as any).__journeywallCanvas;
    const out: Record<string, number> = {};
    for (const list of c.scene.emotions.values()) for (const e of list) out[c.scene.stageTitles.get(e.stageId)] = e.score;
    return out;
  });
}

export interface ShownLayout {
  textSize: string;
  zoom: number;
  /** The canvas's size in CSS pixels. */
  width: number;
  height: number;
  /** The layout's metrics (numbers only): world pixels. */
  metrics: Record<string, number>;
  /** Stages wholly in view, left to right, by title. */
  stagesShown: string[];
  stageCount: number;
  /** The stage header band on the page (CSS pixels): where the frame's stage titles are drawn. */
  header: { x: number; y: number; w: number; h: number };
}

/** What the canvas shows now, read from its layout and camera (the numbers it draws with). */
export async function shownLayout(page: Page): Promise<ShownLayout> {
  await settle(page);
  return page.evaluate(() => {
    const c = (window as any).__journeywallCanvas;
    const l = c.scene.layout;
    const m = l.metrics;
    const box = document.querySelector('[data-testid="map-canvas"]')!.getBoundingClientRect();
    const z = c.camera.zoom;
    const metrics: Record<string, number> = {};
    for (const [k, v] of Object.entries(m)) if (typeof v === 'number') metrics[k] = v;
    const left = z * 0 + c.camera.x;
    const stagesShown = l.stages.filter((s: any) => s.x * z + c.camera.x >= -0.5 && (s.x + s.w) * z + c.camera.x <= c.width + 0.5).map((s: any) => c.scene.stageTitles.get(s.id));
    const offset = c.frameOffset();
    return {
      textSize: m.textSize,
      zoom: z,
      width: c.width,
      height: c.height,
      metrics,
      stagesShown,
      stageCount: l.stages.length,
      header: { x: box.left + Math.max(0, left + m.laneTitleWidth * z), y: box.top + offset.y * z + c.camera.y, w: Math.min(c.width, l.width * z), h: m.headerHeight * z },
    };
  });
}
