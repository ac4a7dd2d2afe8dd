/**
 * A project as a file carries it, whichever kind of file (.journey or JSON): the one shape both
 * readers produce and the one check every value passes before anything is written. The limits are
 * the app's own (the API's schemas); references between rows (a note's stage and lane, a vote's
 * note, a round's saved version …) must point at rows of the same file. Ids are the file's own:
 * the import gives everything new ones.
 *
 * Every problem comes back as one sentence that says which item and what is wrong with it.
 */
import { z } from 'zod';
import {
  Channel,
  CopisElement,
  CopisLinkKind,
  CopisText,
  CopisVariant,
  DateTime,
  EmotionScoreValue,
  Explanation,
  IsoDate,
  LaneKind,
  LongText,
  Name,
  NoteColor,
  NoteText,
  ParticipantName,
  ShortText,
  SnapshotReason,
  Tags,
  TemplateId,
  VotesPerParticipant,
  VotingStatus,
  PersonaFields,
  PhotoType,
  KpiFields,
  type ImportCounts,
} from '../../shared/api/schemas';
import { SNAPSHOT_FORMAT, StoredSnapshot } from '../services/snapshots';
import { EMPTY_ROOM, RoomDoc, roomDocProblems } from '../room/scores';

const RefId = z.string({ error: 'must be text' }).min(1, { error: 'is missing' }).max(200, { error: 'is too long to be an id' });
const Position = z.int({ error: 'must be a whole number' }).min(-1_000_000_000, { error: 'is out of range' }).max(1_000_000_000, { error: 'is out of range' });
/** A moment, kept as the app keeps them (UTC, ISO 8601). */
const When = DateTime;
const list = <T extends z.ZodType>(item: T, what: string, max: number) =>
  z.array(item, { error: `must be a list of ${what}` }).max(max, { error: `has more than ${max.toLocaleString('en')} ${what}` });
const obj = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { error: 'must be an object' });

