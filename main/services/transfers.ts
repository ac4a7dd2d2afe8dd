/**
 * Notes in and out as CSV. The reading and planning are pure (shared/domain/csv); here the plan
 * meets the database.
 *
 * An import is one change (one transaction, one revision, one event): the plan is made from the
 * map inside the transaction, and with any problem the call fails before anything is written.
 * Otherwise a 'before-import' snapshot is taken first, then the new stages, lanes and notes go in
 * with prepared statements and no reads per row, so 10,000 rows take a fraction of a second.
 * Undo and redo of an import are notes.removeImported and notes.restoreImported: each one change.
 * A blank map's untouched placeholder stage and lane give way to the import's own (undo puts them back).
 */
import { randomUUID } from 'node:crypto';
import { ApiFailure, notFound } from '../../shared/api/errors';
import type { Lane, Note, Stage } from '../../shared/api/schemas';
import { csvFileName, notesToCsv, planImport, problemLine, problemsMessage, summarisePlan, type AxisRef, type MapShape } from '../../shared/domain/csv';
import type { Handlers, ServiceContext } from './context';
import { cellOps } from './notes';
import { readMap } from './projects';
import { NOTE_COLUMNS, toLane, toNote, toStage, type LaneRow, type NoteRow, type StageRow } from './rows';
import { snapshotOps } from './snapshots';
import { placeholdersToReplace } from '../../shared/domain/placeholder';

