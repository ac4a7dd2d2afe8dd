/** Persona photos (checked and scaled on real files), personas and KPIs through dispatch, snapshots. */
import { coverage, gapSentence } from '../../shared/domain/copis';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectImage, scaledSize } from '../../shared/domain/image';
import { preparePhoto } from '../../main/images/photo';
import type { ProjectMap } from '../../shared/api/schemas';
import { libraryBytes, openTestLibrary, type TestLibrary } from '../support/library';
import { analysisChangeLines } from '../../shared/domain/diff-analysis';
import { kpiOutlineLines, personaScoresText } from '../../shared/domain/analysis-outline';
import { countsInWords } from '../../renderer/src/portable/counts';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/images', name));
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('photos', () => {
  it('reads the kind and size of a real PNG, JPEG and WebP from their bytes', () => {
    expect(inspectImage(fixture('photo.png'))).toEqual({ ok: true, type: 'image/png', width: 800, height: 600 });
    expect(inspectImage(fixture('photo.jpg'))).toEqual({ ok: true, type: 'image/jpeg', width: 800, height: 600 });
    expect(inspectImage(fixture('photo.webp'))).toEqual({ ok: true, type: 'image/webp', width: 800, height: 600 });
  });
  it('scales PNG and JPEG down to 512 px on the long side as a JPEG, decoding them in full', () => {
    for (const name of ['photo.png', 'photo.jpg']) {
      const out = preparePhoto(fixture(name));
      expect(out).toMatchObject({ type: 'image/jpeg', width: 512, height: 384 });
      expect(inspectImage(out.bytes)).toEqual({ ok: true, type: 'image/jpeg', width: 512, height: 384 });
      expect(out.bytes.length).toBeLessThan(80_000);
    }
    expect(scaledSize(300, 200)).toEqual({ width: 300, height: 200 });
    expect(scaledSize(1000, 4000)).toEqual({ width: 128, height: 512 });
  });
  it('keeps a small WebP as it is and refuses a large one it cannot scale, in words', () => {
    const small = fixture('small.webp');
    expect(preparePhoto(small)).toMatchObject({ type: 'image/webp', width: 300, height: 200 });
    expect(() => preparePhoto(fixture('photo.webp'))).toThrow(/WebP image is 800 × 600 pixels; send it scaled/);
  });
  it('refuses a renamed text file, an SVG, a GIF, a truncated JPEG or PNG, a damaged one, and a huge image', () => {
    expect(inspectImage(Buffer.from('hello, I am a text file called photo.jpg'))).toEqual({ ok: false, message: 'This file is not a PNG, JPEG or WebP image.' });
    expect(inspectImage(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toMatchObject({ ok: false, message: expect.stringMatching(/SVG .* can carry scripts/) });
    expect(inspectImage(Buffer.from('GIF89a\x01\x00\x01\x00'))).toMatchObject({ ok: false, message: expect.stringMatching(/GIF/) });
    const jpg = fixture('photo.jpg');
    expect(inspectImage(jpg.subarray(0, Math.floor(jpg.length * 0.7)))).toEqual({ ok: false, message: 'This JPEG file is incomplete (it was cut short or is damaged).' });
    const png = fixture('photo.png');
    expect(inspectImage(png.subarray(0, png.length - 20))).toMatchObject({ ok: false, message: expect.stringMatching(/PNG file is incomplete/) });
    const webp = fixture('photo.webp');
    expect(inspectImage(webp.subarray(0, 200))).toMatchObject({ ok: false, message: expect.stringMatching(/WebP file is incomplete/) });
    // Whole in structure, damaged inside: found by decoding.
    const broken = Buffer.from(png);
    broken.fill(7, 200, 400);
    expect(() => preparePhoto(broken)).toThrow(/damaged or incomplete/);
    const huge = new PNG({ width: 10_001, height: 2 });
    expect(inspectImage(PNG.sync.write(huge))).toEqual({ ok: false, message: 'The image is too large (10,001 × 2 pixels); a photo may be at most 10,000 pixels on a side.' });
    expect(inspectImage(Buffer.alloc(21 * 1024 * 1024))).toMatchObject({ ok: false, message: expect.stringMatching(/too large \(21 MB\); a photo may be at most 20 MB/) });
    expect(inspectImage(Buffer.alloc(0))).toEqual({ ok: false, message: 'The file is empty.' });
  });
});

describe('personas and KPIs through the API', () => {
  let lib: TestLibrary;
  let projectId: string;
  beforeEach(() => {
    lib = openTestLibrary();
    projectId = lib.ok('projects.create', { template: 'purchase', title: 'Cycle share' }).id;
  });
  afterEach(() => lib.close());
  const map = (): ProjectMap => lib.ok('map.get', { projectId });
  const emotionLane = () => map().lanes.find((l) => l.kind === 'emotion')!.id;
  const touchLane = () => map().lanes.find((l) => l.kind === 'touchpoints')!.id;

  it('creates, edits, orders and deletes personas; each has its own curve; a delete is undone exactly', () => {
    const a = lib.ok('personas.create', { projectId, name: '  Mira Okafor ', role: 'Student', quote: 'If it takes more than a minute, I walk.' });
    const b = lib.ok('personas.create', { projectId, name: 'Jonas Lind', index: 0 });
    expect(a).toMatchObject({ name: 'Mira Okafor', color: 'teal', photo: null });
    expect(b.color).toBe('violet');
    expect(map().personas.map((p) => p.name)).toEqual(['Jonas Lind', 'Mira Okafor']);
    lib.ok('personas.update', { projectId, personaId: a.id, goals: 'Get to lectures on time', color: 'amber' });
    lib.ok('personas.move', { projectId, personaId: a.id, index: 0 });
    expect(map().personas.map((p) => [p.name, p.color, p.position])).toEqual([['Mira Okafor', 'amber', 0], ['Jonas Lind', 'violet', 1]]);

    const stage = map().stages[1]!.id;
    lib.ok('emotions.set', { projectId, laneId: emotionLane(), stageId: stage, personaId: a.id, score: 2 });
    lib.ok('emotions.set', { projectId, laneId: emotionLane(), stageId: stage, personaId: b.id, score: -2, explanation: 'Forms again' });
    lib.ok('emotions.set', { projectId, laneId: emotionLane(), stageId: stage, score: 0 });
    expect(map().emotions.map((e) => [e.personaId, e.score]).sort()).toEqual([[a.id, 2], [b.id, -2], [null, 0]].sort());

    lib.ok('personas.setPhoto', { projectId, personaId: b.id, photo: { data: b64(fixture('photo.png')) } });
    const before = map();
    const deleted = lib.ok('personas.delete', { projectId, personaId: b.id });
    expect(deleted.emotions).toHaveLength(1);
    expect(deleted.photo?.type).toBe('image/jpeg');
    expect(map().personas).toHaveLength(1);
    expect(map().emotions.some((e) => e.personaId === b.id)).toBe(false);
    lib.ok('personas.restore', { projectId, deleted });
    const after = map();
    expect(after.personas.map(({ updatedAt: _u, ...p }) => p)).toEqual(before.personas.map(({ updatedAt: _u, ...p }) => p));
    expect(after.emotions).toEqual(before.emotions);
  });

  it('stores a photo scaled down and gives it back; refuses bad images and names, changing nothing', () => {
    const p = lib.ok('personas.create', { projectId, name: 'Mira' });
    const set = lib.ok('personas.setPhoto', { projectId, personaId: p.id, photo: { type: 'image/jpeg', data: b64(fixture('photo.jpg')) } });
    expect(set.before).toBeNull();
    expect(set.persona.photo).toMatchObject({ type: 'image/jpeg', width: 512, height: 384 });
    const stored = lib.ok('personas.photo', { projectId, personaId: p.id })!;
    expect(inspectImage(Buffer.from(stored.data, 'base64'))).toMatchObject({ ok: true, width: 512 });

    const bytes = libraryBytes(lib);
    const jpg = fixture('photo.jpg');
    for (const data of [b64(Buffer.from('not an image')), b64(jpg.subarray(0, 5000)), b64(Buffer.from('<svg onload="x()"/>')), 'not base64!']) {
      const e = lib.err('personas.setPhoto', { projectId, personaId: p.id, photo: { data } });
      expect(e.code).toBe('invalid_input');
      expect(e.message.length).toBeGreaterThan(10);
    }
    expect(lib.err('personas.create', { projectId, name: '   ' }).issues?.[0]).toMatchObject({ path: 'name', message: 'Name is required.' });
    expect(lib.err('personas.update', { projectId, personaId: p.id, name: '' }).code).toBe('invalid_input');
    expect(lib.err('emotions.set', { projectId, laneId: emotionLane(), stageId: map().stages[0]!.id, personaId: '00000000-0000-4000-8000-000000000000', score: 1 }).code).toBe('not_found');
    expect(libraryBytes(lib).equals(bytes)).toBe(true);
  });

  it('keeps KPIs on stages and touchpoint notes; refuses non-numbers, long units and notes of other projects', () => {
    const m = map();
    const note = lib.ok('notes.create', { projectId, stageId: m.stages[2]!.id, laneId: touchLane(), text: 'Support hotline', channel: 'phone' });
    const onNote = lib.ok('kpis.create', { projectId, noteId: note.id, name: 'Response time', unit: 'min', target: 5, actual: 9, direction: 'lower' });
    const onStage = lib.ok('kpis.create', { projectId, stageId: m.stages[0]!.id, name: 'Reach', unit: '%', target: 40 });
    expect(onNote).toMatchObject({ noteId: note.id, stageId: null, position: 0 });
    expect(onStage).toMatchObject({ stageId: m.stages[0]!.id, noteId: null, actual: null, direction: 'higher', position: 1 });
    lib.ok('kpis.update', { projectId, kpiId: onNote.id, actual: 4 });
    expect(map().kpis.find((k) => k.id === onNote.id)!.actual).toBe(4);

    const other = lib.ok('projects.create', { template: 'purchase', title: 'Other' }).id;
    const bytes = libraryBytes(lib);
    expect(lib.err('kpis.create', { projectId: other, noteId: note.id, name: 'Stolen' }).message).toMatch(/not in this project/);
    expect(lib.err('kpis.create', { projectId, stageId: m.stages[0]!.id, name: 'X', target: 'fast' }).issues?.[0]).toMatchObject({ path: 'target', message: 'Target must be a number.' });
    expect(lib.err('kpis.create', { projectId, stageId: m.stages[0]!.id, name: 'X', unit: 'x'.repeat(21) }).issues?.[0]?.message).toMatch(/too long \(the limit is 20/);
    expect(lib.err('kpis.create', { projectId, name: 'Nowhere' }).code).toBe('invalid_input');
    expect(lib.err('kpis.create', { projectId, stageId: m.stages[0]!.id, noteId: note.id, name: 'Both' }).code).toBe('invalid_input');
    const plain = lib.ok('map.get', { projectId }).lanes.find((l) => l.kind === 'notes')!.id;
    expect(libraryBytes(lib).equals(bytes)).toBe(true);
    const plainNote = lib.ok('notes.create', { projectId, stageId: m.stages[0]!.id, laneId: plain, text: 'Just a thought' });
    expect(lib.err('kpis.create', { projectId, noteId: plainNote.id, name: 'X' }).message).toMatch(/touchpoint/);

    const gone = lib.ok('kpis.delete', { projectId, kpiIds: [onStage.id] });
    lib.ok('kpis.restore', { projectId, kpis: gone });
    expect(map().kpis).toHaveLength(2);
    lib.ok('notes.delete', { projectId, noteIds: [note.id] });
    expect(map().kpis.map((k) => k.name)).toEqual(['Reach']);
  });

  it('undoing a stage, lane or note delete brings back the KPIs that went with it; KPIs that do not belong are refused', () => {
    const m = map();
    const stage = m.stages[1]!;
    const note = lib.ok('notes.create', { projectId, stageId: stage.id, laneId: touchLane(), text: 'Support hotline', channel: 'phone' });
    const onNote = lib.ok('kpis.create', { projectId, noteId: note.id, name: 'Response time', unit: 'min', target: 5, actual: 9, direction: 'lower' });
    const onStage = lib.ok('kpis.create', { projectId, stageId: stage.id, name: 'Reach', unit: '%', target: 40 });
    const elsewhere = lib.ok('kpis.create', { projectId, stageId: m.stages[0]!.id, name: 'Visits' });
    const before = map().kpis;

    const deletedNotes = lib.ok('notes.delete', { projectId, noteIds: [note.id] });
    expect(deletedNotes[0]!.kpis).toEqual([onNote]);
    expect(map().kpis.map((k) => k.id)).toEqual([onStage.id, elsewhere.id]);
    const { kpis: _k, ...plainNote } = deletedNotes[0]!;
    // A KPI not on a restored note is refused, and nothing is put back.
    const bytes = libraryBytes(lib);
    expect(lib.err('notes.restore', { projectId, notes: [plainNote], kpis: [{ ...elsewhere, id: '00000000-0000-4000-8000-000000000001' }] }).code).toBe('invalid_input');
    expect(lib.err('notes.restore', { projectId, notes: [plainNote], kpis: [{ ...onNote, target: 'fast' }] }).code).toBe('invalid_input');
    expect(libraryBytes(lib).equals(bytes)).toBe(true);
    lib.ok('notes.restore', { projectId, notes: [plainNote], kpis: deletedNotes[0]!.kpis });
    expect(map().kpis).toEqual(before);

    const deletedStage = lib.ok('stages.delete', { projectId, stageId: stage.id });
    expect(deletedStage.kpis.map((k) => k.id).sort()).toEqual([onNote.id, onStage.id].sort());
    expect(map().kpis.map((k) => k.id)).toEqual([elsewhere.id]);
    expect(lib.err('stages.restore', { projectId, ...deletedStage, kpis: [...deletedStage.kpis, elsewhere] }).code).toBe('invalid_input');
    lib.ok('stages.restore', { projectId, ...deletedStage });
    expect(map().kpis).toEqual(before);

    const deletedLane = lib.ok('lanes.delete', { projectId, laneId: touchLane() });
    expect(deletedLane.kpis).toEqual([onNote]);
    lib.ok('lanes.restore', { projectId, ...deletedLane });
    expect(map().kpis).toEqual(before);
  });

  it('snapshots hold personas, photos and KPIs: compare lists what changed, restore brings them back', () => {
    const p = lib.ok('personas.create', { projectId, name: 'Mira' });
    lib.ok('personas.setPhoto', { projectId, personaId: p.id, photo: { data: b64(fixture('photo.png')) } });
    lib.ok('emotions.set', { projectId, laneId: emotionLane(), stageId: map().stages[0]!.id, personaId: p.id, score: 1 });
    const kpi = lib.ok('kpis.create', { projectId, stageId: map().stages[0]!.id, name: 'Reach', target: 40, actual: 50 });
    const before = map();
    const snap = lib.ok('snapshots.create', { projectId, name: 'With Mira' });
    lib.ok('personas.delete', { projectId, personaId: p.id });
    lib.ok('kpis.update', { projectId, kpiId: kpi.id, actual: 10 });
    lib.ok('personas.create', { projectId, name: 'Jonas' });
    const { diff } = lib.ok('snapshots.compare', { projectId, snapshotId: snap.id });
    expect(diff.personas.removed.map((x) => x.name)).toEqual(['Mira']);
    expect(diff.personas.added.map((x) => x.name)).toEqual(['Jonas']);
    expect(diff.kpis.changed.map((c) => [c.before.actual, c.after.actual])).toEqual([[50, 10]]);
    expect(analysisChangeLines(diff)).toEqual(['Persona “Jonas” added', 'Persona “Mira” removed', 'KPI “Reach”: actual 50 → 10; met → missed']);
    // The outline's sentences for the same map: each persona's score stage by stage, each KPI with its status.
    const now = map();
    const jonas = now.personas[0]!;
    lib.ok('emotions.set', { projectId, laneId: emotionLane(), stageId: now.stages[1]!.id, personaId: jonas.id, score: -2 });
    expect(personaScoresText(map(), jonas.id)).toBe(`${now.stages[0]!.title} not scored; ${now.stages[1]!.title} −2 Very negative; ` + now.stages.slice(2).map((s) => `${s.title} not scored`).join('; ') + '.');
    expect(kpiOutlineLines(map())).toEqual([{ id: kpi.id, status: 'missed', text: `${now.stages[0]!.title}: Reach, target 40, actual 10 — Missed.` }]);
    expect(diff.unchanged).toBe(false);
    lib.ok('snapshots.restore', { projectId, snapshotId: snap.id });
    const after = map();
    expect(after.personas.map(({ updatedAt: _u, ...x }) => x)).toEqual(before.personas.map(({ updatedAt: _u, ...x }) => x));
    expect(after.kpis).toEqual(before.kpis);
    expect(after.emotions).toEqual(before.emotions);
    expect(lib.ok('personas.photo', { projectId, personaId: p.id })?.type).toBe('image/jpeg');
  });
});

describe('the PDF emotion page', () => {
  it("draws each persona's curve in its colour beside the general curve, named in a legend", () => {
    const lib = openTestLibrary();
    try {
      const projectId = lib.ok('projects.create', { template: 'purchase', title: 'Two kinds of customer' }).id;
      const m = lib.ok('map.get', { projectId });
      const lane = m.lanes.find((l) => l.kind === 'emotion')!.id;
      const student = lib.ok('personas.create', { projectId, name: 'Mira Student' });
      const commuter = lib.ok('personas.create', { projectId, name: 'Jonas Commuter' });
      lib.ok('personas.create', { projectId, name: 'Unscored Ulla' });
      m.stages.forEach((s, i) => {
        lib.ok('emotions.set', { projectId, laneId: lane, stageId: s.id, personaId: null, score: 0 });
        lib.ok('emotions.set', { projectId, laneId: lane, stageId: s.id, personaId: student.id, score: i % 2 === 0 ? 2 : -1 });
        lib.ok('emotions.set', { projectId, laneId: lane, stageId: s.id, personaId: commuter.id, score: -2 + Math.min(i, 4) });
      });
      const out = path.resolve(__dirname, '../../test-results/personas-pdf');
      fs.mkdirSync(out, { recursive: true });
      const file = path.join(out, 'emotion-page.pdf');
      fs.writeFileSync(file, Buffer.from(lib.ok('reports.pdf', { projectId, paper: 'a4', map: 'fit' }).pdf, 'base64'));
      const pages = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).split('\f');
      const index = pages.findIndex((t) => t.startsWith('Emotion curves'));
      const chart = pages[index]!.slice(0, pages[index]!.indexOf('STAGE')).replace(/\s+/g, ' ');
      expect(chart).toContain('General (all customers) Mira Student Jonas Commuter');
      expect(chart).not.toContain('Unscored Ulla');
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(index + 1), '-l', String(index + 1), '-singlefile', file, path.join(out, 'emotion-page')]);
      expect(fs.existsSync(path.join(out, 'emotion-page.png'))).toBe(true);
    } finally {
      lib.close();
    }
  });
});

