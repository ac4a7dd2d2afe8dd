/**
 * COPIS: the coverage matrix and its sentence as pure functions; the copis.* methods on real
 * SQLite files (every edit, every refusal leaving the library byte-identical); links going dormant
 * with their stage or note and coming back with an undo; versions; .journey and JSON round trips;
 * hostile files with links to ids outside the file.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CopisAnalysis, ProjectMap } from '../../shared/api/schemas';
import { coverage, gapSentence, type CoverageInput } from '../../shared/domain/copis';
import { cellOf, libraryBytes, openTestLibrary, tempDir, type TestLibrary } from '../support/library';

const S = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('coverage and the gap sentence', () => {
  const stages = [
    { id: S(1), title: 'Sign-up' },
    { id: S(2), title: 'Support' },
    { id: S(3), title: 'Referral' },
  ];
  type Mutable = { stages: CoverageInput['stages']; notes: CoverageInput['notes']; entries: CoverageInput['entries'][number][]; links: CoverageInput['links'][number][] };
  const full = (): Mutable => ({
    stages,
    notes: [{ id: 'n1', stageId: S(2) }],
    entries: (['c', 'o', 'p', 'i', 's'] as const).map((element) => ({ id: element, element })),
    links: (['c', 'o', 'p', 'i', 's'] as const).flatMap((e) => stages.map((s) => ({ entryId: e, kind: 'stage' as const, targetId: s.id }))),
  });

  it('no stages: no rows, no gaps, and says so', () => {
    const c = coverage({ stages: [], notes: [], entries: [], links: [] });
    expect(c).toEqual({ rows: [], gaps: [] });
    expect(gapSentence(c, 'consumer')).toBe('The map has no stages yet, so there is nothing to cover.');
  });

  it('no entries: every cell is a gap, and the sentence says "every stage"', () => {
    const c = coverage({ stages, notes: [], entries: [], links: [] });
    expect(c.gaps).toHaveLength(15);
    expect(gapSentence(c, 'consumer')).toBe(
      'Consumer is missing for every stage; Objective for every stage; Process for every stage; Information for every stage; Strategy for every stage.',
    );
  });

  it('counts entries linked to a stage or to a note in it, once each, and names the remaining gaps', () => {
    const input = full();
    // Information only at Referral; Strategy not at Referral; Consumer at Support through a note.
    input.links = input.links.filter((l) => !(l.entryId === 'i' && l.targetId !== S(3)) && !(l.entryId === 's' && l.targetId === S(3)) && !(l.entryId === 'c' && l.targetId === S(2)));
    input.links.push({ entryId: 'c', kind: 'note', targetId: 'n1' });
    input.entries.push({ id: 'c2', element: 'c' });
    input.links.push({ entryId: 'c2', kind: 'stage', targetId: S(2) }, { entryId: 'c2', kind: 'note', targetId: 'n1' });
    const c = coverage(input);
    expect(c.rows.map((r) => r.counts.c)).toEqual([1, 2, 1]);
    expect(c.rows[1]!.entryIds.c.sort()).toEqual(['c', 'c2']);
    expect(c.gaps).toEqual([
      { stageId: S(1), element: 'i' },
      { stageId: S(2), element: 'i' },
      { stageId: S(3), element: 's' },
    ]);
    expect(gapSentence(c, 'consumer')).toBe('Information is missing for Sign-up and Support; Strategy for Referral.');
  });

  it('a variant switch renames the elements in the sentence and changes nothing else', () => {
    const input = full();
    input.links = input.links.filter((l) => !(l.entryId === 's' && l.targetId === S(3)));
    const c = coverage(input);
    expect(gapSentence(c, 'consumer')).toBe('Strategy is missing for Referral.');
    expect(gapSentence(c, 'customer')).toBe('Service is missing for Referral.');
    expect(gapSentence(c, 'lean')).toBe('Suppliers is missing for Referral.');
    expect(coverage(input)).toEqual(c);
  });

  it('no gaps; links to stages and notes no longer on the map count nowhere', () => {
    const input = full();
    expect(gapSentence(coverage(input), 'lean')).toBe('Every element has at least one entry at every stage: no gaps.');
    input.links.push({ entryId: 'c', kind: 'stage', targetId: S(9) }, { entryId: 'c', kind: 'note', targetId: 'gone' });
    expect(coverage(input).rows.map((r) => r.counts.c)).toEqual([1, 1, 1]);
  });
});

describe('copis.* on a real library', () => {
  let lib: TestLibrary;
  let projectId: string;
  let map: ProjectMap;
  let touchpoint: string;
  beforeEach(() => {
    lib = openTestLibrary(tempDir());
    projectId = lib.ok('projects.create', { template: 'purchase', title: 'Acme' }).id;
    map = lib.ok('map.get', { projectId });
    touchpoint = lib.ok('notes.create', { projectId, ...cellOf(map, 'Purchase', 'Touchpoints'), text: 'Checkout page', channel: 'web' }).id;
  });
  afterEach(() => lib.close());

  const stage = (title: string) => map.stages.find((s) => s.title === title)!.id;
  const texts = (a: CopisAnalysis, el: string) => a.entries.filter((e) => e.element === el).map((e) => e.text);

  it('adds, edits, reorders, moves between elements, links, unlinks, switches the variant, deletes and restores', () => {
    const a = lib.ok('copis.add', { projectId, element: 'c', text: '  Young families  ' });
    const b = lib.ok('copis.add', { projectId, element: 'c', text: 'Small businesses', index: 0 });
    expect(texts(b, 'c')).toEqual(['Small businesses', 'Young families']);
    const first = a.entries[0]!.id;
    expect(texts(lib.ok('copis.update', { projectId, entryId: first, text: 'Families with children' }), 'c')).toEqual(['Small businesses', 'Families with children']);
    expect(texts(lib.ok('copis.move', { projectId, entryId: first, element: 'c', index: 0 }), 'c')).toEqual(['Families with children', 'Small businesses']);
    const moved = lib.ok('copis.move', { projectId, entryId: first, element: 'i', index: 5 });
    expect(texts(moved, 'c')).toEqual(['Small businesses']);
    expect(moved.entries.find((e) => e.id === first)).toMatchObject({ element: 'i', position: 0 });
    expect(moved.entries.find((e) => e.text === 'Small businesses')!.position).toBe(0);

    const linked = lib.ok('copis.link', { projectId, entryId: first, targets: [{ kind: 'stage', targetId: stage('Purchase') }, { kind: 'note', targetId: touchpoint }] });
    expect(linked.links).toHaveLength(2);
    expect(lib.ok('map.get', { projectId }).copis.links).toHaveLength(2);
    expect(lib.ok('copis.unlink', { projectId, entryId: first, targets: [{ kind: 'stage', targetId: stage('Purchase') }] }).links).toEqual([{ entryId: first, kind: 'note', targetId: touchpoint }]);

    const switched = lib.ok('copis.setVariant', { projectId, variant: 'lean' });
    expect(switched.variant).toBe('lean');
    expect(switched.entries).toEqual(linked.entries);
    expect(lib.ok('map.get', { projectId }).project.copisVariant).toBe('lean');

    const before = lib.ok('copis.get', { projectId });
    const entry = before.entries.find((e) => e.id === first)!;
    const gone = lib.ok('copis.delete', { projectId, entryId: first });
    expect(gone.entries.map((e) => e.id)).not.toContain(first);
    expect(gone.links).toEqual([]);
    const back = lib.ok('copis.restore', { projectId, entry, links: [{ kind: 'note', targetId: touchpoint }] });
    expect(back).toEqual(before);
    // Every edit is one change event to every window.
    expect(lib.events.filter((e) => e.type === 'project.changed' && e.method.startsWith('copis.'))).toHaveLength(10);
  });

  it('adds an entry already linked to a stage (a gap clicked in the matrix)', () => {
    const a = lib.ok('copis.add', { projectId, element: 'i', text: 'Delivery times', links: [{ kind: 'stage', targetId: stage('Awareness') }] });
    expect(a.links).toEqual([{ entryId: a.entries[0]!.id, kind: 'stage', targetId: stage('Awareness') }]);
  });

  it('refuses bad input in words and leaves the library byte-identical', () => {
    const e = lib.ok('copis.add', { projectId, element: 'o', text: 'Convert 5 %' }).entries[0]!;
    lib.ok('copis.link', { projectId, entryId: e.id, targets: [{ kind: 'stage', targetId: stage('Awareness') }] });
    const other = lib.ok('projects.create', { template: 'purchase', title: 'Other' }).id;
    const otherStage = lib.ok('map.get', { projectId: other }).stages[0]!.id;
    const bytes = libraryBytes(lib);
    const refusals: [string, unknown, string, RegExp][] = [
      ['copis.add', { projectId, element: 'c', text: '   ' }, 'invalid_input', /required/],
      ['copis.add', { projectId, element: 'c', text: 'x'.repeat(501) }, 'invalid_input', /too long \(501 characters; the limit is 500\)/],
      ['copis.add', { projectId, element: 'x', text: 'Hi' }, 'invalid_input', /must be one of c, o, p, i, s/],
      ['copis.add', { projectId, element: 'c', text: 'Hi', links: [{ kind: 'stage', targetId: otherStage }] }, 'invalid_input', /another project/],
      ['copis.setVariant', { projectId, variant: 'sipoc' }, 'invalid_input', /must be one of consumer, customer, lean/],
      ['copis.link', { projectId, entryId: e.id, targets: [{ kind: 'stage', targetId: stage('Awareness') }] }, 'conflict', /already linked/],
      ['copis.link', { projectId, entryId: e.id, targets: [{ kind: 'stage', targetId: stage('Loyalty') }, { kind: 'stage', targetId: stage('Loyalty') }] }, 'invalid_input', /twice/],
      ['copis.link', { projectId, entryId: e.id, targets: [{ kind: 'note', targetId: randomUUID() }] }, 'not_found', /note to link does not exist/],
      ['copis.link', { projectId, entryId: e.id, targets: [{ kind: 'stage', targetId: stage('Loyalty') }, { kind: 'stage', targetId: otherStage }] }, 'invalid_input', /another project/],
      ['copis.link', { projectId: other, entryId: e.id, targets: [{ kind: 'stage', targetId: otherStage }] }, 'not_found', /COPIS entry does not exist/],
      ['copis.unlink', { projectId, entryId: e.id, targets: [{ kind: 'stage', targetId: stage('Loyalty') }] }, 'conflict', /not linked/],
      ['copis.update', { projectId, entryId: randomUUID(), text: 'x' }, 'not_found', /COPIS entry/],
      ['copis.restore', { projectId, entry: { ...e, text: 'again' }, links: [] }, 'conflict', /already exists/],
    ];
    for (const [method, input, code, message] of refusals) {
      const err = lib.err(method, input);
      expect(err.code, `${method} ${JSON.stringify(input)}`).toBe(code);
      expect(err.message + JSON.stringify(err.issues ?? [])).toMatch(message);
      expect(libraryBytes(lib).equals(bytes), `${method} changed the library`).toBe(true);
    }
  });

  it('deleting a stage or a note takes its links off the analysis; undoing the delete brings them back', () => {
    const e = lib.ok('copis.add', { projectId, element: 'p', text: 'Payment check', links: [{ kind: 'stage', targetId: stage('Purchase') }, { kind: 'note', targetId: touchpoint }] }).entries[0]!;
    const deletedNotes = lib.ok('notes.delete', { projectId, noteIds: [touchpoint] });
    expect(lib.ok('copis.get', { projectId }).links).toEqual([{ entryId: e.id, kind: 'stage', targetId: stage('Purchase') }]);
    lib.ok('notes.restore', { projectId, notes: deletedNotes });
    expect(lib.ok('copis.get', { projectId }).links).toHaveLength(2);

    const deleted = lib.ok('stages.delete', { projectId, stageId: stage('Purchase') });
    expect(lib.ok('copis.get', { projectId }).links).toEqual([]);
    // Not in any file either.
    expect(JSON.parse(lib.ok('projects.exportJson', { projectId }).text).copis.links).toEqual([]);
    lib.ok('stages.restore', { projectId, ...deleted });
    expect(lib.ok('copis.get', { projectId }).links).toHaveLength(2);
  });

  it('versions hold the analysis: compare lists what changed, restore brings it back with the variant', () => {
    const a = lib.ok('copis.add', { projectId, element: 'c', text: 'Families', links: [{ kind: 'stage', targetId: stage('Awareness') }] }).entries[0]!;
    const b = lib.ok('copis.add', { projectId, element: 's', text: 'Loyalty card' }).entries.find((x) => x.element === 's')!;
    const snap = lib.ok('snapshots.create', { projectId, name: 'Before' });
    const saved = lib.ok('copis.get', { projectId });
    lib.ok('copis.update', { projectId, entryId: a.id, text: 'Families with children' });
    lib.ok('copis.delete', { projectId, entryId: b.id });
    const c = lib.ok('copis.add', { projectId, element: 'i', text: 'NPS' }).entries.find((x) => x.element === 'i')!;
    lib.ok('copis.unlink', { projectId, entryId: a.id, targets: [{ kind: 'stage', targetId: stage('Awareness') }] });
    lib.ok('copis.setVariant', { projectId, variant: 'customer' });

    const { diff } = lib.ok('snapshots.compare', { projectId, snapshotId: snap.id });
    expect(diff.unchanged).toBe(false);
    expect(diff.copis.added.map((x) => x.id)).toEqual([c.id]);
    expect(diff.copis.removed.map((x) => x.id)).toEqual([b.id]);
    expect(diff.copis.changed).toEqual([expect.objectContaining({ fields: ['text', 'links'] })]);

    lib.ok('snapshots.restore', { projectId, snapshotId: snap.id });
    expect(lib.ok('copis.get', { projectId })).toEqual(saved);
    expect(lib.ok('snapshots.compare', { projectId, snapshotId: snap.id }).diff.unchanged).toBe(true);
  });

  it('a version saved before COPIS existed restores the map and leaves the analysis as it is', () => {
    lib.ok('copis.add', { projectId, element: 'c', text: 'Families' });
    const snap = lib.ok('snapshots.create', { projectId, name: 'Old' });
    const row = lib.core.db.prepare('SELECT data FROM snapshots WHERE id = ?').pluck().get(snap.id) as string;
    const doc = JSON.parse(row);
    delete doc.copis;
    lib.core.db.prepare('UPDATE snapshots SET data = ? WHERE id = ?').run(JSON.stringify(doc), snap.id);
    lib.ok('copis.add', { projectId, element: 'o', text: 'More sales' });
    lib.ok('snapshots.restore', { projectId, snapshotId: snap.id });
    expect(lib.ok('copis.get', { projectId }).entries.map((e) => e.text)).toEqual(['Families', 'More sales']);
  });

  it('the PDF report has a COPIS section: elements, entries with their stages, the matrix with the gaps and the sentence', () => {
    lib.ok('copis.add', { projectId, element: 'c', text: 'Young families', links: [{ kind: 'stage', targetId: stage('Awareness') }, { kind: 'note', targetId: touchpoint }] });
    lib.ok('copis.add', { projectId, element: 's', text: 'Loyalty card for repeat buyers', links: map.stages.map((s) => ({ kind: 'stage' as const, targetId: s.id })) });
    lib.ok('copis.setVariant', { projectId, variant: 'customer' });
    const out = lib.ok('reports.pdf', { projectId, paper: 'a4', map: 'fit' });
    const file = path.join(lib.dir, out.fileName);
    fs.writeFileSync(file, Buffer.from(out.pdf, 'base64'));
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('COPIS analysis');
    expect(text).toMatch(/Young families Stages: Awareness, Purchase · 1 note/);
    expect(text).toContain('Loyalty card for repeat buyers');
    expect(text).toContain('COPIS coverage matrix');
    expect(text).toMatch(/Service/);
    expect((text.match(/\bgap\b/g) ?? []).length).toBeGreaterThanOrEqual(5 * 3);
    expect(text).toContain('Customer is missing for Consideration, Post-purchase and Loyalty; Objective for every stage; Process for every stage; Information for every stage.');
    fs.mkdirSync(path.join(process.cwd(), 'test-results'), { recursive: true }); // a clean checkout has none yet
    fs.copyFileSync(file, path.join(process.cwd(), 'test-results', 'copis-unit.pdf'));
    // Without entries, no COPIS pages.
    const empty = lib.ok('projects.create', { template: 'purchase', title: 'Empty' }).id;
    const plain = Buffer.from(lib.ok('reports.pdf', { projectId: empty, paper: 'a4', map: 'fit' }).pdf, 'base64');
    fs.writeFileSync(file, plain);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).not.toContain('COPIS');
  });

  describe('files', () => {
    const build = () => {
      const e1 = lib.ok('copis.add', { projectId, element: 'c', text: 'Families', links: [{ kind: 'stage', targetId: stage('Awareness') }, { kind: 'note', targetId: touchpoint }] }).entries[0]!;
      lib.ok('copis.add', { projectId, element: 'c', text: 'Students' });
      lib.ok('copis.add', { projectId, element: 's', text: 'Referral bonus', links: [{ kind: 'stage', targetId: stage('Loyalty') }] });
      lib.ok('copis.setVariant', { projectId, variant: 'customer' });
      lib.ok('snapshots.create', { projectId, name: 'With COPIS' });
      return e1;
    };
    /** The analysis with ids replaced by what they point at, to compare across imports. */
    const portable = (id: string) => {
      const m = lib.ok('map.get', { projectId: id });
      const title = new Map<string, string>([...m.stages.map((s) => [s.id, `stage ${s.title}`] as const), ...m.notes.map((n) => [n.id, `note ${n.text}`] as const)]);
      const text = new Map(m.copis.entries.map((e) => [e.id, e.text]));
      return {
        variant: m.project.copisVariant,
        entries: m.copis.entries.map((e) => [e.element, e.position, e.text]),
        links: m.copis.links.map((l) => `${text.get(l.entryId)} → ${title.get(l.targetId)}`).sort(),
      };
    };

    it('.journey and JSON round trips keep every entry and link (and a version holds them too)', async () => {
      build();
      const want = portable(projectId);
      expect(want.links).toHaveLength(3);
      const journey = lib.ok('projects.exportJourney', { projectId });
      const fromJourney = await lib.call('projects.import', { fileName: journey.fileName, data: journey.data });
      expect(portable(fromJourney.project.id)).toEqual(want);
      const snaps = lib.ok('snapshots.list', { projectId: fromJourney.project.id });
      const compared = lib.ok('snapshots.compare', { projectId: fromJourney.project.id, snapshotId: snaps[0]!.id });
      expect(compared.diff.unchanged).toBe(true);

      const json = lib.ok('projects.exportJson', { projectId });
      const fromJson = await lib.call('projects.import', { fileName: json.fileName, data: Buffer.from(json.text).toString('base64') });
      expect(portable(fromJson.project.id)).toEqual(want);
      expect((await lib.call('projects.previewImport', { fileName: json.fileName, data: Buffer.from(json.text).toString('base64') })).problems).toEqual([]);
    });

    it('refuses hostile files whose links point outside the file, in words, changing nothing', async () => {
      const e1 = build();
      const json = JSON.parse(lib.ok('projects.exportJson', { projectId }).text);
      const other = lib.ok('projects.create', { template: 'purchase', title: 'Other' }).id;
      const foreignStage = lib.ok('map.get', { projectId: other }).stages[0]!.id;
      const cases: [string, (d: typeof json) => void, RegExp][] = [
        ['a stage of another project', (d) => d.copis.links.push({ entryId: e1.id, kind: 'stage', targetId: foreignStage }), /COPIS link 4 points at a stage that is not in the file/],
        ['a note not in the file', (d) => d.copis.links.push({ entryId: e1.id, kind: 'note', targetId: 'nope' }), /COPIS link 4 points at a note that is not in the file/],
        ['an entry not in the file', (d) => (d.copis.links[0].entryId = 'ghost'), /COPIS link 1 belongs to a COPIS entry that is not in the file/],
        ['the same link twice', (d) => d.copis.links.push({ ...d.copis.links[0] }), /links the same entry to the same thing twice/],
        ['an unknown element', (d) => (d.copis.entries[0].element = 'x'), /COPIS entry 1 \(“Families”\): its element must be one of c, o, p, i, s/],
        ['an over-long entry', (d) => (d.copis.entries[1].text = 'y'.repeat(600)), /COPIS entry 2 .*too long/],
        ['an unknown variant', (d) => (d.project.copisVariant = 'sipoc'), /COPIS variant must be one of/],
      ];
      const before = libraryBytes(lib);
      for (const [what, spoil, message] of cases) {
        const d = structuredClone(json);
        spoil(d);
        const data = Buffer.from(JSON.stringify(d)).toString('base64');
        const preview = await lib.call('projects.previewImport', { fileName: 'x.json', data });
        expect(preview.problems.join(' '), what).toMatch(message);
        expect((await lib.fails('projects.import', { fileName: 'x.json', data })).code, what).toBe('invalid_input');
        expect(libraryBytes(lib).equals(before), what).toBe(true);
      }
    });
  });
});
