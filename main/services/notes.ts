import { randomUUID } from 'node:crypto';
import type { Note } from '../../shared/api/schemas';
import { ApiFailure, notFound } from '../../shared/api/errors';
import type { NoteColor } from '../../shared/domain/model';
import type { Handlers, ServiceContext } from './context';
import { NOTE_COLUMNS, toNote, type NoteRow } from './rows';
import { kpiOps } from './kpis';

type NoteHandlers = Pick<Handlers, 'notes.create' | 'notes.update' | 'notes.updateMany' | 'notes.duplicate' | 'notes.move' | 'notes.place' | 'notes.delete' | 'notes.restore'>;

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
      if (laneKind(projectId, laneId) === 'emotion') throw new ApiFailure('invalid_input', 'The emotion lane holds scores, not notes, so a note cannot be put back there. Nothing was changed.');
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

  const laneKind = (projectId: string, laneId: string) => ctx.sql('SELECT kind AS lane_kind FROM lanes WHERE id = ? AND project_id = ?').pluck().get(laneId, projectId) as string | undefined;

  const readNotes = (ids: readonly string[]): Note[] => {
    const one = ctx.sql(`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ?`);
    return ids.map((id) => toNote(one.get(id) as NoteRow));
  };

  return { cellIds, placeAll, insertNote, restoreNotes, assertCell, readNotes, laneKind };
}