export const PortableProject = obj({
  project: obj({
    /** The project's id in the file (snapshots name it); not kept. */
    id: RefId.nullable(),
    title: Name,
    client: ShortText,
    workshopDate: IsoDate.nullable(),
    facilitator: ShortText,
    goal: LongText,
    description: LongText,
    copisVariant: CopisVariant,
    template: TemplateId,
  }),
  stages: list(obj({ id: RefId, title: Name, prompt: LongText, position: Position }), 'stages', 1000),
  lanes: list(obj({ id: RefId, title: Name, kind: LaneKind, color: NoteColor, prompt: LongText, position: Position }), 'lanes', 1000),
  notes: list(
    obj({
      id: RefId,
      stageId: RefId,
      laneId: RefId,
      text: NoteText,
      color: NoteColor,
      tags: Tags,
      channel: Channel.nullable(),
      author: ShortText,
      position: Position,
      createdAt: When,
      updatedAt: When,
    }),
    'notes',
    200_000,
  ),
  emotions: list(obj({ laneId: RefId, stageId: RefId, personaId: RefId.nullable(), score: EmotionScoreValue, explanation: Explanation }), 'emotion scores', 200_000),
  copis: obj({
    entries: list(obj({ id: RefId, element: CopisElement, text: CopisText, position: Position, createdAt: When, updatedAt: When }), 'COPIS entries', 100_000),
    links: list(obj({ entryId: RefId, kind: CopisLinkKind, targetId: RefId }), 'COPIS links', 1_000_000),
  }).default({ entries: [], links: [] }),
  personas: list(
    obj({
      id: RefId,
      ...PersonaFields,
      position: Position,
      /** The photo's bytes in base64 with their type: checked, decoded and scaled again on import. */
      photo: obj({ type: PhotoType, data: z.string({ error: 'must be base64 text' }).max(Math.ceil((20 * 1024 * 1024) / 3) * 4 + 4, { error: 'is too large' }) }).nullable(),
    }),
    'personas',
    1000,
  ).default([]),
  kpis: list(
    obj({ id: RefId, stageId: RefId.nullable(), noteId: RefId.nullable(), ...KpiFields, position: Position }),
    'KPIs',
    100_000,
  ).default([]),
  snapshots: list(obj({ id: RefId, name: Name, reason: SnapshotReason, createdAt: When, doc: z.unknown() }), 'saved versions', 10_000),
  rounds: list(
    obj({
      id: RefId,
      name: Name,
      votesPerParticipant: VotesPerParticipant,
      laneIds: list(RefId, 'lanes', 1000).nullable(),
      status: VotingStatus,
      openedAt: When,
      closedAt: When.nullable(),
      snapshotId: RefId.nullable(),
      hideVotes: z.boolean({ error: 'must be true or false' }).default(false),
      votes: list(obj({ noteId: RefId, participant: ParticipantName, castAt: When }), 'votes', 1_000_000),
    }),
    'voting rounds',
    1000,
  ),
  /** The room's emotion scores and who gave them (room mode); none in files made before. */
  room: RoomDoc.default(EMPTY_ROOM),
}).superRefine((p, check) => {
  const problem = (path: (string | number)[], message: string) => check.addIssue({ code: 'custom', path, message });
  const unique = (items: { id: string }[], where: string, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) problem([where, i], `has the same id as another ${what}`);
      seen.add(item.id);
    });
    return seen;
  };
  const stages = unique(p.stages, 'stages', 'stage');
  const lanes = new Map(p.lanes.map((l) => [l.id, l.kind]));
  unique(p.lanes, 'lanes', 'lane');
  const notes = unique(p.notes, 'notes', 'note');
  const snapshots = unique(p.snapshots, 'snapshots', 'saved version');
  unique(p.rounds, 'rounds', 'voting round');

  p.notes.forEach((n, i) => {
    if (!stages.has(n.stageId)) problem(['notes', i], 'is in a stage that is not in the file');
    const kind = lanes.get(n.laneId);
    if (kind === undefined) problem(['notes', i], 'is in a lane that is not in the file');
    else if (kind === 'emotion') problem(['notes', i], 'is in an emotion lane, which holds scores, not notes');
  });
  const personas = unique(p.personas, 'personas', 'persona');
  unique(p.kpis, 'kpis', 'KPI');
  const noteLane = new Map(p.notes.map((n) => [n.id, n.laneId]));
  p.kpis.forEach((k, i) => {
    if ((k.stageId === null) === (k.noteId === null)) problem(['kpis', i], 'must be on either a stage or a touchpoint note');
    else if (k.stageId !== null && !stages.has(k.stageId)) problem(['kpis', i], 'is on a stage that is not in the file');
    else if (k.noteId !== null && !noteLane.has(k.noteId)) problem(['kpis', i], 'is on a note that is not in the file');
    else if (k.noteId !== null && lanes.get(noteLane.get(k.noteId)!) !== 'touchpoints') problem(['kpis', i], 'is on a note that is not a touchpoint');
  });
  const points = new Set<string>();
  p.emotions.forEach((e, i) => {
    if (e.personaId !== null && !personas.has(e.personaId)) problem(['emotions', i], 'is for a persona that is not in the file');
    if (!stages.has(e.stageId)) problem(['emotions', i], 'is for a stage that is not in the file');
    const kind = lanes.get(e.laneId);
    if (kind === undefined) problem(['emotions', i], 'is in a lane that is not in the file');
    else if (kind !== 'emotion') problem(['emotions', i], 'is in a lane that holds notes, not emotion scores');
    const point = `${e.laneId} ${e.stageId} ${e.personaId ?? ''}`;
    if (points.has(point)) problem(['emotions', i], 'is a second score for the same stage and lane');
    points.add(point);
  });
  let open = 0;
  p.rounds.forEach((r, i) => {
    if (r.status === 'open') open++;
    if ((r.status === 'open') !== (r.closedAt === null)) problem(['rounds', i], r.status === 'open' ? 'is open but has a closing time' : 'is closed but has no closing time');
    if (r.snapshotId !== null && !snapshots.has(r.snapshotId)) problem(['rounds', i], 'names a saved version that is not in the file');
    r.votes.forEach((v, j) => {
      if (!notes.has(v.noteId)) problem(['rounds', i, 'votes', j], 'is on a note that is not in the file');
    });
  });
  if (open > 1) problem(['rounds'], `has ${open} open voting rounds; a project has at most one`);
  for (const { path, message } of roomDocProblems(p.room, stages)) check.addIssue({ code: 'custom', path: ['room', ...path], message });
  const entries = new Set<string>();
  p.copis.entries.forEach((e, i) => {
    if (entries.has(e.id)) problem(['copis', 'entries', i], 'has the same id as another COPIS entry');
    entries.add(e.id);
  });
  const linked = new Set<string>();
  p.copis.links.forEach((l, i) => {
    if (!entries.has(l.entryId)) problem(['copis', 'links', i], 'belongs to a COPIS entry that is not in the file');
    if (!(l.kind === 'stage' ? stages : notes).has(l.targetId)) problem(['copis', 'links', i], `points at a ${l.kind} that is not in the file`);
    const key = `${l.entryId} ${l.kind} ${l.targetId}`;
    if (linked.has(key)) problem(['copis', 'links', i], 'links the same entry to the same thing twice');
    linked.add(key);
  });
});

