/**
 * The JSON export of a project: a document that people and other tools can read and write.
 *
 * Format "journeywall-project", version 1 (a later layout gets a higher version; this version
 * refuses a file of a higher one with a sentence). UTF-8, pretty-printed. Field by field:
 *
 *   format        "journeywall-project"                       required
 *   version       1                                           required
 *   exportedAt    when the file was made (ISO 8601, UTC)       ignored on import
 *   project       { title, client, workshopDate ("2026-11-23" or null), facilitator, goal,
 *                   description, copisVariant ("consumer" | "customer" | "lean"),
 *                   template ("blank" | "purchase" …) }        title required; the rest default
 *                                                              to empty, null, "consumer", "blank"
 *   stages        [{ id, title, prompt, position }]            columns, left to right by position
 *   lanes         [{ id, title, kind ("notes" | "touchpoints" | "emotion"),
 *                    color, prompt, position }]                rows, top to bottom by position
 *   notes         [{ id, stageId, laneId, text (≤ 2,000 characters),
 *                    color ("yellow" | "orange" | "pink" | "blue" | "green" | "purple" | "grey"),
 *                    tags (["pain" | "opportunity" | "idea" | "question"]),
 *                    channel ("web" | "app" | "email" | "phone" | "store" | "social" | "chat" |
 *                             "print" | "word_of_mouth" | "other" | null),
 *                    author, position (order in its cell), createdAt, updatedAt }]
 *   emotions      [{ laneId (an emotion lane), stageId, personaId (null: the general curve, or
 *                    a persona's id), score (−2…2), explanation (≤ 280 characters) }]
 *   copis         { entries: [{ id, element ("c" | "o" | "p" | "i" | "s": the five COPIS elements
 *                   in order, named by copisVariant), text (1–500 characters), position (order in
 *                   its element), createdAt, updatedAt }],
 *                   links: [{ entryId, kind ("stage" | "note"), targetId (a stage's or note's
 *                   id in this document) }] }
 *   personas      [{ id, name, role, background, goals, painPoints, needs, quote, color
 *                    ("teal" | "violet" | "amber" | "blue" | "magenta" | "brown" | "slate" |
 *                    "olive"), position, photo ({ type ("image/png" | "image/jpeg" |
 *                    "image/webp"), data (the image's bytes in base64) } or null) }]
 *   kpis          [{ id, stageId or noteId (a touchpoint note; the other null), name, unit
 *                    (≤ 20 characters), target, actual (numbers or null), direction
 *                    ("higher" | "lower": which is better), note, position }]
 *   votingRounds  [{ id, name, votesPerParticipant (1–99), laneIds (null: every notes and
 *                    touchpoints lane), status ("open" | "closed"), openedAt, closedAt,
 *                    hideVotes (true: its counts were hidden until it closed),
 *                    votes: [{ noteId, participant, castAt }] }]   one entry per dot
 *   room          { participants: [{ id, name, joinedAt }],        the room's emotion scores
 *                   scores: [{ stageId, participantId, score (−2…2), (room mode): who gave them,
 *                              reason (≤ 500 characters), updatedAt }] }   one per person and stage
 *
 * Ids are any text, unique within their list; they only tie the document together (a note's
 * stageId is the id of a stage in the same document) and are replaced on import. For documents
 * written by hand or by another tool, these may be left out: prompt (""), position (the order in
 * the list), note color (its lane's colour), tags ([]), channel (null), author (""), createdAt and
 * updatedAt (the moment of the import), emotions, personas, kpis and votingRounds ([]), copis
 * (none), an entry's position, createdAt and updatedAt.
 * Saved versions (snapshots) are not part of the JSON: .journey files carry them.
 */
import { JSON_FORMAT, JSON_FORMAT_VERSION } from '../../shared/domain/portable';
import type { Db } from '../db/library';
import type { PortableInput } from './document';
import type { ReadResult } from './journey';
import { columnList } from './tables';
import { LIVE_LINK } from '../services/copis';
import { PERSONA_COLORS } from '../../shared/domain/persona';
import { readRoomDoc } from '../room/scores';

type Row = Record<string, unknown>;

