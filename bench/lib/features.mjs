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

export const FEATURES = [
  {
    key: 'csvImport',
    label: 'CSV import, 10,000 rows',
    targetMs: 2000,
    find: (methods) => methods.find((m) => /csv/i.test(m) || /^import\./i.test(m) || /\.import/i.test(m)),
    // run: async ({ api, method, seedProject }) => { … 10,000 rows through `method` … },
    run: null,
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
