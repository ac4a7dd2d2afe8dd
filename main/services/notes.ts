import { randomUUID } from 'node:crypto';
import type { Note } from '../../shared/api/schemas';
import { ApiFailure, notFound } from '../../shared/api/errors';
import type { NoteColor } from '../../shared/domain/model';
import type { Handlers, ServiceContext } from './context';
import { NOTE_COLUMNS, toNote, type NoteRow } from './rows';

type NoteHandlers = Pick<Handlers, 'notes.create' | 'notes.update' | 'notes.move' | 'notes.delete' | 'notes.restore'>;

/** Cell helpers shared with the stage and lane services (deleting and restoring them moves notes too). */
export function cellOps(ctx: ServiceContext) {
  const cellIds = (projectId: string, stageId: string, laneId: string): string[] =>
    ctx.sql('SELECT id FROM notes WHERE project_id = ? AND stage_id = ? AND lane_id = ? ORDER BY position, created_at').pluck().all(projectId, stageId, laneId) as string[];

  /**
   * Write positions 0…n−1 in the given order (and the cell, for notes moved in). Only rows whose
   * place differs are written; a note's updated_at is its content's, not its neighbours' shuffle.
   */
  const placeAll = (ids: readonly string[], stageId: string, laneId: string) => {
    const place = ctx.sql('UPDATE notes SET stage_id = ?, lane_id = ?, position = ? WHERE id = ? AND (stage_id <> ? OR lane_id <> ? OR position <> ?)');
    ids.forEach((id, i) => place.run(stageId, laneId, i, id, stageId, laneId, i));
  };

  const insertNote = (projectId: string, n: Note) => {
    ctx
      .sql(`INSERT INTO notes (${NOTE_COLUMNS}, project_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(n.id, n.stageId, n.laneId, n.text, n.color, JSON.stringify(n.tags), n.channel, n.author, n.position, n.createdAt, n.updatedAt, projectId);
  };

  /** Put notes back at their recorded positions, pushing later notes of the cell down. */
  const restoreNotes = (projectId: string, notes: readonly Note[]): void => {
    const exists = ctx.sql('SELECT 1 FROM notes WHERE id = ?').pluck();
    for (const n of notes) if (exists.get(n.id)) throw new ApiFailure('conflict', 'A note to restore is already on the map.');
    const byCell = new Map<string, Note[]>();
    for (const n of notes) {
      const key = `${n.stageId} ${n.laneId}`;
      byCell.set(key, [...(byCell.get(key) ?? []), n]);
    }
    for (const group of byCell.values()) {
      const { stageId, laneId } = group[0]!;
      assertCell(projectId, stageId, laneId);
      const order = cellIds(projectId, stageId, laneId);
      const sorted = [...group].sort((a, b) => a.position - b.position);
      for (const n of sorted) {
        insertNote(projectId, n);
        order.splice(Math.min(n.position, order.length), 0, n.id);
      }
      placeAll(order, stageId, laneId);
    }
  };

  const assertCell = (projectId: string, stageId: string, laneId: string) => {
    if (!ctx.sql('SELECT 1 FROM stages WHERE id = ? AND project_id = ?').get(stageId, projectId)) throw notFound('The stage');
    if (!ctx.sql('SELECT 1 FROM lanes WHERE id = ? AND project_id = ?').get(laneId, projectId)) throw notFound('The lane');
  };

  const readNotes = (ids: readonly string[]): Note[] => {
    const one = ctx.sql(`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ?`);
    return ids.map((id) => toNote(one.get(id) as NoteRow));
  };

  return { cellIds, placeAll, insertNote, restoreNotes, assertCell, readNotes };
}

export function noteHandlers(ctx: ServiceContext): NoteHandlers {
  const cells = cellOps(ctx);

  const getNote = (projectId: string, noteId: string): Note => {
    const row = ctx.sql(`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ? AND project_id = ?`).get(noteId, projectId) as NoteRow | undefined;
    if (!row) throw notFound('The note');
    return toNote(row);
  };

  const laneDefaults = (projectId: string, laneId: string) =>
    ctx.sql('SELECT color, kind FROM lanes WHERE id = ? AND project_id = ?').get(laneId, projectId) as { color: NoteColor; kind: string } | undefined;

  return {
    'notes.create': (input, call) =>
      ctx.change(input.projectId, call, () => {
        cells.assertCell(input.projectId, input.stageId, input.laneId);
        const lane = laneDefaults(input.projectId, input.laneId)!;
        if (lane.kind === 'emotion') throw new ApiFailure('conflict', 'The emotion lane holds scores, not notes. Pick another lane for this note.');
        const id = input.id ?? randomUUID();
        if (ctx.sql('SELECT 1 FROM notes WHERE id = ?').get(id)) throw new ApiFailure('conflict', 'A note with this id already exists.');
        const now = ctx.now();
        const order = cells.cellIds(input.projectId, input.stageId, input.laneId);
        const index = Math.min(input.index ?? order.length, order.length);
        cells.insertNote(input.projectId, {
          id,
          stageId: input.stageId,
          laneId: input.laneId,
          text: input.text,
          color: input.color ?? lane.color,
          tags: input.tags ?? [],
          channel: lane.kind === 'touchpoints' ? (input.channel ?? null) : null,
          author: input.author ?? '',
          position: order.length,
          createdAt: now,
          updatedAt: now,
        });
        if (index < order.length) {
          order.splice(index, 0, id);
          cells.placeAll(order, input.stageId, input.laneId);
        }
        return getNote(input.projectId, id);
      }),

    'notes.update': (input, call) =>
      ctx.change(input.projectId, call, () => {
        const note = getNote(input.projectId, input.noteId);
        const next = {
          text: input.text ?? note.text,
          color: input.color ?? note.color,
          tags: input.tags ?? note.tags,
          channel: input.channel !== undefined ? input.channel : note.channel,
        };
        ctx
          .sql('UPDATE notes SET text = ?, color = ?, tags = ?, channel = ?, updated_at = ? WHERE id = ?')
          .run(next.text, next.color, JSON.stringify(next.tags), next.channel, ctx.now(), note.id);
        return getNote(input.projectId, note.id);
      }),

    'notes.move': (input, call) =>
      ctx.change(input.projectId, call, () => {
        const ids = [...new Set(input.noteIds)];
        if (ids.length !== input.noteIds.length) throw new ApiFailure('invalid_input', 'A note is listed twice in the move.');
        cells.assertCell(input.projectId, input.stageId, input.laneId);
        const kind = laneDefaults(input.projectId, input.laneId)!.kind;
        if (kind === 'emotion') throw new ApiFailure('conflict', 'Notes cannot be moved into the emotion lane.');
        const before = ids.map((id) => getNote(input.projectId, id));
        const moving = new Set(ids);
        // Every cell the move touches, with where each of its notes was.
        const touched = new Map<string, { stageId: string; laneId: string }>([[`${input.stageId} ${input.laneId}`, input]]);
        for (const n of before) touched.set(`${n.stageId} ${n.laneId}`, n);
        const placeBefore = new Map<string, string>();
        for (const c of touched.values()) cells.cellIds(input.projectId, c.stageId, c.laneId).forEach((id, i) => placeBefore.set(id, `${c.stageId} ${c.laneId} ${i}`));
        // The target cell without the moving notes, then the moving notes at the index.
        const target = cells.cellIds(input.projectId, input.stageId, input.laneId).filter((id) => !moving.has(id));
        const index = Math.min(input.index ?? target.length, target.length);
        target.splice(index, 0, ...ids);
        cells.placeAll(target, input.stageId, input.laneId);
        for (const c of touched.values()) cells.placeAll(cells.cellIds(input.projectId, c.stageId, c.laneId), c.stageId, c.laneId);
        const changed: string[] = [];
        for (const c of touched.values())
          cells.cellIds(input.projectId, c.stageId, c.laneId).forEach((id, i) => {
            if (placeBefore.get(id) !== `${c.stageId} ${c.laneId} ${i}`) changed.push(id);
          });
        // A moved note was edited; a note dropped back on its own place, or shifted, was not.
        const stamp = ctx.sql('UPDATE notes SET updated_at = ? WHERE id = ?');
        const now = ctx.now();
        for (const id of changed) if (moving.has(id)) stamp.run(now, id);
        return cells.readNotes(changed);
      }),

    'notes.delete': (input, call) =>
      ctx.change(input.projectId, call, () => {
        const ids = [...new Set(input.noteIds)];
        const notes = ids.map((id) => getNote(input.projectId, id));
        const del = ctx.sql('DELETE FROM notes WHERE id = ?');
        for (const n of notes) del.run(n.id);
        const cellsTouched = new Map(notes.map((n) => [`${n.stageId} ${n.laneId}`, n]));
        for (const n of cellsTouched.values()) cells.placeAll(cells.cellIds(input.projectId, n.stageId, n.laneId), n.stageId, n.laneId);
        return notes;
      }),

    'notes.restore': (input, call) =>
      ctx.change(input.projectId, call, () => {
        cells.restoreNotes(input.projectId, input.notes);
        return cells.readNotes(input.notes.map((n) => n.id));
      }),
  };
}