describe('.journey and JSON carry personas, photos and KPIs', () => {
  let lib: TestLibrary;
  afterEach(() => lib.close());

  it('round-trips them through both formats, with new ids, and refuses a file whose photo is not an image', async () => {
    lib = openTestLibrary();
    const projectId = lib.ok('projects.create', { template: 'purchase', title: 'Round trip' }).id;
    const m = lib.ok('map.get', { projectId });
    const touch = m.lanes.find((l) => l.kind === 'touchpoints')!;
    const note = lib.ok('notes.create', { projectId, stageId: m.stages[1]!.id, laneId: touch.id, text: 'App chat', channel: 'chat' });
    const p = lib.ok('personas.create', { projectId, name: 'Mira', quote: 'Fast, please.' });
    lib.ok('personas.setPhoto', { projectId, personaId: p.id, photo: { data: b64(fixture('photo.jpg')) } });
    lib.ok('emotions.set', { projectId, laneId: m.lanes.find((l) => l.kind === 'emotion')!.id, stageId: m.stages[1]!.id, personaId: p.id, score: -1 });
    lib.ok('kpis.create', { projectId, noteId: note.id, name: 'First reply', unit: 's', target: 60, actual: 90, direction: 'lower' });
    lib.ok('kpis.create', { projectId, stageId: m.stages[0]!.id, name: 'Visits', target: 1000, actual: 1200 });
    lib.ok('snapshots.create', { projectId, name: 'With Mira' });
    const photo = lib.ok('personas.photo', { projectId, personaId: p.id })!;

    const shape = (id: string) => {
      const x = lib.ok('map.get', { projectId: id });
      const stageTitle = new Map(x.stages.map((s) => [s.id, s.title]));
      const noteText = new Map(x.notes.map((n) => [n.id, n.text]));
      return {
        personas: x.personas.map((q) => [q.name, q.quote, q.color, q.photo]),
        scores: x.emotions.map((e) => [e.personaId === x.personas[0]?.id, stageTitle.get(e.stageId), e.score]),
        kpis: x.kpis.map((k) => [k.name, k.stageId ? stageTitle.get(k.stageId) : noteText.get(k.noteId!), k.target, k.actual, k.direction]),
      };
    };
    const journey = lib.ok('projects.exportJourney', { projectId });
    const json = lib.ok('projects.exportJson', { projectId });
    for (const [fileName, data] of [['a.journey', journey.data], ['a.json', Buffer.from(json.text).toString('base64')]] as const) {
      const seen = (await lib.call('projects.previewImport', { fileName, data })) as { counts: { personas: number; kpis: number } };
      expect(seen.counts).toMatchObject({ personas: 1, kpis: 2 });
    }
    expect(countsInWords({ stages: 5, lanes: 7, notes: 1, emotionScores: 1, snapshots: 1, votingRounds: 0, votes: 0, personas: 1, kpis: 2 })).toBe('5 stages · 7 lanes · 1 note · 1 emotion score · 1 persona · 2 KPIs · 1 saved version');
    const fromJourney = await lib.call('projects.import', { fileName: 'a.journey', data: journey.data });
    const fromJson = await lib.call('projects.import', { fileName: 'a.json', data: Buffer.from(json.text).toString('base64') });
    for (const imported of [fromJourney.project.id, fromJson.project.id]) {
      expect(shape(imported)).toEqual(shape(projectId));
      const copy = lib.ok('map.get', { projectId: imported }).personas[0]!;
      expect(copy.id).not.toBe(p.id);
      expect(lib.ok('personas.photo', { projectId: imported, personaId: copy.id })).toEqual(photo);
    }
    const restoredSnapshot = lib.ok('snapshots.list', { projectId: fromJourney.project.id }).find((s) => s.name === 'With Mira')!;
    expect(lib.ok('snapshots.compare', { projectId: fromJourney.project.id, snapshotId: restoredSnapshot.id }).diff.unchanged).toBe(true);

    const doc = JSON.parse(json.text);
    expect(doc.personas[0].photo.type).toBe('image/jpeg');
    doc.personas[0].photo.data = Buffer.from('<svg onload="alert(1)"/>').toString('base64');
    const count = lib.ok('projects.list', {}).length;
    const e = await lib.fails('projects.import', { fileName: 'bad.json', data: Buffer.from(JSON.stringify(doc)).toString('base64') });
    expect(e.message).toMatch(/photo of the persona “Mira” cannot be used: SVG/);
    expect(lib.ok('projects.list', {}).length).toBe(count);
  });
});

