/**
 * The COPIS analysis on the canvas, outside React: the selected entry's stages and notes
 * highlighted (and brought into view), and the coverage strip under each stage header — five marks
 * in COPIS order, filled where the element has an entry for the stage, hollow where it is a gap.
 * Drawn through the controller's `frameExtras` hook, over the frame, in world units. It also tells
 * the panel what is selected on the canvas (a stage: the panel filters to it; notes: they can be
 * linked to an entry in one action).
 */
import type { CanvasController, Selection } from '../canvas/controller';
import { COPIS_ELEMENTS, type CopisElement } from '../../../shared/domain/copis';

export const COPIS_COLORS = { filled: '#0f766e', gap: '#b45309', highlight: '#0f766e', stripBg: 'rgba(255,255,255,0.94)' } as const;

export interface StripState {
  /** Per stage: entries per element. */
  counts: ReadonlyMap<string, Record<CopisElement, number>>;
  /** First letters of the elements as the variant names them. */
  letters: Record<CopisElement, string>;
}

export interface CanvasPick {
  stageId: string | null;
  noteIds: string[];
}

const NONE: CanvasPick = { stageId: null, noteIds: [] };

export class CopisCanvas {
  private controller: CanvasController | null = null;
  private unsubscribe: (() => void) | null = null;
  private strip: StripState | null = null;
  private stages: ReadonlySet<string> = new Set();
  private notes: ReadonlySet<string> = new Set();
  private pick: CanvasPick = NONE;
  private readonly listeners = new Set<() => void>();
  /** What was drawn last frame, for tests: the strip (stage id → marks "CoPIS", capitals filled) and the highlighted notes. */
  lastDrawn: { strip: Record<string, string>; notes: string[]; stages: string[] } = { strip: {}, notes: [], stages: [] };

  attach(controller: CanvasController | null) {
    if (controller === this.controller) return;
    if (this.controller) this.controller.frameExtras = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.controller = controller;
    if (!controller) return this.setPick(NONE);
    controller.frameExtras = this.draw;
    this.unsubscribe = controller.subscribe(() => this.readSelection());
    this.readSelection();
    this.redraw();
  }

  /** The strip to show, or null for none. */
  setStrip(strip: StripState | null) {
    this.strip = strip;
    this.redraw();
  }

  /** Highlight an entry's stages and notes; `reveal` brings them into view. */
  setHighlight(stageIds: readonly string[], noteIds: readonly string[], reveal: boolean) {
    this.stages = new Set(stageIds);
    this.notes = new Set(noteIds);
    this.redraw();
    const c = this.controller;
    if (!reveal || !c) return;
    if (noteIds.length > 0) c.revealNote(noteIds[0]!);
    else if (stageIds.length > 0) {
      const s = c.scene.layout.stages.find((x) => x.id === stageIds[0]);
      if (s) c.revealRect({ x: s.x, y: 0, w: s.w, h: c.scene.layout.metrics.headerHeight + 40 });
    }
  }

  getPick = (): CanvasPick => this.pick;
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private readSelection() {
    const sel: Selection | undefined = this.controller?.getUi().selection;
    const next: CanvasPick =
      sel?.kind === 'stage' ? { stageId: sel.id, noteIds: [] } : sel?.kind === 'notes' ? { stageId: null, noteIds: this.controller!.selectedNoteIds() } : NONE;
    if (next.stageId === this.pick.stageId && next.noteIds.join() === this.pick.noteIds.join()) return;
    this.setPick(next);
  }

  private setPick(p: CanvasPick) {
    this.pick = p;
    for (const l of [...this.listeners]) l();
  }

  private redraw() {
    this.controller?.invalidate('scene');
  }

  private draw = (ctx: CanvasRenderingContext2D) => {
    const c = this.controller;
    if (!c) return;
    const layout = c.scene.layout;
    const m = layout.metrics;
    const z = c.camera.zoom;
    const off = c.frameOffset();
    const drawn: CopisCanvas['lastDrawn'] = { strip: {}, notes: [], stages: [] };
    // Linked notes: outlined, inside the cells' area (never over the frame).
    ctx.save();
    ctx.beginPath();
    ctx.rect(off.x + m.laneTitleWidth, off.y + m.headerHeight, layout.width, layout.height);
    ctx.clip();
    ctx.strokeStyle = COPIS_COLORS.highlight;
    ctx.lineWidth = 5 / z;
    for (const id of this.notes) {
      const b = layout.notes.get(id);
      if (!b) continue;
      const pad = 6 / z;
      ctx.strokeRect(b.x - pad, b.y - pad, b.w + 2 * pad, b.h + 2 * pad);
      drawn.notes.push(id);
    }
    ctx.restore();
    for (const s of layout.stages) {
      if (!this.stages.has(s.id)) continue;
      ctx.strokeStyle = COPIS_COLORS.highlight;
      ctx.lineWidth = 6 / z;
      ctx.strokeRect(s.x + 3 / z, off.y + 3 / z, s.w - 6 / z, m.headerHeight - 6 / z);
      drawn.stages.push(s.id);
    }
    const strip = this.strip;
    if (strip) {
      // Sized from the map's text size (like a note's tags), so the room can read it at Large.
      const f = m.tagFont + 1;
      const box = Math.round(f * 0.95);
      const h = Math.round(f * 1.6);
      const y = off.y + m.headerHeight;
      for (const s of layout.stages) {
        const counts = strip.counts.get(s.id);
        if (!counts) continue;
        const x0 = s.x + 8;
        const step = Math.min((s.w - 24) / 5, f * 3);
        const w = 5 * step + 8;
        ctx.fillStyle = COPIS_COLORS.stripBg;
        ctx.fillRect(x0, y, w, h);
        ctx.strokeStyle = 'rgba(20,24,29,0.25)';
        ctx.lineWidth = 1 / z;
        ctx.strokeRect(x0, y, w, h);
        ctx.font = `700 ${f}px Inter, sans-serif`;
        ctx.textBaseline = 'middle';
        let marks = '';
        COPIS_ELEMENTS.forEach((el, i) => {
          const x = x0 + 5 + i * step;
          const top = y + (h - box) / 2;
          const filled = counts[el] > 0;
          ctx.lineWidth = 1.5;
          if (filled) {
            ctx.fillStyle = COPIS_COLORS.filled;
            ctx.fillRect(x, top, box, box);
          } else {
            ctx.strokeStyle = COPIS_COLORS.gap;
            ctx.strokeRect(x + 0.75, top + 0.75, box - 1.5, box - 1.5);
          }
          ctx.fillStyle = filled ? COPIS_COLORS.filled : COPIS_COLORS.gap;
          ctx.fillText(strip.letters[el], x + box + 3, y + h / 2 + 0.5);
          marks += filled ? el.toUpperCase() : el;
        });
        drawn.strip[s.id] = marks;
      }
    }
    this.lastDrawn = drawn;
  };
}