export function noteHandlers(ctx: ServiceContext): NoteHandlers {
  const cells = cellOps(ctx);
  const kpis = kpiOps(ctx);

  const getNote = (projectId: string, noteId: string): Note => {
    const row = ctx.sql(`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ? AND project_id = ?`).get(noteId, projectId) as NoteRow | undefined;
    if (!row) throw notFound('The note');
    return toNote(row);
  };

  const laneDefaults = (projectId: string, laneId: string) =>
    ctx.sql('SELECT color, kind FROM lanes WHERE id = ? AND project_id = ?').get(laneId, projectId) as { color: NoteColor; kind: string } | undefined;

  const writeFields = (id: string, f: Pick<Note, 'text' | 'color' | 'tags' | 'channel'>, now: string) =>
    ctx.sql('UPDATE notes SET text = ?, color = ?, tags = ?, channel = ?, updated_at = ? WHERE id = ?').run(f.text, f.color, JSON.stringify(f.tags), f.channel, now, id);

  /**
   * Only a touchpoints lane's notes take a channel: one given for a note elsewhere is refused in
   * words, not dropped. (A note moved out of a touchpoints lane keeps its channel, unseen, so that
   * moving it back shows it again; that is why putting notes back does not check this.)
   */
  const assertChannel = (projectId: string, laneId: string, channel: string | null | undefined) => {
    if (channel === null || channel === undefined) return;
    const kind = cells.laneKind(projectId, laneId);
    if (kind !== 'touchpoints') {
      throw new ApiFailure('invalid_input', `Channel: only notes in a touchpoints lane have a channel, and this note is in ${kind === 'emotion' ? 'the emotion lane' : 'a notes lane'}. Leave the channel out, or put the note in a touchpoints lane. Nothing was changed.`, [
        { path: 'channel', message: 'Only notes in a touchpoints lane have a channel.' },
      ]);
    }
  };

  /** Where every note of these cells is now ("stage lane index" by note id), to tell which notes a change moved. */
  const placesIn = (projectId: string, touched: Iterable<{ stageId: string; laneId: string }>) => {
    const places = new Map<string, string>();
    for (const c of touched) cells.cellIds(projectId, c.stageId, c.laneId).forEach((id, i) => places.set(id, `${c.stageId} ${c.laneId} ${i}`));
    return places;
  };

  /**
   * After notes were put in place: renumber every touched cell, stamp the notes that were put
   * somewhere new (not their shifted neighbours), and return every note whose place changed.
   */
  const settle = (projectId: string, touched: Map<string, { stageId: string; laneId: string }>, before: Map<string, string>, moving: ReadonlySet<string>): Note[] => {
    for (const c of touched.values()) cells.placeAll(cells.cellIds(projectId, c.stageId, c.laneId), c.stageId, c.laneId);
    const changed: string[] = [];
    for (const c of touched.values())
      cells.cellIds(projectId, c.stageId, c.laneId).forEach((id, i) => {
        if (before.get(id) !== `${c.stageId} ${c.laneId} ${i}`) changed.push(id);
      });
    // A moved note was edited; a note dropped back on its own place, or shifted, was not.
    const stamp = ctx.sql('UPDATE notes SET updated_at = ? WHERE id = ?');
    const now = ctx.now();
    for (const id of changed) if (moving.has(id)) stamp.run(now, id);
    return cells.readNotes(changed);
  };

  return {
    'notes.create': (input, call) =>
      ctx.change(input.projectId, call, () => {
        cells.assertCell(input.projectId, input.stageId, input.laneId);
        const lane = laneDefaults(input.projectId, input.laneId)!;
        if (lane.kind === 'emotion') throw new ApiFailure('conflict', 'The emotion lane holds scores, not notes. Pick another lane for this note.');
        assertChannel(input.projectId, input.laneId, input.channel);
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
          channel: input.channel ?? null,
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
        if (input.channel !== note.channel) assertChannel(input.projectId, note.laneId, input.channel);
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

    'notes.updateMany': (input, call) =>
      ctx.change(input.projectId, call, () => {
        if (new Set(input.updates.map((u) => u.noteId)).size !== input.updates.length) {
          throw new ApiFailure('invalid_input', 'A note is listed twice in the change; list each note once.');
        }
        // Every note is checked before anything is written (a failure rolls back anyway; this keeps the order plain).
        const before = input.updates.map((u) => getNote(input.projectId, u.noteId));
        const now = ctx.now();
        input.updates.forEach((u, i) => {
          const note = before[i]!;
          if (u.channel !== note.channel) assertChannel(input.projectId, note.laneId, u.channel);
          const next = {
            text: u.text ?? note.text,
            color: u.color ?? note.color,
            tags: u.tags ?? note.tags,
            channel: u.channel !== undefined ? u.channel : note.channel,
          };
          // A note the change leaves as it was keeps its time of last change.
          const same = next.text === note.text && next.color === note.color && next.channel === note.channel && JSON.stringify(next.tags) === JSON.stringify(note.tags);
          if (!same) writeFields(note.id, next, now);
        });
        return cells.readNotes(before.map((n) => n.id));
      }),

    'notes.duplicate': (input, call) =>
      ctx.change(input.projectId, call, () => {
        const ids = new Set(input.copies.map((c) => c.id));
        if (ids.size !== input.copies.length) throw new ApiFailure('invalid_input', 'Two copies were given the same id; every copy needs its own.');
        const exists = ctx.sql('SELECT 1 FROM notes WHERE id = ?').pluck();
        for (const c of input.copies) if (exists.get(c.id)) throw new ApiFailure('conflict', 'A note with the id chosen for a copy already exists.');
        const sources = new Map<string, Note>();
        for (const c of input.copies) if (!sources.has(c.sourceId)) sources.set(c.sourceId, getNote(input.projectId, c.sourceId));
        // The copies of each source, in the order they were listed.
        const copiesOf = new Map<string, string[]>();
        for (const c of input.copies) {
          const list = copiesOf.get(c.sourceId);
          if (list) list.push(c.id);
          else copiesOf.set(c.sourceId, [c.id]);
        }
        const now = ctx.now();
        const touched = new Map<string, Note>();
        for (const c of input.copies) {
          const src = sources.get(c.sourceId)!;
          touched.set(`${src.stageId} ${src.laneId}`, src);
          cells.insertNote(input.projectId, { ...src, id: c.id, position: 1_000_000, createdAt: now, updatedAt: now });
        }
        // Each cell: its notes as they were, each followed by its copies.
        for (const c of touched.values()) {
          const order = cells.cellIds(input.projectId, c.stageId, c.laneId).filter((id) => !ids.has(id));
          cells.placeAll(
            order.flatMap((id) => [id, ...(copiesOf.get(id) ?? [])]),
            c.stageId,
            c.laneId,
          );
        }
        return cells.readNotes(input.copies.map((c) => c.id));
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
        const placeBefore = placesIn(input.projectId, touched.values());
        // The target cell without the moving notes, then the moving notes at the index.
        const target = cells.cellIds(input.projectId, input.stageId, input.laneId).filter((id) => !moving.has(id));
        const index = Math.min(input.index ?? target.length, target.length);
        target.splice(index, 0, ...ids);
        cells.placeAll(target, input.stageId, input.laneId);
        return settle(input.projectId, touched, placeBefore, moving);
      }),

    'notes.place': (input, call) =>
      ctx.change(input.projectId, call, () => {
        const moving = new Set(input.placements.map((p) => p.noteId));
        if (moving.size !== input.placements.length) throw new ApiFailure('invalid_input', 'A note is listed twice; each note can be put in one place only.');
        const before = input.placements.map((p) => getNote(input.projectId, p.noteId));
        // The target cells, each checked once, with the notes going there in ascending position.
        const targets = new Map<string, { stageId: string; laneId: string; placements: typeof input.placements }>();
        for (const p of input.placements) {
          const key = `${p.stageId} ${p.laneId}`;
          let t = targets.get(key);
          if (!t) {
            cells.assertCell(input.projectId, p.stageId, p.laneId);
            if (laneDefaults(input.projectId, p.laneId)!.kind === 'emotion') throw new ApiFailure('conflict', 'Notes cannot be put in the emotion lane.');
            targets.set(key, (t = { stageId: p.stageId, laneId: p.laneId, placements: [] }));
          }
          t.placements.push(p);
        }
        const touched = new Map<string, { stageId: string; laneId: string }>();
        for (const n of before) touched.set(`${n.stageId} ${n.laneId}`, n);
        for (const [key, t] of targets) touched.set(key, t);
        const placeBefore = placesIn(input.projectId, touched.values());
        // Each target cell without any of the notes being placed, then each at its position (lowest first).
        for (const t of targets.values()) {
          const order = cells.cellIds(input.projectId, t.stageId, t.laneId).filter((id) => !moving.has(id));
          for (const p of [...t.placements].sort((a, b) => a.position - b.position)) order.splice(Math.min(p.position, order.length), 0, p.noteId);
          cells.placeAll(order, t.stageId, t.laneId);
        }
        return settle(input.projectId, touched, placeBefore, moving);
      }),

    'notes.delete': (input, call) =>
      ctx.change(input.projectId, call, () => {
        const ids = [...new Set(input.noteIds)];
        const notes = ids.map((id) => getNote(input.projectId, id));
        const measures = kpis.onNotes(ids);
        const del = ctx.sql('DELETE FROM notes WHERE id = ?');
        for (const n of notes) del.run(n.id);
        const cellsTouched = new Map(notes.map((n) => [`${n.stageId} ${n.laneId}`, n]));
        for (const n of cellsTouched.values()) cells.placeAll(cells.cellIds(input.projectId, n.stageId, n.laneId), n.stageId, n.laneId);
        return notes.map((n) => {
          const own = measures.filter((k) => k.noteId === n.id);
          return own.length > 0 ? { ...n, kpis: own } : n;
        });
      }),

    'notes.restore': (input, call) =>
      ctx.change(input.projectId, call, () => {
        cells.restoreNotes(input.projectId, input.notes);
        const noteIds = new Set(input.notes.map((n) => n.id));
        kpis.putBack(input.projectId, input.kpis, (k) => k.noteId !== null && noteIds.has(k.noteId), 'its note');
        return cells.readNotes(input.notes.map((n) => n.id));
      }),
  };
}
