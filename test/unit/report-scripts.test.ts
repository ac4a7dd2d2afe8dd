/**
 * The PDF report in every script a workshop may write in: Chinese, Japanese, Korean, Arabic and
 * Hebrew (right to left), Cyrillic, Greek and emoji are drawn as text from the bundled fonts,
 * embedded as subsets (pdffonts), found by pdftotext, and the file passes qpdf --check. A report
 * in Latin letters alone embeds Inter alone, so the other fonts cost it nothing.
 * Set JOURNEYWALL_KEEP_PDF=<folder> to keep the files (and look at them: pdftoppm -png).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { direction, levels, visualOrder } from '../../main/pdf/bidi';
import { runs } from '../../main/pdf/fonts';
import { cellOf, openTestLibrary, tempDir, type TestLibrary } from '../support/library';

const NOTES = {
  chinese: '顾客在门口排队太久，很多人直接离开了',
  japanese: 'レジの待ち時間が長すぎて、お客様が帰ってしまう',
  korean: '계산대 대기 시간이 너무 길어요',
  arabic: 'العميل ينتظر طويلا عند الدفع',
  hebrew: 'הלקוח מחכה יותר מדי בקופה',
  cyrillic: 'Клиент ждёт слишком долго у кассы',
  greek: 'Ο πελάτης περιμένει πολύ στο ταμείο',
  emoji: 'Great coffee 😀👍 ☕',
} as const;
/** Mixed directions in one note: Latin words and digits inside Hebrew. */
const MIXED = 'Wait of 12 minutes — המתנה של 12 דקות';