export type PortableInput = z.input<typeof PortableProject>;
type Parsed = z.output<typeof PortableProject>;
export type CheckedProject = Omit<Parsed, 'snapshots'> & {
  snapshots: (Omit<Parsed['snapshots'][number], 'doc'> & { doc: z.output<typeof StoredSnapshot> })[];
};

/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED = 50;

/** Every value checked; the project, or every problem in words. */
export function checkProject(raw: unknown): { project: CheckedProject; problems: [] } | { project: null; problems: string[] } {
  const parsed = PortableProject.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => describeIssue(issue, raw));
  // Saved versions are whole maps of their own, checked as the app checks them when it reads one.
  const snapshots: CheckedProject['snapshots'] = [];
  if (parsed.success) {
    for (const s of parsed.data.snapshots) {
      const doc = s.doc as { format?: unknown; project?: { id?: unknown } } | null;
      const named = `The saved version “${clip(s.name, 60)}”`;
      if (typeof doc === 'object' && doc !== null && typeof doc.format === 'number' && doc.format > SNAPSHOT_FORMAT) {
        problems.push(`${named} was made by a newer version of Journeywall.`);
        continue;
      }
      const checked = StoredSnapshot.safeParse(doc);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        const where = issue.path.length > 0 ? ` (${issue.path.map(String).join('.')}: ${issue.message})` : ` (${issue.message})`;
        problems.push(`${named} is damaged${where.slice(0, 200)}.`);
        continue;
      }
      if (parsed.data.project.id !== null && checked.data.project.id !== parsed.data.project.id) {
        problems.push(`${named} belongs to another project.`);
        continue;
      }
      snapshots.push({ ...s, doc: checked.data });
    }
  }
  if (!parsed.success || problems.length > 0) return { project: null, problems: limitProblems(problems) };
  return { project: { ...parsed.data, snapshots }, problems: [] };
}

export function limitProblems(problems: string[]): string[] {
  if (problems.length <= MAX_LISTED) return problems;
  const rest = problems.length - (MAX_LISTED - 1);
  return [...problems.slice(0, MAX_LISTED - 1), `… and ${rest.toLocaleString('en')} more problems like these.`];
}

export function countsOf(p: CheckedProject | PortableInput | null): ImportCounts {
  const n = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  if (!p) return { stages: 0, lanes: 0, notes: 0, emotionScores: 0, snapshots: 0, votingRounds: 0, votes: 0, personas: 0, kpis: 0 };
  const rounds = Array.isArray(p.rounds) ? p.rounds : [];
  return {
    stages: n(p.stages),
    lanes: n(p.lanes),
    notes: n(p.notes),
    emotionScores: n(p.emotions),
    snapshots: n(p.snapshots),
    votingRounds: rounds.length,
    votes: rounds.reduce((sum, r) => sum + n((r as { votes?: unknown } | null)?.votes), 0),
    personas: n((p as { personas?: unknown }).personas),
    kpis: n((p as { kpis?: unknown }).kpis),
  };
}

// ── Problems in words ───────────────────────────────────────────────────────────

const FIELDS: Record<string, string> = {
  id: 'id',
  title: 'title',
  client: 'client',
  workshopDate: 'workshop date',
  facilitator: 'facilitator',
  goal: 'goal',
  description: 'description',
  copisVariant: 'COPIS variant',
  template: 'template',
  prompt: 'prompt',
  position: 'position',
  kind: 'kind',
  color: 'colour',
  stageId: 'stage',
  laneId: 'lane',
  text: 'text',
  tags: 'tags',
  channel: 'channel',
  author: 'author',
  createdAt: 'time of creation',
  updatedAt: 'time of the last change',
  personaId: 'persona',
  score: 'score',
  explanation: 'explanation',
  name: 'name',
  reason: 'reason',
  votesPerParticipant: 'votes per participant',
  laneIds: 'list of lanes',
  status: 'status',
  openedAt: 'opening time',
  closedAt: 'closing time',
  snapshotId: 'saved version',
  noteId: 'note',
  participant: 'participant',
  castAt: 'time',
  element: 'element',
  entryId: 'entry',
  targetId: 'stage or note',
  participantId: 'participant',
  joinedAt: 'time of joining',
  hideVotes: 'hidden votes',
};

