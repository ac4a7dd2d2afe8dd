/**
 * The PDF report, made from real libraries in temp folders through the API, and checked with
 * the real PDF tools (poppler's pdftotext, pdffonts, pdfinfo, and qpdf): a valid file, every
 * font embedded, every title and every note's full text in its text, the paper size asked for,
 * one map page when fitted and more when split. (Its speed: report-speed.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectMap, ReportFile } from '../../shared/api/schemas';
import { METRICS, layoutMap, wrapText, type MapLayout } from '../../shared/domain/layout';
import { fontDirectory, reportFontFiles } from '../../main/pdf/fonts';
import { FIT_MAX_SCALE, fitLegibility, MIN_TEXT_PT, planMap, SMALLEST_TEXT_PX, SPLIT_SCALE } from '../../main/pdf/map-plan';
import { reportFileName } from '../../main/pdf/report';
import { openTestLibrary, tempDir, cellOf, type TestLibrary } from '../support/library';

const LONG_NOTE =
  'This note is far too long for a sticky note on the map: the sign-up form asks for eleven fields, the confirmation email lands in the spam folder, the password rules are explained only after a failed attempt, and in the end the customer walks across the street to the competitor, who takes an order by name alone. Its last words are ENDS-HERE-IN-FULL.';
const NON_ASCII = 'Zoë’s café – naïve ąęł';
const SCRIPTS = 'Вера из Киева и Ελένη από την Αθήνα';
const NOT_IN_THE_FONT = 'Feedback in 日本語 too 😀 and \u{10FFFD}';

let lib: TestLibrary;
let out: string;
beforeEach(() => {
  lib = openTestLibrary();
  out = tempDir('journeywall-pdf-');
});
afterEach(() => {
  lib.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Made {
  file: string;
  report: ReportFile;
  /** pdftotext -raw (content order), whitespace squashed. */
  text: string;
  info: Record<string, string>;
}

function make(projectId: string, paper: 'a4' | 'a3', map: 'fit' | 'split', name = `${paper}-${map}`): Made {
  const report = lib.ok('reports.pdf', { projectId, paper, map });
  const file = path.join(out, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(report.pdf, 'base64'));
  const info = Object.fromEntries(
    run('pdfinfo', [file])
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  return { file, report, text: squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'])), info };
}

const pageText = (file: string, page: number) => squash(run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), file, '-']));
const pagesOf = (m: Made) => Array.from({ length: m.report.pages }, (_, i) => pageText(m.file, i + 1));

/** A workshop: notes in several cells, a long one, other scripts, tags, channels, authors, emotions. */
function workshop(): { projectId: string; map: ProjectMap } {
  const p = lib.ok('projects.create', {
    template: 'purchase',
    title: 'Acme onboarding — Zoë’s café',
    client: 'Acme Coffee',
    workshopDate: '2026-11-23',
    facilitator: 'Dana Whitfield',
    goal: 'Find where first-time customers give up.',
    description: 'Two hours with the store managers and the app team.',
  });
  const m = lib.ok('map.get', { projectId: p.id });
  const add = (stage: string, lane: string, text: string, extra: Record<string, unknown> = {}) => lib.ok('notes.create', { projectId: p.id, ...cellOf(m, stage, lane), text, ...extra });
  add('Awareness', 'Customer actions', 'Sees the shop sign on the way to the station', { author: 'Sam Lee' });
  add('Awareness', 'Customer actions', LONG_NOTE, { tags: ['pain', 'question'], author: 'Facilitator' });
  add('Awareness', 'Customer actions', 'Hears about it from a colleague', { tags: ['idea'] });
  add('Awareness', 'Touchpoints', 'Instagram post by a friend', { channel: 'social', author: 'Ana' });
  add('Consideration', 'Pain points', NON_ASCII, { tags: ['pain'], author: 'Zoë' });
  add('Purchase', 'Touchpoints', 'Card terminal fails twice', { channel: 'store', tags: ['pain'] });
  add('Post-purchase', 'Opportunities', SCRIPTS, { tags: ['opportunity'] });
  add('Loyalty', 'Opportunities', NOT_IN_THE_FONT);
  for (let i = 1; i <= 9; i++) add('Loyalty', 'Customer actions', `Loyalty idea number ${i}: a free pastry with every tenth coffee`);
  const emotion = m.lanes.find((l) => l.kind === 'emotion')!;
  const scores = [1, 0, -2, 1, 2];
  m.stages.forEach((s, i) =>
    lib.ok('emotions.set', { projectId: p.id, laneId: emotion.id, stageId: s.id, personaId: null, score: scores[i]!, explanation: i === 2 ? 'The queue is long and the card terminal fails' : '' }),
  );
  return { projectId: p.id, map: lib.ok('map.get', { projectId: p.id }) };
}