let lib: TestLibrary;
let out: string;
beforeAll(() => {
  lib = openTestLibrary();
  out = process.env.JOURNEYWALL_KEEP_PDF ?? tempDir('journeywall-pdf-scripts-');
  fs.mkdirSync(out, { recursive: true });
});
afterAll(() => {
  lib.close();
  if (!process.env.JOURNEYWALL_KEEP_PDF) fs.rmSync(out, { recursive: true, force: true });
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function project(title: string, texts: readonly string[]): string {
  const p = lib.ok('projects.create', { template: 'purchase', title, client: 'Client', workshopDate: '2026-11-23', facilitator: 'Dana', goal: '', description: '' });
  const m = lib.ok('map.get', { projectId: p.id });
  texts.forEach((text, i) => lib.ok('notes.create', { projectId: p.id, ...cellOf(m, m.stages[i % m.stages.length]!.title, 'Customer actions'), text }));
  return p.id;
}

function make(projectId: string, name: string, map: 'fit' | 'split' = 'split'): { file: string; bytes: number; text: string; fonts: string[] } {
  const report = lib.ok('reports.pdf', { projectId, paper: map === 'fit' ? 'a3' : 'a4', map });
  const file = path.join(out, `${name}.pdf`);
  const bytes = Buffer.from(report.pdf, 'base64');
  fs.writeFileSync(file, bytes);
  const fonts = run('pdffonts', [file]).trim().split('\n').slice(2);
  return { file, bytes: bytes.length, text: squash(run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')), fonts };
}

describe('the report in every script', () => {
  it('draws every script and emoji as embedded, subset fonts that pdftotext reads back', () => {
    const id = project('Scripts of the world', [...Object.values(NOTES), MIXED]);
    for (const mode of ['split', 'fit'] as const) {
      const made = make(id, `scripts-${mode}`, mode);
      expect(run('qpdf', ['--check', made.file])).toMatch(/No syntax or stream encoding errors/);
      for (const [script, text] of Object.entries(NOTES)) expect(made.text, script).toContain(text);
      // Mixed directions: pdftotext gives the right-to-left pieces between embedding marks, in its own order.
      expect(made.text).toContain('Wait of 12 minutes —');
      for (const word of ['המתנה של', 'דקות']) expect(made.text).toContain(word);
      const families = ['Inter', 'NotoSansSC', 'NotoSansJP', 'NotoSansKR', 'NotoSansArabic', 'NotoSansHebrew', 'NotoEmoji'];
      for (const family of families) expect(made.fonts.some((row) => row.includes(family)), family).toBe(true);
      for (const row of made.fonts) {
        // A subset (ABCDEF+Name), embedded, subset, with a ToUnicode map.
        expect(row).toMatch(/^[A-Z]{6}\+/);
        expect(row.trim().split(/\s+/).slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']);
      }
      // No character is drawn as a missing-glyph box: a box would come with an ActualText span of the
      // whole line, and every glyph of these notes has a font.
      for (const text of Object.values(NOTES)) expect(runs(text).every((r) => r.face !== null), text).toBe(true);
    }
  });

  it('embeds only Inter in a Latin report: the other fonts add nothing to its size', () => {
    const latin = ['Sees the shop sign on the way to the station', 'Zoë’s café – naïve ąęł', 'Asks a friend'];
    const made = make(project('Latin only', latin), 'latin');
    expect(made.fonts.length).toBeGreaterThan(0);
    for (const row of made.fonts) expect(row).toMatch(/Inter/);
    // The same report with one Japanese note grows by that font's few glyphs, not by the font.
    const withJapanese = make(project('Latin only', [...latin, '待ち時間']), 'latin-and-japanese');
    expect(withJapanese.fonts.some((row) => row.includes('NotoSansJP'))).toBe(true);
    expect(withJapanese.bytes - made.bytes).toBeLessThan(40_000);
    console.log(`Latin report ${made.bytes} bytes; with one Japanese note ${withJapanese.bytes} bytes`);
  });
});

describe('right to left', () => {
  it('orders a line by the bidirectional algorithm: Hebrew runs right to left, Latin and digits left to right', () => {
    const text = 'abc אבג 12 דהו def';
    const lv = levels(text);
    expect(lv.slice(0, 3)).toEqual([0, 0, 0]);
    expect(lv[4]).toBe(1);
    const order = visualOrder(runs(text).filter((r) => r.text.trim()));
    expect(order.map((r) => r.text.trim())).toEqual(['abc', 'דהו', '12', 'אבג', 'def']);
    // In a Hebrew paragraph, the runs read from the right: the first Hebrew word is drawn last.
    const he = visualOrder(runs('שלום world 42').filter((r) => r.text.trim()));
    expect(he[he.length - 1]!.text.trim()).toBe('שלום');
  });

  it('takes a paragraph’s direction from its first strong letter, and orders each wrapped line in it', () => {
    expect(direction('שלום world 42')).toBe('rtl');
    expect(direction('42 — العميل ينتظر')).toBe('rtl');
    expect(direction('Wait of 12 minutes — המתנה')).toBe('ltr');
    expect(direction('Just Latin')).toBe('ltr');
    // A line of a Hebrew paragraph that begins with a Latin word: still read from the right.
    const line = visualOrder(runs('Acme שלום', 'rtl').filter((r) => r.text.trim()));
    expect(line.map((r) => r.text.trim())).toEqual(['שלום', 'Acme']);
  });
});

describe('right-to-left notes on paper', () => {
  /** Words pdftotext finds on a page, with their boxes. */
  const words = (file: string, page: number) =>
    [...run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]),
      x1: Number(m[3]),
      y: Number(m[2]),
      text: m[5]!,
    }));
  type Word = ReturnType<typeof words>[number];
  const span = (list: Word[]) => ({ x0: Math.min(...list.map((w) => w.x0)), x1: Math.max(...list.map((w) => w.x1)) });

  it('are right-aligned on the map, in the appendix and in the voting results; a Latin-first note with Hebrew in it stays left-aligned', () => {
    const p = lib.ok('projects.create', { template: 'purchase', title: 'Directions', client: '', workshopDate: null, facilitator: '', goal: '', description: '' });
    const m = lib.ok('map.get', { projectId: p.id });
    const add = (stage: string, lane: string, text: string) => lib.ok('notes.create', { projectId: p.id, ...cellOf(m, stage, lane), text });
    // Each right-to-left (or mixed) note above a short Latin one in the same place of the next lane.
    const hebrew = add('Awareness', 'Customer actions', 'הלקוח מחכה');
    add('Awareness', 'Touchpoints', 'Sees a sign');
    add('Consideration', 'Customer actions', 'العميل ينتظر');
    add('Consideration', 'Touchpoints', 'Reads a menu');
    add('Purchase', 'Customer actions', 'Wait of 12 minutes — המתנה');
    add('Purchase', 'Touchpoints', 'Pays at till');
    const round = lib.ok('voting.open', { projectId: p.id, name: 'Pains', votesPerParticipant: 3 });
    lib.ok('voting.cast', { projectId: p.id, roundId: round.id, noteId: hebrew.id, participant: 'Ann' });
    lib.ok('voting.close', { projectId: p.id, roundId: round.id });
    const report = lib.ok('reports.pdf', { projectId: p.id, paper: 'a3', map: 'fit' });
    const file = path.join(out, 'directions.pdf');
    fs.writeFileSync(file, Buffer.from(report.pdf, 'base64'));
    const page = (title: string) => Array.from({ length: report.pages }, (_, i) => i + 1).find((n) => run('pdftotext', ['-f', String(n), '-l', String(n), file, '-']).startsWith(title))!;
    const on = (n: number) => {
      const all = words(file, n);
      const find = (re: RegExp) => all.filter((w) => re.test(w.text));
      return { he: span(find(/[\u0590-\u05ff]/).filter((w) => !/\d/.test(w.text))), ar: span(find(/[\u0600-\u06ff]/)), all, find };
    };
    // The map: a right-to-left note ends where the note's text area ends, further right than the Latin note below starts.
    const map = on(page('Journey map'));
    const sees = span(map.find(/^(Sees|sign)$/));
    const reads = span(map.find(/^(Reads|menu)$/));
    const heMap = span(map.find(/^[\u0590-\u05ff]+$/).filter((w) => Math.abs(w.x0 - sees.x0) < 200));
    expect(heMap.x0).toBeGreaterThan(sees.x0 + 10);
    expect(map.ar.x0).toBeGreaterThan(reads.x0 + 10);
    // A note that begins in Latin letters is left to right, and starts where the Latin note does.
    const wait = span(map.find(/^Wait$/));
    const pays = span(map.find(/^Pays$/));
    expect(Math.abs(wait.x0 - pays.x0)).toBeLessThan(1);
    // The appendix: the column's right edge, not its left.
    const appendix = on(page('Appendix'));
    const seesA = span(appendix.find(/^(Sees|sign)$/));
    const heA = span(appendix.find(/^[\u0590-\u05ff]+$/).filter((w) => w.x0 < seesA.x0 + 250));
    expect(heA.x0).toBeGreaterThan(seesA.x1);
    const waitA = span(appendix.find(/^Wait$/));
    const paysA = span(appendix.find(/^Pays$/));
    expect(Math.abs(waitA.x0 - paysA.x0)).toBeLessThan(1);
    // The voting results: right-aligned before the votes' column.
    const votes = on(page('Voting results'));
    const label = votes.find(/^votes?$/).reduce((a, b) => (b.x0 > a.x0 ? b : a));
    expect(votes.he.x0).toBeGreaterThan(label.x0 - 120);
    expect(votes.he.x1).toBeLessThan(label.x0);
  });
});
