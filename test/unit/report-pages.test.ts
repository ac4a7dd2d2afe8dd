/**
 * How the report fills its paper, as pure planning: the map's split pages (main/pdf/map-plan.ts)
 * use the paper — no page of a split map left mostly empty when its stages' lanes or the next
 * stages could have shared the room — and the appendix never leaves one note alone on a page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS, layoutMap, wrapText, type LayoutLane, type LayoutNote, type MapLayout } from '../../shared/domain/layout';
import { planMap, type MapPagePlan } from '../../main/pdf/map-plan';
import { orphanBreak } from '../../main/pdf/appendix';
import { cellOf, openTestLibrary, tempDir } from '../support/library';

/** Fake text widths: 8 px a character. */
const wrap = (t: string) => wrapText(t, METRICS.noteWidth - METRICS.notePadding * 2, (s) => s.length * 8, METRICS.maxLines);
/** A4 landscape's content area in points (main/pdf/style.ts). */
const A4 = { w: 770, h: 495 };

interface Workshop {
  stages: { id: string }[];
  lanes: LayoutLane[];
  notes: LayoutNote[];
}

/** `counts[stage][lane]` notes of `words(stage, lane, i)` words in each cell; the emotion lane third. */
function workshop(counts: number[][], words: (s: number, l: number, i: number) => number = (s, l, i) => 4 + ((s * 5 + l * 3 + i * 7) % 13)): Workshop {
  const stages = counts.map((_, i) => ({ id: `s${i}` }));
  const width = counts[0]!.length;
  const lanes: LayoutLane[] = Array.from({ length: width + 1 }, (_, i) => ({ id: `l${i}`, kind: i === 2 ? 'emotion' : i === 1 ? 'touchpoints' : 'notes' }));
  const noteLanes = lanes.filter((l) => l.kind !== 'emotion');
  const notes: LayoutNote[] = [];
  counts.forEach((row, s) =>
    row.forEach((count, l) => {
      for (let i = 0; i < count; i++) notes.push({ id: `n${s}-${l}-${i}`, stageId: `s${s}`, laneId: noteLanes[l]!.id, position: i, text: 'word '.repeat(words(s, l, i)) });
    }),
  );
  return { stages, lanes, notes };
}

function plan(w: Workshop) {
  const full = layoutMap(w, wrap);
  const layoutOf = (a: number, b: number): MapLayout => {
    const ids = new Set(w.stages.slice(a, b + 1).map((s) => s.id));
    return layoutMap({ stages: w.stages.slice(a, b + 1), lanes: w.lanes, notes: w.notes.filter((n) => ids.has(n.stageId)) }, wrap);
  };
  return planMap(full, layoutOf, 'split', A4);
}

/** How much of the page's height and width the page's part of the map takes. */
function use(page: MapPagePlan): { down: number; across: number } {
  const m = page.layout.metrics;
  return { down: ((m.headerHeight + page.bottom - page.top) * page.scale) / A4.h, across: (page.layout.width * page.scale) / A4.w };
}

const describePages = (pages: MapPagePlan[]) =>
  pages.map((p) => `${p.first}–${p.last} ${p.part + 1}/${p.parts} @${p.scale}: ${Math.round(use(p).down * 100)}% down, ${Math.round(use(p).across * 100)}% across`).join('\n');

/** Eight stages; tall lanes of many notes in the middle stages, few at the ends. */
const EIGHT = workshop([
  [5, 3, 5, 3],
  [9, 5, 9, 5],
  [3, 2, 3, 2],
  [12, 7, 12, 7],
  [4, 2, 4, 2],
  [2, 1, 2, 1],
  [7, 4, 7, 4],
  [3, 2, 3, 2],
]);

describe('split map pages fill the paper', () => {
  it.each([
    ['eight stages with tall lanes', EIGHT],
    ['five stages, one very tall lane', workshop([[2, 1, 20], [3, 1, 18], [1, 2, 22], [2, 2, 3], [1, 1, 2]])],
    ['twelve even stages', workshop(Array.from({ length: 12 }, () => [4, 2, 4]))],
    ['three stages of a few notes and a tall one', workshop([[3, 1, 2], [2, 1, 1], [30, 2, 4]])],
  ])('%s: no page mostly empty, no nearly empty last page of a group', (_, w) => {
    const { pages } = plan(w);
    expect(pages.length).toBeGreaterThan(1);
    const report = describePages(pages);
    for (const page of pages) {
      const { down, across } = use(page);
      // Within the page (half a layout pixel of rounding).
      expect(down, report).toBeLessThanOrEqual(1 + 0.5 * page.scale / A4.h);
      expect(across, report).toBeLessThanOrEqual(1 + 1e-9);
      if (page.parts > 1) {
        // A group continued over pages shares its lanes out evenly: every part more than half full.
        expect(down, `${page.first}–${page.last} part ${page.part + 1}\n${report}`).toBeGreaterThan(0.55);
      } else {
        // A group on one page is printed as large as fits: filled across or down.
        expect(Math.max(down, across), report).toBeGreaterThan(0.85);
      }
    }
  });
});