describe('reports.pdf', () => {
  it('makes a valid PDF with every font embedded, every title and every note in full', () => {
    const { projectId, map } = workshop();
    // Fitted on A3: five stages fitted on A4 would print under 6 pt and are refused (below).
    for (const mode of ['fit', 'split'] as const) {
      const made = make(projectId, mode === 'fit' ? 'a3' : 'a4', mode);
      expect(run('qpdf', ['--check', made.file])).toMatch(/No syntax or stream encoding errors/);
      // Every font embedded: no standard font (Helvetica …) the reader's computer would have to supply.
      const fonts = run('pdffonts', [made.file]).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const row of fonts) {
        expect(row).toMatch(/Inter|Noto/);
        const cols = row.trim().split(/\s+/);
        expect(cols.slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']); // embedded, subset, ToUnicode
      }
      expect(made.text).toContain(map.project.title);
      for (const s of map.stages) expect(made.text).toContain(s.title);
      for (const l of map.lanes) expect(made.text).toContain(l.title);
      for (const n of map.notes) expect(made.text, n.text).toContain(squash(n.text));
      expect(made.text).toContain(NON_ASCII);
      expect(made.text).toContain(SCRIPTS);
      // Characters no bundled font has are drawn as boxes, but the text keeps them.
      expect(made.text).toContain(NOT_IN_THE_FONT);
      expect(made.text).toContain('The queue is long and the card terminal fails');
      expect(made.text).toContain('Acme Coffee');
      expect(made.text).toContain('Dana Whitfield');
      expect(made.text).toContain('23 November 2026');
      expect(made.text).toContain('Find where first-time customers give up.');
      expect(made.info.Pages).toBe(String(made.report.pages));
      expect(made.info.Title).toBe(map.project.title);
    }
  });

  it('cuts a long note on the map with an ellipsis and gives it whole in the appendix, in map order', () => {
    const { projectId } = workshop();
    const made = make(projectId, 'a3', 'fit');
    // Page 1 is the cover, page 2 the fitted map; the appendix is last.
    const mapPage = pageText(made.file, 2);
    expect(mapPage).toContain('This note is far too long');
    expect(mapPage).toContain('…');
    expect(mapPage).not.toContain('ENDS-HERE-IN-FULL');
    const appendix = pagesOf(made)
      .filter((t) => t.startsWith('Appendix: every note in full'))
      .join(' ');
    expect(appendix).not.toBe('');
    expect(appendix).toContain(squash(LONG_NOTE));
    // Stage → lane → order in the cell.
    const at = (s: string) => appendix.indexOf(s);
    expect(at('Sees the shop sign')).toBeLessThan(at('This note is far too long'));
    expect(at('This note is far too long')).toBeLessThan(at('Hears about it from a colleague'));
    expect(at('Hears about it from a colleague')).toBeLessThan(at('Instagram post by a friend'));
    expect(at('Instagram post by a friend')).toBeLessThan(at(NON_ASCII));
    expect(at(NON_ASCII)).toBeLessThan(at('Card terminal fails twice'));
    expect(at('Loyalty idea number 1:')).toBeLessThan(at('Loyalty idea number 9:'));
    // Tags, channel and author go with the note.
    expect(appendix).toMatch(/Instagram post by a friend Social by Ana/);
    expect(appendix).toMatch(/Card terminal fails twice Store Pain/);
  });

  it('fits the map on one page, or splits it over more with the headers on every map page', () => {
    const { projectId, map } = workshop();
    const fit = make(projectId, 'a3', 'fit');
    const split = make(projectId, 'a4', 'split');
    expect(split.report.pages).toBeGreaterThan(fit.report.pages);
    const mapPages = (m: Made) => pagesOf(m).filter((t) => t.startsWith('Journey map'));
    expect(mapPages(fit)).toHaveLength(1);
    const pages = mapPages(split);
    expect(pages.length).toBeGreaterThan(1);
    // Each split page names its stages and repeats the lane titles it shows.
    for (const text of pages) {
      expect(text).toMatch(/Stages? \d/);
      expect(map.lanes.some((l) => text.includes(l.title))).toBe(true);
      expect(text).toMatch(/STAGE \d/);
    }
    // Every stage's header is on some split page.
    for (const s of map.stages) expect(pages.some((t) => t.includes(s.title))).toBe(true);
  });

  it('makes A3 or A4 landscape pages as asked, A4 and split by default', () => {
    const { projectId } = workshop();
    expect(make(projectId, 'a4', 'split').info['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
    expect(make(projectId, 'a3', 'split').info['Page size']).toMatch(/^1190\.55 x 841\.89 pts/);
    const byDefault = lib.ok('reports.pdf', { projectId });
    const asked = lib.ok('reports.pdf', { projectId, paper: 'a4', map: 'split' });
    expect(byDefault.pages).toBe(asked.pages);
    expect(byDefault.fileName).toMatch(/^Acme-onboarding-Zoës-café-\d{4}-\d{2}-\d{2}\.pdf$/);
  });

  it('lists voting results, ranked, round by round (and leaves the section out without votes)', () => {
    const { projectId, map } = workshop();
    const none = make(projectId, 'a4', 'split', 'no-votes');
    expect(none.text).not.toContain('Voting results');
    const pains = lib.ok('voting.open', { projectId, name: 'Biggest pains', votesPerParticipant: 3 });
    const note = (text: string) => map.notes.find((n) => n.text === text)!.id;
    const cast = (text: string, participant: string) => lib.ok('voting.cast', { projectId, roundId: pains.id, noteId: note(text), participant });
    cast('Card terminal fails twice', 'Anna');
    cast('Card terminal fails twice', 'Bo');
    cast(NON_ASCII, 'Bo');
    lib.ok('voting.close', { projectId, roundId: pains.id });
    const made = make(projectId, 'a4', 'split', 'votes');
    expect(run('qpdf', ['--check', made.file])).toMatch(/No syntax or stream encoding errors/);
    const page = pagesOf(made).find((t) => t.startsWith('Voting results'))!;
    expect(page).toBeDefined();
    expect(page).toContain('Biggest pains');
    expect(page).toContain('3 votes each · 2 participants · 3 votes in all');
    expect(page).toMatch(/closed \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(page).toContain('1 2 votes Card terminal fails twice');
    expect(page.indexOf('Card terminal fails twice')).toBeLessThan(page.indexOf(NON_ASCII));
    // The dots are on the map as on the canvas: a pill with the count on the voted note.
    const mapPage = pagesOf(made).find((t) => t.startsWith('Journey map') && t.includes('Card terminal fails twice'))!;
    expect(mapPage).toMatch(/Card terminal fails twice.*\b2\b/);
    if (process.env.JOURNEYWALL_KEEP_PDF) fs.copyFileSync(made.file, path.join(process.env.JOURNEYWALL_KEEP_PDF, 'votes.pdf'));
    expect(page).toContain('Purchase › Touchpoints');
    // The contents on the cover name the section.
    expect(pageText(made.file, 1)).toContain('Voting results');
    if (process.env.JOURNEYWALL_KEEP_REPORT) fs.copyFileSync(made.file, process.env.JOURNEYWALL_KEEP_REPORT);
  });

  it('makes a report of an empty project, and of a map without lanes', () => {
    const p = lib.ok('projects.create', { template: 'blank', title: 'Nothing yet' });
    const empty = make(p.id, 'a4', 'split', 'empty');
    expect(run('qpdf', ['--check', empty.file])).toMatch(/No syntax or stream encoding errors/);
    expect(empty.text).toContain('Nothing yet');
    expect(empty.text).not.toContain('Appendix');
    expect(empty.text).not.toContain('Emotion curves');
    const m = lib.ok('map.get', { projectId: p.id });
    const lane = lib.raw('lanes.delete', { projectId: p.id, laneId: m.lanes[0]!.id });
    if (!lane.ok) return; // a map keeps at least one lane: nothing more to try
    for (const mode of ['fit', 'split'] as const) {
      const none = make(p.id, 'a4', mode, `none-${mode}`);
      expect(run('qpdf', ['--check', none.file])).toMatch(/No syntax or stream encoding errors/);
      expect(none.text).toContain('The map has no stages or lanes yet.');
    }
  });

  it('gives long stage and lane titles in full, also of a stage without notes', () => {
    const { projectId, map } = workshop();
    const long = (what: string) => `${what} with a title long enough that no header on the map can show it whole, so it must be written out in full somewhere else in the report`;
    lib.ok('stages.add', { projectId, title: long('An extra stage') });
    const lane = map.lanes.find((l) => l.title === 'Pain points')!;
    lib.ok('lanes.rename', { projectId, laneId: lane.id, title: long('The pain points lane') });
    for (const mode of ['fit', 'split'] as const) {
      const made = make(projectId, mode === 'fit' ? 'a3' : 'a4', mode, `long-${mode}`);
      expect(made.text).toContain(long('An extra stage'));
      expect(made.text).toContain(long('The pain points lane'));
    }
  });

  it('refuses bad input in words and a project that does not exist', () => {
    const { projectId } = workshop();
    const paper = lib.err('reports.pdf', { projectId, paper: 'letter' });
    expect(paper.code).toBe('invalid_input');
    expect(paper.message).toMatch(/Paper must be a4 or a3/);
    expect(lib.err('reports.pdf', { projectId, map: 'poster' }).message).toMatch(/Map must be fit or split/);
    expect(lib.err('reports.pdf', { projectId, colour: true }).code).toBe('invalid_input');
    expect(lib.err('reports.pdf', { projectId: '0b9c8f0e-8c31-4f59-9c59-0e6d6a8c1a11' }).code).toBe('not_found');
  });
});

describe('the file name', () => {
  it('keeps letters and digits of the title, then the date', () => {
    const day = new Date(2026, 10, 23, 15, 0);
    expect(reportFileName('Acme: onboarding / 2027', day)).toBe('Acme-onboarding-2027-2026-11-23.pdf');
    expect(reportFileName('Zoë’s café – naïve', day)).toBe('Zoës-café-naïve-2026-11-23.pdf');
    expect(reportFileName('../../etc/passwd', day)).toBe('etc-passwd-2026-11-23.pdf');
    expect(reportFileName('***', day)).toBe('Journey-map-2026-11-23.pdf');
    expect(reportFileName('x'.repeat(300), day)).toBe(`${'x'.repeat(80)}-2026-11-23.pdf`);
  });
});

describe('planning the map pages', () => {
  /** Fake text widths: 8 px a character. */
  const wrap = (t: string) => wrapText(t, METRICS.noteWidth - METRICS.notePadding * 2, (s) => s.length * 8, METRICS.maxLines);
  const stages = Array.from({ length: 7 }, (_, i) => ({ id: `s${i}` }));
  const lanes = [
    { id: 'l0', kind: 'notes' as const },
    { id: 'l1', kind: 'touchpoints' as const },
    { id: 'l2', kind: 'emotion' as const },
    { id: 'l3', kind: 'notes' as const },
  ];
  const notes = Array.from({ length: 160 }, (_, i) => ({
    id: `n${i}`,
    stageId: `s${(i * 7) % 5}`,
    laneId: i % 3 === 0 ? 'l3' : i % 3 === 1 ? 'l0' : 'l1',
    position: i,
    text: 'word '.repeat(3 + (i % 17)),
  }));
  const full = layoutMap({ stages, lanes, notes }, wrap);
  const layoutOf = (a: number, b: number): MapLayout => {
    const ids = new Set(stages.slice(a, b + 1).map((s) => s.id));
    return layoutMap({ stages: stages.slice(a, b + 1), lanes, notes: notes.filter((n) => ids.has(n.stageId)) }, wrap);
  };
  const area = { w: 770, h: 495 };

  it('fits the whole map on one page', () => {
    const plan = planMap(full, layoutOf, 'fit', area);
    expect(plan.pages).toHaveLength(1);
    expect(full.width * plan.pages[0]!.scale).toBeLessThanOrEqual(area.w + 1e-6);
    expect(full.height * plan.pages[0]!.scale).toBeLessThanOrEqual(area.h + 1e-6);
  });

  it('splits by stages at a readable scale: every stage and every note on a page, no note or emotion lane cut', () => {
    const plan = planMap(full, layoutOf, 'split', area);
    expect(plan.pages.length).toBeGreaterThan(1);
    // Stage groups: consecutive, covering every stage once.
    const groups = [...new Map(plan.pages.map((p) => [`${p.first}-${p.last}`, p])).values()];
    expect(groups[0]!.first).toBe(0);
    for (let i = 1; i < groups.length; i++) expect(groups[i]!.first).toBe(groups[i - 1]!.last + 1);
    expect(groups[groups.length - 1]!.last).toBe(stages.length - 1);
    const seen = new Map<string, number>();
    for (const page of plan.pages) {
      const m = page.layout.metrics;
      // At a readable scale, and it fits the page.
      expect(page.scale).toBeGreaterThanOrEqual(SPLIT_SCALE.min);
      expect(page.scale).toBeLessThanOrEqual(FIT_MAX_SCALE);
      // The page is filled across or down (a narrow group is printed larger, not left half empty).
      const used = Math.max((page.layout.width * page.scale) / area.w, ((m.headerHeight + page.bottom - page.top) * page.scale) / area.h);
      expect(used, `page of stages ${page.first}–${page.last}`).toBeGreaterThan(0.85);
      expect(page.layout.width * page.scale).toBeLessThanOrEqual(area.w + 1e-6);
      expect((m.headerHeight + page.bottom - page.top) * page.scale).toBeLessThanOrEqual(area.h + 1e-6);
      for (const n of page.layout.noteList) {
        const inside = n.y >= page.top && n.y + n.h <= page.bottom;
        const outside = n.y + n.h <= page.top || n.y >= page.bottom;
        expect(inside || outside, `note ${n.id} cut by a page edge`).toBe(true);
        if (inside) seen.set(n.id, (seen.get(n.id) ?? 0) + 1);
      }
      for (const lane of page.layout.lanes.filter((l) => l.kind === 'emotion')) {
        expect(lane.y + lane.h <= page.top || lane.y >= page.bottom || (lane.y >= page.top && lane.y + lane.h <= page.bottom)).toBe(true);
      }
    }
    expect(seen.size).toBe(notes.length);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
  });
});

describe('a fitted map on paper', () => {
  it('is legible (note text at least 6 pt) or refused with advice in words', () => {
    expect(fitLegibility(MIN_TEXT_PT / SMALLEST_TEXT_PX, 'a4')).toEqual({ ok: true });
    const a4 = fitLegibility(0.3, 'a4');
    expect(a4.ok).toBe(false);
    if (!a4.ok) expect(a4.message).toMatch(/4\.8 pt.*split over pages.*A3/);
    const tiny = fitLegibility(0.1, 'a4');
    if (!tiny.ok) expect(tiny.message).not.toMatch(/A3/);
    expect(fitLegibility(0.3, 'a3').ok).toBe(false);
  });

  it('refuses to fit a map too large to read on one page, and splits it instead when asked', () => {
    const p = lib.ok('projects.create', { template: 'purchase', title: 'Huge wall', client: '', workshopDate: null, facilitator: '', goal: '', description: '' });
    for (let i = 0; i < 20; i++) lib.ok('stages.add', { projectId: p.id, title: `Extra stage ${i + 1}` });
    const m = lib.ok('map.get', { projectId: p.id });
    const e = lib.err('reports.pdf', { projectId: p.id, paper: 'a4', map: 'fit' });
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/too large to read on one A4 page.*split over pages/);
    expect(lib.ok('reports.pdf', { projectId: p.id, paper: 'a4', map: 'split' }).pages).toBeGreaterThan(2);
    expect(m.stages.length).toBe(25);
  });
});

describe('fonts', () => {
  it('has every font file the report may embed, and the build copies the same ones', () => {
    const files = reportFontFiles();
    expect(files.length).toBeGreaterThan(300);
    for (const { pkg, file } of files) expect(fs.existsSync(path.join(fontDirectory(pkg), file)), file).toBe(true);
    const built = path.join(__dirname, '..', '..', 'dist', 'main', 'fonts');
    if (fs.existsSync(built)) expect(fs.readdirSync(built).filter((f) => f.endsWith('.woff')).sort()).toEqual(files.map((f) => f.file).sort());
  });
});