describe('the sample workshop', () => {
  let lib: TestLibrary;
  afterEach(() => lib.close());
  it('is a rich, ordinary project: six stages, about 80 notes, two personas with photos and different curves, KPIs met and missed, a closed round, two versions; offered once on first start', () => {
    lib = openTestLibrary();
    const first = lib.ok('projects.addSample', { firstStart: true })!;
    expect(first.title).toMatch(/Velora/);
    const m = lib.ok('map.get', { projectId: first.id });
    expect(m.stages).toHaveLength(6);
    expect(new Set(m.lanes.map((l) => l.kind))).toEqual(new Set(['notes', 'touchpoints', 'emotion']));
    expect(m.notes.length).toBeGreaterThanOrEqual(75);
    expect(m.notes.filter((n) => n.channel !== null).length).toBeGreaterThanOrEqual(15);
    expect(m.personas.map((p) => [p.name, p.photo?.type])).toEqual([['Mira Okafor', 'image/jpeg'], ['Jonas Lind', 'image/jpeg']]);
    // A COPIS analysis with a gap the matrix shows: nothing on Information for Problem & support.
    expect(m.copis.entries.length).toBeGreaterThanOrEqual(15);
    expect(gapSentence(coverage({ stages: m.stages, notes: m.notes, entries: m.copis.entries, links: m.copis.links }), m.project.copisVariant)).toMatch(/Information (is missing )?for Problem & support/);
    const curve = (id: string | null) => m.stages.map((s) => m.emotions.find((e) => e.stageId === s.id && e.personaId === id)?.score);
    expect(curve(m.personas[0]!.id)).not.toEqual(curve(m.personas[1]!.id));
    const statuses = m.kpis.map((k) => (k.actual === null ? 'none' : (k.direction === 'higher' ? k.actual >= k.target! : k.actual <= k.target!) ? 'met' : 'missed'));
    expect(new Set(statuses)).toEqual(new Set(['met', 'missed', 'none']));
    const rounds = lib.ok('voting.list', { projectId: first.id });
    expect(rounds.map((r) => [r.status, r.totalVotes])).toEqual([['closed', 15]]);
    expect(lib.ok('snapshots.list', { projectId: first.id })).toHaveLength(2);
    // Deleted, it does not come back by itself; asked for, it does.
    lib.ok('projects.delete', { projectId: first.id });
    expect(lib.ok('projects.addSample', { firstStart: true })).toBeNull();
    expect(lib.ok('projects.list', {})).toHaveLength(0);
    expect(lib.ok('projects.addSample', {})?.title).toMatch(/Velora/);
  });
});