export function writeJson(library: Db, projectId: string, now: string): string {
  const doc = library.transaction(() => {
    const p = library.prepare(`SELECT ${columnList('projects')} FROM projects WHERE id = ?`).get(projectId) as Row;
    const rows = (sql: string) => library.prepare(sql).all(projectId) as Row[];
    const stages = rows('SELECT id, title, prompt, position FROM stages WHERE project_id = ? ORDER BY position, rowid');
    const lanes = rows('SELECT id, title, kind, color, prompt, position FROM lanes WHERE project_id = ? ORDER BY position, rowid');
    const notes = rows(
      `SELECT n.id, n.stage_id, n.lane_id, n.text, n.color, n.tags, n.channel, n.author, n.position, n.created_at, n.updated_at
       FROM notes n JOIN stages s ON s.id = n.stage_id JOIN lanes l ON l.id = n.lane_id
       WHERE n.project_id = ? ORDER BY s.position, l.position, n.position, n.created_at, n.id`,
    );
    const laneIds = new Set(lanes.map((l) => l.id));
    const emotions = rows('SELECT lane_id, stage_id, persona_id, score, explanation FROM emotion_scores WHERE project_id = ? ORDER BY rowid');
    const entries = rows(`SELECT id, element, text, position, created_at, updated_at FROM copis_entries WHERE project_id = ? ORDER BY element, position, rowid`);
    const links = rows(`SELECT entry_id, kind, target_id FROM copis_links k WHERE k.project_id = ? AND ${LIVE_LINK} ORDER BY entry_id, kind, target_id`);
    const personas = rows('SELECT id, name, role, background, goals, pain_points, needs, quote, color, position, photo, photo_type FROM personas WHERE project_id = ? ORDER BY position, rowid');
    const kpis = rows('SELECT id, stage_id, note_id, name, unit, target, actual, direction, note, position FROM kpis WHERE project_id = ? ORDER BY position, rowid');
    const rounds = rows('SELECT id, name, votes_per_participant, lane_ids, status, opened_at, closed_at, hide_votes FROM voting_rounds WHERE project_id = ? ORDER BY opened_at, rowid');
    const votesByRound = new Map<unknown, Row[]>();
    for (const v of rows('SELECT round_id, note_id, participant, cast_at FROM votes WHERE project_id = ? ORDER BY id')) {
      const list = votesByRound.get(v.round_id);
      if (list) list.push(v);
      else votesByRound.set(v.round_id, [v]);
    }
    return {
      format: JSON_FORMAT,
      version: JSON_FORMAT_VERSION,
      exportedAt: now,
      project: {
        title: p.title,
        client: p.client,
        workshopDate: p.workshop_date,
        facilitator: p.facilitator,
        goal: p.goal,
        description: p.description,
        copisVariant: p.copis_variant,
        template: p.template,
      },
      stages: stages.map((s) => ({ id: s.id, title: s.title, prompt: s.prompt, position: s.position })),
      lanes: lanes.map((l) => ({ id: l.id, title: l.title, kind: l.kind, color: l.color, prompt: l.prompt, position: l.position })),
      notes: notes.map((n) => ({
        id: n.id,
        stageId: n.stage_id,
        laneId: n.lane_id,
        text: n.text,
        color: n.color,
        tags: JSON.parse(n.tags as string) as unknown,
        channel: n.channel,
        author: n.author,
        position: n.position,
        createdAt: n.created_at,
        updatedAt: n.updated_at,
      })),
      emotions: emotions.map((e) => ({ laneId: e.lane_id, stageId: e.stage_id, personaId: e.persona_id, score: e.score, explanation: e.explanation })),
      copis: {
        entries: entries.map((e) => ({ id: e.id, element: e.element, text: e.text, position: e.position, createdAt: e.created_at, updatedAt: e.updated_at })),
        links: links.map((l) => ({ entryId: l.entry_id, kind: l.kind, targetId: l.target_id })),
      },
      personas: personas.map((x) => ({
        id: x.id,
        name: x.name,
        role: x.role,
        background: x.background,
        goals: x.goals,
        painPoints: x.pain_points,
        needs: x.needs,
        quote: x.quote,
        color: x.color,
        position: x.position,
        photo: x.photo ? { type: x.photo_type, data: (x.photo as Buffer).toString('base64') } : null,
      })),
      kpis: kpis.map((k) => ({ id: k.id, stageId: k.stage_id, noteId: k.note_id, name: k.name, unit: k.unit, target: k.target, actual: k.actual, direction: k.direction, note: k.note, position: k.position })),
      votingRounds: rounds.map((r) => ({
        id: r.id,
        name: r.name,
        votesPerParticipant: r.votes_per_participant,
        // Only lanes still on the map (a round's list may name lanes deleted since).
        laneIds: r.lane_ids === null ? null : (JSON.parse(r.lane_ids as string) as unknown[]).filter((id) => laneIds.has(id)),
        status: r.status,
        openedAt: r.opened_at,
        closedAt: r.closed_at,
        hideVotes: r.hide_votes === 1,
        votes: (votesByRound.get(r.id) ?? []).map((v) => ({ noteId: v.note_id, participant: v.participant, castAt: v.cast_at })),
      })),
      room: readRoomDoc(library, projectId),
    };
  })();
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A list as given; a missing one as empty; anything else as is, for the check to refuse. */
const listOf = (v: unknown): unknown => (v === undefined ? [] : v);
const each = (v: unknown, map: (item: Record<string, unknown>, index: number) => unknown): unknown => (Array.isArray(v) ? v.map((item, i) => (isObject(item) ? map(item, i) : item)) : v);

/** Reads a JSON export (text already decoded). Values are checked afterwards, by document.ts. */
export function readJson(text: string, now: string): ReadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = e instanceof SyntaxError ? /position (\d+)/.exec(e.message)?.[1] : undefined;
    return { input: null, problems: [`It is not valid JSON${at ? ` (the mistake is at character ${Number(at).toLocaleString('en')})` : ''}, so it cannot be a Journeywall project export.`] };
  }
  if (!isObject(doc) || doc.format !== JSON_FORMAT) {
    return { input: null, problems: [`It is JSON, but not a Journeywall project export (those say "format": "${JSON_FORMAT}").`] };
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { input: null, problems: ['It says it is a Journeywall project export but gives no valid format version.'] };
  }
  if (version > JSON_FORMAT_VERSION) {
    return {
      input: null,
      problems: [`It was made by a newer version of Journeywall (JSON format version ${version}; this version reads version ${JSON_FORMAT_VERSION}). Update Journeywall to import it.`],
    };
  }
  const p = doc.project;
  const laneColors = new Map<unknown, unknown>(Array.isArray(doc.lanes) ? doc.lanes.filter(isObject).map((l) => [l.id, l.color]) : []);
  const input = {
    project: isObject(p)
      ? {
          id: null,
          title: p.title,
          client: p.client ?? '',
          workshopDate: p.workshopDate ?? null,
          facilitator: p.facilitator ?? '',
          goal: p.goal ?? '',
          description: p.description ?? '',
          copisVariant: p.copisVariant ?? 'consumer',
          template: p.template ?? 'blank',
        }
      : p,
    stages: each(doc.stages, (s, i) => ({ id: s.id, title: s.title, prompt: s.prompt ?? '', position: s.position ?? i })),
    lanes: each(doc.lanes, (l, i) => ({ id: l.id, title: l.title, kind: l.kind, color: l.color, prompt: l.prompt ?? '', position: l.position ?? i })),
    notes: each(doc.notes, (n, i) => ({
      id: n.id,
      stageId: n.stageId,
      laneId: n.laneId,
      text: n.text,
      color: n.color ?? laneColors.get(n.laneId) ?? 'yellow',
      tags: n.tags ?? [],
      channel: n.channel ?? null,
      author: n.author ?? '',
      position: n.position ?? i,
      createdAt: n.createdAt ?? now,
      updatedAt: n.updatedAt ?? n.createdAt ?? now,
    })),
    emotions: each(listOf(doc.emotions), (e) => ({ laneId: e.laneId, stageId: e.stageId, personaId: e.personaId ?? null, score: e.score, explanation: e.explanation ?? '' })),
    copis: isObject(doc.copis)
      ? {
          entries: each(listOf(doc.copis.entries), (e, i) => ({ id: e.id, element: e.element, text: e.text, position: e.position ?? i, createdAt: e.createdAt ?? now, updatedAt: e.updatedAt ?? e.createdAt ?? now })),
          links: listOf(doc.copis.links),
        }
      : (doc.copis ?? { entries: [], links: [] }),
    personas: each(listOf(doc.personas), (x, i) => ({
      id: x.id,
      name: x.name,
      role: x.role ?? '',
      background: x.background ?? '',
      goals: x.goals ?? '',
      painPoints: x.painPoints ?? '',
      needs: x.needs ?? '',
      quote: x.quote ?? '',
      color: x.color ?? PERSONA_COLORS[i % PERSONA_COLORS.length],
      position: x.position ?? i,
      photo: x.photo ?? null,
    })),
    kpis: each(listOf(doc.kpis), (k, i) => ({
      id: k.id,
      stageId: k.stageId ?? null,
      noteId: k.noteId ?? null,
      name: k.name,
      unit: k.unit ?? '',
      target: k.target ?? null,
      actual: k.actual ?? null,
      direction: k.direction ?? 'higher',
      note: k.note ?? '',
      position: k.position ?? i,
    })),
    snapshots: [],
    rounds: each(listOf(doc.votingRounds), (r) => ({
      id: r.id,
      name: r.name,
      votesPerParticipant: r.votesPerParticipant,
      laneIds: r.laneIds ?? null,
      status: r.status,
      openedAt: r.openedAt ?? now,
      closedAt: r.closedAt ?? null,
      snapshotId: null,
      hideVotes: r.hideVotes ?? false,
      votes: each(listOf(r.votes), (v) => ({ noteId: v.noteId, participant: v.participant, castAt: v.castAt ?? now })),
    })),
    room: isObject(doc.room)
      ? {
          participants: each(listOf(doc.room.participants), (x) => ({ id: x.id, name: x.name, joinedAt: x.joinedAt ?? now })),
          scores: each(listOf(doc.room.scores), (x) => ({ stageId: x.stageId, participantId: x.participantId, score: x.score, reason: x.reason ?? '', updatedAt: x.updatedAt ?? now })),
        }
      : (doc.room ?? { participants: [], scores: [] }),
  };
  return { input: input as unknown as PortableInput, problems: [] };
}