const LISTS: Record<string, string> = {
  stages: 'stages',
  lanes: 'lanes',
  notes: 'notes',
  emotions: 'emotion scores',
  snapshots: 'saved versions',
  rounds: 'voting rounds',
};

export function clip(text: string, max = 40): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const at = (root: unknown, path: readonly PropertyKey[]): unknown => {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
};
const textAt = (root: unknown, path: readonly PropertyKey[]): string | null => {
  const v = at(root, path);
  return typeof v === 'string' && v.trim() !== '' ? v : null;
};

/** "Note 12 (“Sees an ad”)", "Stage 2 “Consideration”", "The voting round “Pains”" … */
function subject(raw: unknown, path: readonly PropertyKey[]): { words: string; rest: readonly PropertyKey[] } {
  const [list, index, ...rest] = path;
  if (list === 'project') return { words: 'The project', rest: path.slice(1) };
  if (list === 'room') {
    const [, kind, i, ...more] = path;
    if (kind === 'scores' && typeof i === 'number') return { words: `Room emotion score ${i + 1}`, rest: more };
    if (kind === 'participants' && typeof i === 'number') return { words: `Room participant ${i + 1}`, rest: more };
    return { words: 'The room’s emotion scores', rest: [] };
  }
  if (list === 'copis') {
    const [, kind, i, ...more] = path;
    if (kind === 'entries' && typeof i === 'number') {
      const t = textAt(raw, ['copis', 'entries', i, 'text']);
      return { words: `COPIS entry ${i + 1}${t ? ` (“${clip(t)}”)` : ''}`, rest: more };
    }
    if (kind === 'links' && typeof i === 'number') return { words: `COPIS link ${i + 1}`, rest: more };
    return { words: 'The COPIS analysis', rest: [] };
  }
  if (typeof list !== 'string' || typeof index !== 'number') return { words: list === undefined ? 'The file' : `The list of ${LISTS[String(list)] ?? String(list)}`, rest: [] };
  const n = index + 1;
  switch (list) {
    case 'stages': {
      const t = textAt(raw, [list, index, 'title']);
      return { words: `Stage ${n}${t ? ` “${clip(t)}”` : ''}`, rest };
    }
    case 'lanes': {
      const t = textAt(raw, [list, index, 'title']);
      return { words: `Lane ${n}${t ? ` “${clip(t)}”` : ''}`, rest };
    }
    case 'notes': {
      const t = textAt(raw, [list, index, 'text']);
      return { words: `Note ${n}${t ? ` (“${clip(t)}”)` : ''}`, rest };
    }
    case 'emotions':
      return { words: `Emotion score ${n}`, rest };
    case 'snapshots': {
      const t = textAt(raw, [list, index, 'name']);
      return { words: t ? `The saved version “${clip(t)}”` : `Saved version ${n}`, rest };
    }
    case 'rounds': {
      const t = textAt(raw, [list, index, 'name']);
      const round = t ? `the voting round “${clip(t)}”` : `voting round ${n}`;
      if (rest[0] === 'votes' && typeof rest[1] === 'number') return { words: `Vote ${rest[1] + 1} in ${round}`, rest: rest.slice(2) };
      return { words: round[0]!.toUpperCase() + round.slice(1), rest };
    }
    default:
      return { words: `Item ${n} of ${list}`, rest };
  }
}

export function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const { words, rest } = subject(raw, issue.path);
  const missing = issue.code === 'invalid_type' && at(raw, issue.path) === undefined;
  const message = missing ? 'is missing' : issue.message;
  const field = [...rest].reverse().find((k): k is string => typeof k === 'string');
  if (!field) return `${words} ${message}.`;
  const label = FIELDS[field] ?? field;
  return words === 'The project' ? `The project’s ${label} ${message}.` : `${words}: its ${label} ${message}.`;
}
