/**
 * A blank map's placeholder stage ("Stage 1") and lane ("Notes"): found only while untouched,
 * replaced by the first CSV import that brings its own stages and lanes (undo puts them back,
 * redo takes them away again), and never printed in the PDF.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectMap } from '../../shared/api/schemas';
import { placeholdersToReplace, untouchedPlaceholders, withoutPlaceholders } from '../../shared/domain/placeholder';
import { openTestLibrary, tempDir, type TestLibrary } from '../support/library';

let lib: TestLibrary;
beforeEach(() => (lib = openTestLibrary()));
afterEach(() => lib.close());

const blank = (): ProjectMap => {
  const p = lib.ok('projects.create', { template: 'blank', title: 'Fresh wall', client: '', workshopDate: null, facilitator: '', goal: '', description: '' });
  return lib.ok('map.get', { projectId: p.id });
};
const titles = (m: ProjectMap) => ({ stages: [...m.stages].sort((a, b) => a.position - b.position).map((s) => s.title), lanes: [...m.lanes].sort((a, b) => a.position - b.position).map((l) => l.title) });
const CSV = 'Stage,Lane,Text\nArrive,Actions,Finds the door\nPay,Actions,Card fails\nPay,Feelings,Annoyed\n';

describe('untouchedPlaceholders', () => {
  it('finds the blank template’s stage and lane while they are untouched, and nothing once they are used or renamed', () => {
    const m = blank();
    const [stage, lane] = [m.stages[0]!, m.lanes[0]!];
    expect(untouchedPlaceholders(m)).toEqual({ stageId: stage.id, laneId: lane.id });
    const note = { id: 'n', stageId: stage.id, laneId: lane.id } as ProjectMap['notes'][number];
    expect(untouchedPlaceholders({ ...m, notes: [note] })).toEqual({ stageId: null, laneId: null });
    expect(untouchedPlaceholders({ ...m, stages: [{ ...stage, title: 'Arrival' }] })).toEqual({ stageId: null, laneId: lane.id });
    expect(untouchedPlaceholders({ ...m, lanes: [{ ...lane, color: 'pink' }] }).laneId).toBeNull();
    const score = { stageId: stage.id, laneId: 'other', personaId: null, score: 1, explanation: '' } as ProjectMap['emotions'][number];
    expect(untouchedPlaceholders({ ...m, emotions: [score] }).stageId).toBeNull();
    // Only a blank map has placeholders: a template's own "Stage 1"-free stages are content.
    expect(untouchedPlaceholders({ ...m, project: { ...m.project, template: 'purchase' } })).toEqual({ stageId: null, laneId: null });
    expect(withoutPlaceholders(m).stages).toEqual([]);
  });

  it('lets an import replace a placeholder only when it brings its own and puts no note in it', () => {
    const m = blank();
    const none = { stageIds: new Set<string>(), laneIds: new Set<string>() };
    expect(placeholdersToReplace(m, { stages: 2, lanes: 1 }, none)).toEqual({ stageId: m.stages[0]!.id, laneId: m.lanes[0]!.id });
    expect(placeholdersToReplace(m, { stages: 0, lanes: 1 }, none)).toEqual({ stageId: null, laneId: m.lanes[0]!.id });
    expect(placeholdersToReplace(m, { stages: 2, lanes: 1 }, { stageIds: new Set([m.stages[0]!.id]), laneIds: new Set() }).stageId).toBeNull();
  });
});

describe('the first import', () => {
  it('removes the placeholders; undo puts them back where they were, redo takes them away again', () => {
    const m = blank();
    const projectId = m.project.id;
    const r = lib.ok('notes.importCsv', { projectId, csv: CSV });
    expect(r.replaced.stages.map((s) => s.title)).toEqual(['Stage 1']);
    expect(r.replaced.lanes.map((l) => l.title)).toEqual(['Notes']);
    const after = lib.ok('map.get', { projectId });
    expect(titles(after)).toEqual({ stages: ['Arrive', 'Pay'], lanes: ['Actions', 'Feelings'] });
    expect(r.stages.map((s) => s.position)).toEqual([0, 1]);

    const removed = lib.ok('notes.removeImported', { projectId, noteIds: r.notes.map((n) => n.id), stageIds: r.stages.map((s) => s.id), laneIds: r.lanes.map((l) => l.id), putBack: r.replaced });
    expect(titles(lib.ok('map.get', { projectId }))).toEqual({ stages: ['Stage 1'], lanes: ['Notes'] });
    expect(lib.ok('map.get', { projectId }).stages[0]!.id).toBe(m.stages[0]!.id);

    lib.ok('notes.restoreImported', { projectId, ...removed, replace: { stageIds: r.replaced.stages.map((s) => s.id), laneIds: r.replaced.lanes.map((l) => l.id) } });
    expect(titles(lib.ok('map.get', { projectId }))).toEqual({ stages: ['Arrive', 'Pay'], lanes: ['Actions', 'Feelings'] });
  });

  it('keeps a placeholder that was used, and a second import finds none', () => {
    const m = blank();
    const projectId = m.project.id;
    lib.ok('notes.create', { projectId, stageId: m.stages[0]!.id, laneId: m.lanes[0]!.id, text: 'Already typed' });
    const r = lib.ok('notes.importCsv', { projectId, csv: CSV });
    expect(r.replaced).toEqual({ stages: [], lanes: [] });
    expect(titles(lib.ok('map.get', { projectId })).stages).toEqual(['Stage 1', 'Arrive', 'Pay']);
  });

  it('keeps the placeholders when the file puts its notes in them', () => {
    const m = blank();
    const r = lib.ok('notes.importCsv', { projectId: m.project.id, csv: 'Stage,Lane,Text\nStage 1,Notes,Into the placeholder\nLater,Notes,Another stage\n' });
    expect(r.replaced.stages).toEqual([]);
    expect(titles(lib.ok('map.get', { projectId: m.project.id })).stages).toEqual(['Stage 1', 'Later']);
  });
});

describe('the PDF', () => {
  it('never prints an untouched placeholder stage or lane', () => {
    const m = blank();
    const projectId = m.project.id;
    const out = tempDir('journeywall-pdf-placeholder-');
    try {
      const text = (name: string) => {
        const file = path.join(out, `${name}.pdf`);
        fs.writeFileSync(file, Buffer.from(lib.ok('reports.pdf', { projectId, paper: 'a4', map: 'fit' }).pdf, 'base64'));
        return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      };
      expect(text('untouched')).not.toMatch(/Stage 1|STAGE 1/);
      // A stage added beside it, with a note: the placeholder stays off the page, the new stage is on it.
      const s = lib.ok('stages.add', { projectId, title: 'Arrival' });
      lib.ok('notes.create', { projectId, stageId: s.id, laneId: m.lanes[0]!.id, text: 'Finds the door' });
      const t = text('used-lane');
      expect(t).toContain('Arrival');
      expect(t).not.toContain('Stage 1');
      expect(t).toContain('Notes'); // the lane now holds a note: it is content
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
