/**
 * Timed features that the app may not have yet: a 10,000-row CSV import and a 500-note PDF
 * export. Each is found by its API method name (from the contract); until a runner is written
 * here it is reported, not timed. To time one: set `run` to an async function that does the work
 * through the API (`api.call(method, input)`) and returns nothing; the benchmark times it. A
 * runner that must prepare something first (untimed) times its work itself and returns the ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { apiMethodNames } from './app-source.mjs';
import { ROOT } from './host.mjs';
import { createBenchProject } from './seed.mjs';
import { AUTHORS, CHANNELS, COLORS, LANES, STAGES, TAGS, noteText, rng, wordCount } from './vocabulary.mjs';

const TAG_LABELS = { pain: 'Pain point', opportunity: 'Opportunity', idea: 'Idea', question: 'Question' };
const CHANNEL_LABELS = { web: 'Web', app: 'App', email: 'Email', phone: 'Phone', store: 'Store', social: 'Social', chat: 'Chat', print: 'Print', word_of_mouth: 'Word of mouth', other: 'Other' };

/**
 * A transcribed paper wall as a spreadsheet saves it: `count` rows across the benchmark map's
 * 8 stages and 5 note lanes (never the emotion lane), comma-separated with CRLF, text of 3–40
 * words (some over two lines), tags and channels by their labels, most colours left to the lane.
 * Seeded, so every run imports the same file.
 */
export function csvWall(count) {
  const r = rng(20261123);
  const lanes = LANES.filter((l) => l.kind !== 'emotion');
  const cell = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = ['Stage,Lane,Text,Colour,Tags,Channel,Author'];
  for (let i = 0; i < count; i++) {
    const lane = r.pick(lanes);
    const text = noteText(r, wordCount(r));
    const tags = r.chance(0.6) ? [] : [...new Set([r.pick(TAGS), r.pick(TAGS)])].slice(0, r.int(1, 2));
    rows.push(
      [
        r.pick(STAGES),
        lane.title,
        r.chance(0.05) ? text.replace(', ', ',\n') : text,
        r.chance(0.8) ? '' : r.pick(COLORS),
        tags.map((t) => TAG_LABELS[t]).join('; '),
        lane.kind === 'touchpoints' ? CHANNEL_LABELS[r.pick(CHANNELS)] : '',
        r.pick(AUTHORS),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
/** Made when the benchmark starts, so its timing holds the import only. */
const CSV_ROWS = 10_000;
const CSV_WALL = csvWall(CSV_ROWS);

export const FEATURES = [
  {
    key: 'csvImport',
    label: 'CSV import, 10,000 rows',
    targetMs: 2000,
    find: (methods) => methods.find((m) => /csv/i.test(m) && /import/i.test(m)) ?? methods.find((m) => /csv/i.test(m) || /^import\./i.test(m) || /\.import/i.test(m)),
    // Into a project of its own with the benchmark's 8 stages × 6 lanes and no notes (made first,
    // untimed; the seeded maps stay as they are for the PDF): every row lands in an existing cell,
    // after a 'before-import' snapshot, in one call.
    run: async ({ api, method }) => {
      const target = await createBenchProject(api, 0);
      const t0 = performance.now();
      const result = await api.call(method, { projectId: target.projectId, csv: CSV_WALL, fileName: 'bench-wall.csv' });
      const ms = performance.now() - t0;
      if (result.notes?.length !== CSV_ROWS || result.stages.length !== 0 || result.lanes.length !== 0) {
        throw new Error(`CSV import: expected ${CSV_ROWS} notes in existing cells, got ${result.notes?.length} notes, ${result.stages?.length} new stages, ${result.lanes?.length} new lanes.`);
      }
      return ms;
    },
  },
  {
    key: 'pdfExport',
    label: 'PDF export, 500 notes',
    targetMs: 3000,
    find: (methods) => methods.find((m) => /pdf/i.test(m)),
    // The first report the host makes (fonts not yet loaded), A4 split over pages: the default, and the most pages.
    run: async ({ api, method, projects }) => {
      const project = projects.get(500) ?? (await createBenchProject(api, 500)); // with --sizes leaving 500 out: made first, untimed
      const t0 = performance.now();
      const report = await api.call(method, { projectId: project.projectId, paper: 'a4', map: 'split' });
      const ms = performance.now() - t0;
      if (!Buffer.from(report.pdf.slice(0, 12), 'base64').toString('latin1').startsWith('%PDF-') || report.pages < 2) throw new Error(`${method} did not return a PDF of the 500-note map (${report.pages} pages).`);
      return ms;
    },
  },
];

/** API method names: from the contract, or (if it does not compile right now) from the method files. */
export async function listApiMethods() {
  try {
    return { methods: await apiMethodNames(), source: 'shared/api/contract.ts' };
  } catch {
    const dir = path.join(ROOT, 'shared', 'api', 'methods');
    const methods = [];
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of text.matchAll(/'([a-z][\w]*(?:\.[\w]+)+)':\s*(?:mutation|query)\(/g)) methods.push(m[1]);
    }
    return { methods, source: 'shared/api/methods/*.ts (the contract did not compile)' };
  }
}

/** Times each feature that exists and has a runner; says what is missing for the others. */
export async function timeFeatures(methods, ctx) {
  const out = {};
  for (const f of FEATURES) {
    const method = f.find(methods);
    if (!method) {
      out[f.key] = { label: f.label, status: 'not built yet', targetMs: f.targetMs };
      continue;
    }
    if (!f.run) {
      out[f.key] = { label: f.label, status: `API has ${method}; no runner yet (bench/lib/features.mjs)`, method, targetMs: f.targetMs };
      continue;
    }
    const t0 = performance.now();
    const own = await f.run({ ...ctx, method });
    const ms = typeof own === 'number' ? own : performance.now() - t0;
    out[f.key] = { label: f.label, status: 'timed', method, ms: Math.round(ms), targetMs: f.targetMs };
  }
  return out;
}
