/**
 * The PDF report's speed bar: a 500-note map (8 stages × 6 lanes, as the benchmark makes it)
 * written in well under 3 seconds, timed from a fresh process (its own test file), so the first
 * report pays for loading and parsing the fonts as the first report after start does.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../support/library';

describe('speed', () => {
  let big: TestLibrary;
  let projectId: string;
  beforeAll(() => {
    big = openTestLibrary();
    // 8 stages × 6 lanes and 500 notes of workshop-like text, as the benchmark makes them.
    const p = big.ok('projects.create', { template: 'blank', title: 'Five hundred notes' });
    const m = big.ok('map.get', { projectId: p.id });
    const stageIds = [m.stages[0]!.id, ...Array.from({ length: 7 }, (_, i) => big.ok('stages.add', { projectId: p.id, title: `Stage ${i + 2}` }).id)];
    const laneIds = [m.lanes[0]!.id, ...['Touchpoints', 'Pain points', 'Opportunities', 'Backstage'].map((t, i) => big.ok('lanes.add', { projectId: p.id, title: t, kind: i === 0 ? 'touchpoints' : 'notes' }).id)];
    const emotion = big.ok('lanes.add', { projectId: p.id, title: 'Emotions', kind: 'emotion' });
    const words = 'customer waits order delivery app support refund receipt loyalty survey email store staff queue price checkout password colleague parcel account'.split(' ');
    const now = new Date().toISOString();
    const list = Array.from({ length: 500 }, (_, i) => ({
      id: randomUUID(),
      stageId: stageIds[(i * 5) % 8]!,
      laneId: laneIds[(i * 3) % 5]!,
      text: Array.from({ length: 4 + ((i * 7) % 19) }, (_, k) => words[(i * 13 + k * 7) % words.length]).join(' '),
      color: 'yellow' as const,
      tags: i % 3 === 0 ? (['pain'] as const) : ([] as const),
      channel: (i * 3) % 5 === 1 ? ('web' as const) : null,
      author: i % 2 ? 'Anna Keller' : 'Ben Okafor',
      position: i,
      createdAt: now,
      updatedAt: now,
    }));
    big.ok('notes.restore', { projectId: p.id, notes: list as never });
    stageIds.forEach((stageId, i) => big.ok('emotions.set', { projectId: p.id, laneId: emotion.id, stageId, personaId: null, score: (i % 5) - 2, explanation: 'Why they feel so' }));
    projectId = p.id;
  });
  afterAll(() => big.close());

  it('writes a 500-note report in well under 3 seconds, the first one too', () => {
    // (Fitted on one page, 500 notes would print too small to read: refused, see report.test.ts.)
    for (const mode of ['split', 'split'] as const) {
      const t0 = performance.now();
      const r = big.ok('reports.pdf', { projectId, paper: 'a4', map: mode });
      const ms = performance.now() - t0;
      console.log(`500-note PDF (${mode}, A4): ${r.pages} pages, ${Math.round((r.pdf.length * 3) / 4 / 1024)} KB in ${Math.round(ms)} ms`);
      expect(ms).toBeLessThan(3000);
    }
  });
});