describe('the appendix leaves no note alone on its last page', () => {
  it('starts a new page before the one but last note (at its headings) when the last note would be alone', () => {
    // Notes' pages and where their headings start (a note's own place, or its lane's or stage's).
    expect(orphanBreak({ notes: [{ page: 0, lead: 0 }, { page: 0, lead: 2 }, { page: 1, lead: 3 }], pages: 2 })).toBe(2);
    expect(orphanBreak({ notes: [{ page: 0, lead: 0 }, { page: 0, lead: 0 }, { page: 1, lead: 5 }], pages: 2 })).toBe(0);
    // Only the end of the last note on the last page: the one before it goes along too.
    expect(orphanBreak({ notes: [{ page: 0, lead: 0 }, { page: 0, lead: 1 }, { page: 0, lead: 2 }], pages: 2 })).toBe(1);
    // Two notes on the last page, a one-page appendix, a single note: nothing to do.
    expect(orphanBreak({ notes: [{ page: 0, lead: 0 }, { page: 1, lead: 1 }, { page: 1, lead: 2 }], pages: 2 })).toBeNull();
    expect(orphanBreak({ notes: [{ page: 0, lead: 0 }, { page: 0, lead: 1 }], pages: 1 })).toBeNull();
    expect(orphanBreak({ notes: [{ page: 1, lead: 0 }], pages: 2 })).toBeNull();
  });

  it('in a real report: the last page holds at least two notes, and every note is there once', () => {
    const lib = openTestLibrary();
    const out = tempDir('journeywall-appendix-');
    try {
      const p = lib.ok('projects.create', { template: 'purchase', title: 'Orphans', client: '', workshopDate: null, facilitator: '', goal: '', description: '' });
      const m = lib.ok('map.get', { projectId: p.id });
      const cell = cellOf(m, 'Loyalty', 'Opportunities');
      const ids: string[] = [];
      for (let i = 1; i <= 70; i++) {
        const text = `Appendix note ${String(i).padStart(3, '0')}: ${'the queue at the counter is long '.repeat(1 + (i % 4))}`;
        ids.push(lib.ok('notes.create', { projectId: p.id, ...cell, text }).id);
      }
      const lastPage = () => {
        const report = lib.ok('reports.pdf', { projectId: p.id, paper: 'a4', map: 'split' });
        const file = path.join(out, 'r.pdf');
        fs.writeFileSync(file, Buffer.from(report.pdf, 'base64'));
        const text = (first: number, last: number) => execFileSync('pdftotext', ['-raw', '-f', String(first), '-l', String(last), file, '-'], { encoding: 'utf8' });
        const numbers = (t: string) => [...t.matchAll(/Appendix note (\d{3})/g)].map((x) => Number(x[1]));
        const start = text(1, report.pages).split('\f').findIndex((page) => page.startsWith('Appendix: every note in full'));
        return { last: numbers(text(report.pages, report.pages)), all: numbers(text(start + 1, report.pages)), appendixPages: report.pages - start };
      };
      // Take notes away from the end until only one would be left on the last page.
      const before = lastPage();
      expect(before.appendixPages).toBeGreaterThan(1);
      const spare = before.last.length - 1;
      lib.ok('notes.delete', { projectId: p.id, noteIds: ids.slice(ids.length - spare) });
      const after = lastPage();
      expect(after.appendixPages).toBeGreaterThan(1);
      expect(after.last.length, `last page: ${after.last.join(', ')}`).toBeGreaterThanOrEqual(2);
      expect(after.all).toEqual(Array.from({ length: 70 - spare }, (_, i) => i + 1));
    } finally {
      lib.close();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the COPIS pages', () => {
  it('say which element a column of entries continues, and keep the gap sentence above the footer', () => {
    const lib = openTestLibrary();
    const out = tempDir('journeywall-copis-pages-');
    try {
      const p = lib.ok('projects.create', { template: 'purchase', title: 'Matrix', client: '', workshopDate: null, facilitator: '', goal: '', description: '' });
      // 21 stages: the matrix's rows fill its first page, and the sentence naming the gaps comes last.
      for (let i = 1; i <= 16; i++) lib.ok('stages.add', { projectId: p.id, title: `Extra stage number ${i}` });
      const stages = lib.ok('map.get', { projectId: p.id }).stages;
      for (let i = 0; i < 40; i++) {
        const links = i < stages.length && i % 2 === 0 ? { links: [{ kind: 'stage' as const, targetId: stages[i]!.id }] } : {};
        lib.ok('copis.add', { projectId: p.id, element: 'c', text: `Consumer entry ${i + 1}: families who come by on the way to work`, ...links });
      }
      lib.ok('copis.add', { projectId: p.id, element: 's', text: 'A loyalty card', links: stages.filter((_, i) => i % 3 === 0).map((s) => ({ kind: 'stage' as const, targetId: s.id })) });
      const report = lib.ok('reports.pdf', { projectId: p.id, paper: 'a4', map: 'split' });
      const file = path.join(out, 'copis.pdf');
      fs.writeFileSync(file, Buffer.from(report.pdf, 'base64'));
      if (process.env.JOURNEYWALL_KEEP_PDF) fs.copyFileSync(file, path.join(process.env.JOURNEYWALL_KEEP_PDF, 'copis-pages.pdf'));
      const pages = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).split('\f');
      const analysis = pages.findIndex((t) => t.startsWith('COPIS analysis'));
      expect(analysis).toBeGreaterThan(0);
      // The entries of one element run on into the next column under its name.
      expect(pages[analysis]).toMatch(/Consumer \(continued\)/);
      // Nothing but the footer below the content's bottom (595.28 − 42 pt) on the matrix's pages.
      const footer = new Set(['Matrix', '·', 'Customer', 'journey', 'map', 'Page', 'of']);
      const matrix = pages.map((t, i) => (t.startsWith('COPIS coverage matrix') ? i + 1 : 0)).filter(Boolean);
      expect(matrix.length).toBeGreaterThan(1);
      for (const page of matrix) {
        const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
        const low = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].filter((m) => Number(m[1]) > 595.28 - 42).map((m) => m[2]!);
        expect(low.filter((w) => !footer.has(w) && !/^\d+$/.test(w)), `page ${page}`).toEqual([]);
      }
      // The whole sentence is there, on one page, below the matrix's last rows.
      const last = pages[matrix[matrix.length - 1]! - 1]!.replace(/\s+/g, ' ');
      expect(last).toMatch(/Extra stage number 14 .*Extra stage number 16 .*Consumer is missing for .*Strategy for [^;]*Extra stage number 16\./);
    } finally {
      lib.close();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the emotion curve page', () => {
  it('names the stages under the chart in full, or numbers them all as the table does when a name would be cut', () => {
    const lib = openTestLibrary();
    const out = tempDir('journeywall-emotion-page-');
    try {
      const chart = (extra: number) => {
        const p = lib.ok('projects.create', { template: 'purchase', title: 'Feelings', client: '', workshopDate: null, facilitator: '', goal: '', description: '' });
        for (let i = 1; i <= extra; i++) lib.ok('stages.add', { projectId: p.id, title: `Stage with a rather long title ${i}` });
        const m = lib.ok('map.get', { projectId: p.id });
        const lane = m.lanes.find((l) => l.kind === 'emotion')!;
        m.stages.forEach((s, i) => lib.ok('emotions.set', { projectId: p.id, laneId: lane.id, stageId: s.id, personaId: null, score: (i % 5) - 2, explanation: '' }));
        const report = lib.ok('reports.pdf', { projectId: p.id, paper: 'a4', map: 'split' });
        const file = path.join(out, `emotions-${extra}.pdf`);
        fs.writeFileSync(file, Buffer.from(report.pdf, 'base64'));
        const page = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
          .split('\f')
          .find((t) => t.startsWith('Emotion curves'))!;
        // The chart's part of the page: from its heading to the table's.
        return page.slice(0, page.indexOf('STAGE')).replace(/\s+/g, ' ');
      };
      const few = chart(0);
      expect(few).toContain('Awareness Consideration Purchase Post-purchase Loyalty');
      expect(few).not.toContain('numbered');
      const many = chart(20);
      expect(many).not.toContain('…');
      expect(many).toContain('25 of 25 stages scored · stages numbered as in the table');
      expect(many).toContain(Array.from({ length: 25 }, (_, i) => i + 1).join(' '));
    } finally {
      lib.close();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