type TransferHandlers = Pick<Handlers, 'notes.previewCsv' | 'notes.importCsv' | 'notes.exportCsv' | 'notes.removeImported' | 'notes.restoreImported'>;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function transferHandlers(ctx: ServiceContext): TransferHandlers {
  const snapshots = snapshotOps(ctx);
  const cells = cellOps(ctx);

  const stagesOf = (projectId: string): Stage[] => (ctx.sql('SELECT id, title, prompt, position FROM stages WHERE project_id = ? ORDER BY position').all(projectId) as StageRow[]).map(toStage);
  const lanesOf = (projectId: string): Lane[] =>
    (ctx.sql('SELECT id, title, kind, color, prompt, position FROM lanes WHERE project_id = ? ORDER BY position').all(projectId) as LaneRow[]).map(toLane);
  const shapeOf = (projectId: string): MapShape => ({ stages: stagesOf(projectId), lanes: lanesOf(projectId) });

  /** Positions 0…n−1 in this order, writing only the rows whose position changes. */
  const writeOrder = (table: 'stages' | 'lanes', ids: readonly string[]) => {
    const set = ctx.sql(`UPDATE ${table} SET position = ? WHERE id = ? AND position <> ?`);
    ids.forEach((id, i) => set.run(i, id, i));
  };

  /** Stages or lanes back at their places (lowest first), the rest after them as they were. */
  const putBack = <T extends Stage | Lane>(table: 'stages' | 'lanes', current: T[], items: readonly T[], insert: (x: T) => void): T[] => {
    const order = current.map((x) => x.id);
    for (const x of [...items].sort((a, b) => a.position - b.position)) {
      insert({ ...x, position: 1_000_000 + order.length });
      order.splice(Math.min(x.position, order.length), 0, x.id);
    }
    if (items.length > 0) writeOrder(table, order);
    return items.map((x) => ({ ...x, position: order.indexOf(x.id) }));
  };
  const insertStage = (projectId: string) => {
    const add = ctx.sql('INSERT INTO stages (id, project_id, title, prompt, position) VALUES (?, ?, ?, ?, ?)');
    return (s: Stage) => add.run(s.id, projectId, s.title, s.prompt, s.position);
  };
  const insertLane = (projectId: string) => {
    const add = ctx.sql('INSERT INTO lanes (id, project_id, title, kind, color, prompt, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
    return (l: Lane) => add.run(l.id, projectId, l.title, l.kind, l.color, l.prompt, l.position);
  };
  /** Is this stage or lane empty (no note, no emotion score)? */
  const isEmpty = (column: 'stage_id' | 'lane_id', id: string) =>
    ctx.sql(`SELECT 1 FROM notes WHERE ${column} = ? UNION ALL SELECT 1 FROM emotion_scores WHERE ${column} = ? LIMIT 1`).get(id, id) === undefined;
  /** Deletes empty stages and lanes and closes the gaps in the order; returns what went. */
  const removeEmpty = (projectId: string, stageIds: readonly string[], laneIds: readonly string[]) => {
    const stages = stagesOf(projectId).filter((st) => stageIds.includes(st.id) && isEmpty('stage_id', st.id));
    const lanes = lanesOf(projectId).filter((l) => laneIds.includes(l.id) && isEmpty('lane_id', l.id));
    for (const st of stages) ctx.sql('DELETE FROM stages WHERE id = ?').run(st.id);
    for (const l of lanes) ctx.sql('DELETE FROM lanes WHERE id = ?').run(l.id);
    if (stages.length > 0) writeOrder('stages', stagesOf(projectId).map((st) => st.id));
    if (lanes.length > 0) writeOrder('lanes', lanesOf(projectId).map((l) => l.id));
    return { stages, lanes };
  };

  return {
    'notes.previewCsv': (input) =>
      ctx.db.transaction(() => {
        ctx.assertProject(input.projectId);
        const shape = shapeOf(input.projectId);
        return summarisePlan(planImport(input.csv, shape), shape);
      })(),

    'notes.importCsv': (input, call) => {
      const result = ctx.change(input.projectId, call, () => {
        const { projectId } = input;
        const shape = shapeOf(projectId);
        const plan = planImport(input.csv, shape);
        // All or nothing: nothing has been written yet.
        if (plan.problems.length > 0) {
          throw new ApiFailure(
            'invalid_input',
            problemsMessage(plan.problems),
            plan.problems.slice(0, 20).map((p) => ({ path: p.row === null ? 'file' : `row ${p.row}`, message: problemLine(p) })),
          );
        }
        const name = `Before import of ${plural(plan.notes.length, 'note')}${input.fileName ? ` from ${input.fileName}` : ''}`;
        const snapshot = snapshots.take(projectId, name, 'before-import');

        const stages: Stage[] = plan.newStages.map((title, i) => ({ id: randomUUID(), title, prompt: '', position: shape.stages.length + i }));
        const addStage = ctx.sql('INSERT INTO stages (id, project_id, title, prompt, position) VALUES (?, ?, ?, ?, ?)');
        for (const s of stages) addStage.run(s.id, projectId, s.title, s.prompt, s.position);
        const lanes: Lane[] = plan.newLanes.map((l, i) => ({ id: randomUUID(), title: l.title, kind: l.kind, color: l.color, prompt: '', position: shape.lanes.length + i }));
        const addLane = ctx.sql('INSERT INTO lanes (id, project_id, title, kind, color, prompt, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
        for (const l of lanes) addLane.run(l.id, projectId, l.title, l.kind, l.color, l.prompt, l.position);
        // Positions are 0…n−1 per list; renumber in case an older library left gaps.
        if (stages.length > 0) writeOrder('stages', [...shape.stages, ...stages].map((s) => s.id));
        if (lanes.length > 0) writeOrder('lanes', [...shape.lanes, ...lanes].map((l) => l.id));

        // Where each cell's next note goes: one read for the whole map.
        const next = new Map<string, number>();
        for (const c of ctx.sql('SELECT stage_id, lane_id, max(position) + 1 AS next FROM notes WHERE project_id = ? GROUP BY stage_id, lane_id').all(projectId) as {
          stage_id: string;
          lane_id: string;
          next: number;
        }[]) {
          next.set(`${c.stage_id} ${c.lane_id}`, c.next);
        }
        const stageId = (ref: AxisRef) => ('id' in ref ? ref.id : stages[ref.added]!.id);
        const laneId = (ref: AxisRef) => ('id' in ref ? ref.id : lanes[ref.added]!.id);
        const now = ctx.now();
        const insert = ctx.sql(`INSERT INTO notes (${NOTE_COLUMNS}, project_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
        const notes: Note[] = plan.notes.map((p) => {
          const note: Note = { id: randomUUID(), stageId: stageId(p.stage), laneId: laneId(p.lane), text: p.text, color: p.color, tags: p.tags, channel: p.channel, author: p.author, position: 0, createdAt: now, updatedAt: now };
          const key = `${note.stageId} ${note.laneId}`;
          note.position = next.get(key) ?? 0;
          next.set(key, note.position + 1);
          insert.run(note.id, note.stageId, note.laneId, note.text, note.color, JSON.stringify(note.tags), note.channel, note.author, note.position, now, now, projectId);
          return note;
        });
        // A blank map's untouched "Stage 1" and "Notes" give way to the stages and lanes the file brings.
        const blank = stages.length + lanes.length > 0 && ctx.sql('SELECT template FROM projects WHERE id = ?').pluck().get(projectId) === 'blank';
        const gone = !blank ? { stageId: null, laneId: null } : placeholdersToReplace(readMap(ctx, projectId), { stages: stages.length, lanes: lanes.length }, { stageIds: new Set(notes.map((n) => n.stageId)), laneIds: new Set(notes.map((n) => n.laneId)) });
        const replaced = removeEmpty(projectId, gone.stageId ? [gone.stageId] : [], gone.laneId ? [gone.laneId] : []);
        // Where the added stages and lanes are now.
        const stageAt = new Map(stagesOf(projectId).map((st) => [st.id, st.position]));
        const laneAt = new Map(lanesOf(projectId).map((l) => [l.id, l.position]));
        return {
          snapshot,
          stages: stages.map((st) => ({ ...st, position: stageAt.get(st.id)! })),
          lanes: lanes.map((l) => ({ ...l, position: laneAt.get(l.id)! })),
          notes,
          replaced,
        };
      });
      ctx.notify({ type: 'snapshots.changed', projectId: input.projectId });
      return result;
    },

    'notes.exportCsv': (input) => {
      const map = readMap(ctx, input.projectId);
      return { fileName: csvFileName(map.project.title), csv: notesToCsv(map), noteCount: map.notes.length };
    },

    'notes.removeImported': (input, call) =>
      ctx.change(input.projectId, call, () => {
        const { projectId } = input;
        const noteIds = new Set(input.noteIds);
        if (noteIds.size !== input.noteIds.length || new Set(input.stageIds).size !== input.stageIds.length || new Set(input.laneIds).size !== input.laneIds.length) {
          throw new ApiFailure('invalid_input', 'A note, stage or lane is listed twice; list each once.');
        }
        const oneNote = ctx.sql(`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ? AND project_id = ?`);
        const notes = input.noteIds.map((id) => {
          const row = oneNote.get(id, projectId) as NoteRow | undefined;
          if (!row) throw notFound('A note of the import');
          return toNote(row);
        });
        const allStages = stagesOf(projectId);
        const allLanes = lanesOf(projectId);
        const pick = <T extends { id: string }>(all: T[], ids: readonly string[], what: string) => {
          const byId = new Map(all.map((x) => [x.id, x]));
          return ids.map((id) => {
            const x = byId.get(id);
            if (!x) throw notFound(what);
            return x;
          });
        };
        const stages = pick(allStages, input.stageIds, 'A stage of the import');
        const lanes = pick(allLanes, input.laneIds, 'A lane of the import');
        const back = input.putBack ?? { stages: [], lanes: [] };
        if (stages.length === allStages.length && back.stages.length === 0) throw new ApiFailure('conflict', 'Undoing the import would leave the map without a stage. Nothing was changed.');
        if (lanes.length === allLanes.length && back.lanes.length === 0) throw new ApiFailure('conflict', 'Undoing the import would leave the map without a lane. Nothing was changed.');
        // A stage or lane goes only if the import's notes are all it holds.
        const holds = (column: 'stage_id' | 'lane_id', id: string) => ctx.sql(`SELECT id FROM notes WHERE project_id = ? AND ${column} = ?`).pluck().all(projectId, id) as string[];
        const scored = (column: 'stage_id' | 'lane_id', id: string) => ctx.sql(`SELECT 1 FROM emotion_scores WHERE ${column} = ? LIMIT 1`).get(id) !== undefined;
        for (const [column, items, what] of [
          ['stage_id', stages, 'stage'],
          ['lane_id', lanes, 'lane'],
        ] as const) {
          for (const x of items) {
            if (holds(column, x.id).some((id) => !noteIds.has(id)) || scored(column, x.id)) {
              throw new ApiFailure('conflict', `The ${what} “${x.title}” now holds more than the import put there, so the import cannot be undone. Nothing was changed.`);
            }
          }
        }
        const delNote = ctx.sql('DELETE FROM notes WHERE id = ?');
        for (const n of notes) delNote.run(n.id);
        const delStage = ctx.sql('DELETE FROM stages WHERE id = ?');
        for (const s of stages) delStage.run(s.id);
        const delLane = ctx.sql('DELETE FROM lanes WHERE id = ?');
        for (const l of lanes) delLane.run(l.id);
        const goneStages = new Set(input.stageIds);
        const goneLanes = new Set(input.laneIds);
        if (stages.length > 0) writeOrder('stages', allStages.filter((s) => !goneStages.has(s.id)).map((s) => s.id));
        if (lanes.length > 0) writeOrder('lanes', allLanes.filter((l) => !goneLanes.has(l.id)).map((l) => l.id));
        // Cells that stay: close the gaps the import's notes leave (there are none unless notes were moved since).
        const touched = new Map<string, Note>();
        for (const n of notes) if (!goneStages.has(n.stageId) && !goneLanes.has(n.laneId)) touched.set(`${n.stageId} ${n.laneId}`, n);
        for (const c of touched.values()) cells.placeAll(cells.cellIds(projectId, c.stageId, c.laneId), c.stageId, c.laneId);
        // The placeholders the import replaced, back where they were.
        const taken = ctx.sql('SELECT 1 FROM stages WHERE id = ? UNION ALL SELECT 1 FROM lanes WHERE id = ?');
        for (const { id } of [...back.stages, ...back.lanes]) if (taken.get(id, id)) throw new ApiFailure('conflict', 'A stage or lane to put back is already on the map. Nothing was changed.');
        putBack('stages', stagesOf(projectId), back.stages, insertStage(projectId));
        putBack('lanes', lanesOf(projectId), back.lanes, insertLane(projectId));
        return { stages, lanes, notes };
      }),

    'notes.restoreImported': (input, call) =>
      ctx.change(input.projectId, call, () => {
        const { projectId } = input;
        const taken = ctx.sql('SELECT 1 FROM stages WHERE id = ? UNION ALL SELECT 1 FROM lanes WHERE id = ?');
        const ids = new Set<string>();
        for (const { id } of [...input.stages, ...input.lanes, ...input.notes]) {
          if (ids.has(id)) throw new ApiFailure('invalid_input', 'A note, stage or lane is listed twice; list each once.');
          ids.add(id);
        }
        for (const { id } of [...input.stages, ...input.lanes]) if (taken.get(id, id)) throw new ApiFailure('conflict', 'A stage or lane to put back is already on the map. Nothing was changed.');
        const stages = putBack('stages', stagesOf(projectId), input.stages, insertStage(projectId));
        const lanes = putBack('lanes', lanesOf(projectId), input.lanes, insertLane(projectId));
        const kinds = new Map(lanesOf(projectId).map((l) => [l.id, l.kind]));
        if (input.notes.some((n) => kinds.get(n.laneId) === 'emotion')) throw new ApiFailure('conflict', 'The emotion lane holds scores, not notes. Nothing was changed.');
        if (input.notes.length > 0) cells.restoreNotes(projectId, input.notes);
        // The placeholders the import replaced go again (where still empty).
        if (input.replace) removeEmpty(projectId, input.replace.stageIds, input.replace.laneIds);
        const stageAt = new Map(stagesOf(projectId).map((st) => [st.id, st.position]));
        const laneAt = new Map(lanesOf(projectId).map((l) => [l.id, l.position]));
        return {
          stages: stages.map((st) => ({ ...st, position: stageAt.get(st.id)! })),
          lanes: lanes.map((l) => ({ ...l, position: laneAt.get(l.id)! })),
          notes: cells.readNotes(input.notes.map((n) => n.id)),
        };
      }),
  };
}
