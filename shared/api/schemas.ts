/**
 * Runtime schemas of the domain records that cross the API boundary.
 * Types are inferred from them, so a record's shape is written once.
 */
import { z } from 'zod';
import { CHANNELS, COPIS_VARIANTS, LANE_KINDS, NOTE_COLORS, NOTE_TAGS, SNAPSHOT_REASONS, TEMPLATE_IDS } from '../domain/model';
import { MAX_EXPLANATION, MAX_LONG_TEXT, MAX_NAME, MAX_NOTE_TEXT, charCount } from '../domain/limits';
import { MAX_PARTICIPANT_NAME, MAX_VOTES_PER_PARTICIPANT, cleanParticipant } from '../domain/voting';
import { PERSONA_COLORS, MAX_PERSONA_TEXT } from '../domain/persona';
import { KPI_DIRECTIONS, MAX_KPI_UNIT } from '../domain/kpi';
import { PHOTO_TYPES } from '../domain/image';
import { MAX_PROJECT_FILE_BASE64, MAX_PROJECT_FILE_BYTES, formatFileSize } from '../domain/portable';
import { COPIS_ELEMENTS, MAX_COPIS_TEXT } from '../domain/copis';

export const Id = z.uuid({ error: 'must be an id' });

/** Control characters (NUL, escape, …): never in a one-line name; in longer text only tab and line breaks. */
const ANY_CONTROL = /\p{Cc}/u;
// eslint-disable-next-line no-control-regex
const STRAY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const noControl = { error: 'must not contain control characters (such as NUL or escape)' };
const onlyLineControls = { error: 'must not contain control characters other than tabs and line breaks' };

/** A required one-line name: trimmed, 1–200 characters. */
export const Name = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'is required' })
  .refine((s) => charCount(s) <= MAX_NAME, { error: `is too long (the limit is ${MAX_NAME} characters)` })
  .refine((s) => !ANY_CONTROL.test(s), noControl);

/** An optional one-line field: trimmed, up to 200 characters, empty allowed. */
export const ShortText = z
  .string({ error: 'must be text' })
  .trim()
  .refine((s) => charCount(s) <= MAX_NAME, { error: `is too long (the limit is ${MAX_NAME} characters)` })
  .refine((s) => !ANY_CONTROL.test(s), noControl);

export const LongText = z
  .string({ error: 'must be text' })
  .refine((s) => charCount(s) <= MAX_LONG_TEXT, { error: `is too long (the limit is ${MAX_LONG_TEXT} characters)` })
  .refine((s) => !STRAY_CONTROL.test(s), onlyLineControls);

export const NoteText = z
  .string({ error: 'must be text' })
  .refine((s) => charCount(s) <= MAX_NOTE_TEXT, {
    error: (issue) => `is too long (${charCount(String(issue.input)).toLocaleString('en')} characters; the limit is ${MAX_NOTE_TEXT.toLocaleString('en')})`,
  })
  .refine((s) => !STRAY_CONTROL.test(s), onlyLineControls);

export const IsoDate = z.iso.date({ error: 'must be a date like 2026-11-23' });
export const Timestamp = z.string();
/**
 * A moment given by a caller (a note's times when it is put back, a file's times): a date and
 * time in ISO 8601 with its offset, kept as the app keeps them (UTC, toISOString).
 */
export const DateTime = z
  .iso.datetime({ offset: true, error: 'must be a date and time like 2026-11-23T14:30:00Z' })
  .transform((s) => new Date(s).toISOString());

export const LaneKind = z.enum(LANE_KINDS, { error: `must be one of ${LANE_KINDS.join(', ')}` });
export const NoteTag = z.enum(NOTE_TAGS, { error: `must be one of ${NOTE_TAGS.join(', ')}` });
export const Channel = z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` });
export const NoteColor = z.enum(NOTE_COLORS, { error: `must be one of ${NOTE_COLORS.join(', ')}` });
export const CopisVariant = z.enum(COPIS_VARIANTS, { error: `must be one of ${COPIS_VARIANTS.join(', ')}` });
export const TemplateId = z.enum(TEMPLATE_IDS, { error: `must be one of ${TEMPLATE_IDS.join(', ')}` });
export const Tags = z
  .array(NoteTag)
  .max(NOTE_TAGS.length)
  .refine((tags) => new Set(tags).size === tags.length, { error: 'must not repeat a tag' });
/** Position inside an ordered list; the service clamps it to the list's end. */
export const Index = z.int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' }).max(1_000_000);

export const ProjectSummary = z.object({
  id: Id,
  title: z.string(),
  client: z.string(),
  workshopDate: z.string().nullable(),
  facilitator: z.string(),
  template: TemplateId,
  noteCount: z.int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  openedAt: Timestamp.nullable(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const Project = ProjectSummary.extend({
  goal: z.string(),
  description: z.string(),
  copisVariant: CopisVariant,
  revision: z.int(),
});
export type Project = z.infer<typeof Project>;

export const Stage = z.object({
  id: Id,
  title: z.string(),
  prompt: z.string(),
  position: z.int(),
});
export type Stage = z.infer<typeof Stage>;

export const Lane = z.object({
  id: Id,
  title: z.string(),
  kind: LaneKind,
  color: NoteColor,
  prompt: z.string(),
  position: z.int(),
});
export type Lane = z.infer<typeof Lane>;

export const Note = z.object({
  id: Id,
  stageId: Id,
  laneId: Id,
  text: z.string(),
  color: NoteColor,
  tags: z.array(NoteTag),
  channel: Channel.nullable(),
  author: z.string(),
  position: z.int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Note = z.infer<typeof Note>;

export const EmotionScoreValue = z.int({ error: 'must be a whole number from −2 to +2' }).min(-2, { error: 'must be at least −2' }).max(2, { error: 'must be at most +2' });
export { MAX_EXPLANATION };
export const Explanation = z
  .string({ error: 'must be text' })
  .refine((s) => charCount(s) <= MAX_EXPLANATION, { error: `is too long (the limit is ${MAX_EXPLANATION} characters)` })
  .refine((s) => !STRAY_CONTROL.test(s), onlyLineControls);

/** How customers feel at one stage, in one emotion lane (and, later, for one persona). */
export const EmotionScore = z.object({
  laneId: Id,
  stageId: Id,
  personaId: Id.nullable(),
  score: EmotionScoreValue,
  explanation: z.string(),
});
export type EmotionScore = z.infer<typeof EmotionScore>;

// ── COPIS analysis ─────────────────────────────────────────────────────────────

/** One of the five elements, by its place (c, o, p, i, s); the project's variant names it. */
export const CopisElement = z.enum(COPIS_ELEMENTS, { error: `must be one of ${COPIS_ELEMENTS.join(', ')} (the five COPIS elements in order)` });
/** An entry's text: trimmed, 1–500 characters. */
export const CopisText = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'is required (an entry cannot be empty)' })
  .refine((s) => charCount(s) <= MAX_COPIS_TEXT, {
    error: (issue) => `is too long (${charCount(String(issue.input).trim()).toLocaleString('en')} characters; the limit is ${MAX_COPIS_TEXT})`,
  });
export const CopisEntry = z.object({
  id: Id,
  element: CopisElement,
  text: z.string(),
  /** Order within its element, 0…n−1. */
  position: z.int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CopisEntry = z.infer<typeof CopisEntry>;
export const CopisLinkKind = z.enum(['stage', 'note'], { error: 'must be stage or note' });
/** A link from an entry to a stage or to a note of the same project. */
export const CopisTarget = z.strictObject({ kind: CopisLinkKind, targetId: Id });
export type CopisTarget = z.infer<typeof CopisTarget>;
export const CopisLink = z.object({ entryId: Id, kind: CopisLinkKind, targetId: Id });
export type CopisLink = z.infer<typeof CopisLink>;
/** A project's COPIS entries (by element, in order) and their links to stages and notes that are on the map. */
export const CopisContent = z.object({ entries: z.array(CopisEntry), links: z.array(CopisLink) });
export type CopisContent = z.infer<typeof CopisContent>;
/** What every COPIS edit answers: the whole analysis as it is now, with the variant. */
export const CopisAnalysis = CopisContent.extend({ variant: CopisVariant });
export type CopisAnalysis = z.infer<typeof CopisAnalysis>;

// ── Personas and KPIs ──────────────────────────────────────────────────────────

export const PersonaColor = z.enum(PERSONA_COLORS, { error: `must be one of ${PERSONA_COLORS.join(', ')}` });
export const PhotoType = z.enum(PHOTO_TYPES, { error: 'must be image/png, image/jpeg or image/webp' });
/** A persona's long text field (background, goals …). */
export const PersonaText = z
  .string({ error: 'must be text' })
  .refine((s) => charCount(s) <= MAX_PERSONA_TEXT, { error: `is too long (the limit is ${MAX_PERSONA_TEXT.toLocaleString('en')} characters)` });

/** What is known of a stored photo without its bytes (those come from personas.photo). */
export const PhotoInfo = z.object({ type: PhotoType, width: z.int(), height: z.int(), size: z.int() });
export type PhotoInfo = z.infer<typeof PhotoInfo>;

export const Persona = z.object({
  id: Id,
  name: z.string(),
  role: z.string(),
  background: z.string(),
  goals: z.string(),
  painPoints: z.string(),
  needs: z.string(),
  quote: z.string(),
  color: PersonaColor,
  position: z.int(),
  photo: PhotoInfo.nullable(),
  updatedAt: Timestamp,
});
export type Persona = z.infer<typeof Persona>;

/** A photo's bytes, as the API carries files: base64, with its type. */
export const PhotoData = z.object({ type: PhotoType, data: z.string() });
export type PhotoData = z.infer<typeof PhotoData>;

/** A deleted persona with its photo and its emotion scores, enough to put it back exactly. */
export const DeletedPersona = z.object({ persona: Persona, photo: PhotoData.nullable(), emotions: z.array(EmotionScore) });
export type DeletedPersona = z.infer<typeof DeletedPersona>;

export const KpiDirection = z.enum(KPI_DIRECTIONS, { error: 'must be higher or lower' });
/** A target or actual: a finite number, or null for none. */
export const KpiNumber = z.number({ error: 'must be a number' }).refine(Number.isFinite, { error: 'must be a finite number' }).nullable();
export const KpiUnit = z
  .string({ error: 'must be text' })
  .trim()
  .refine((s) => charCount(s) <= MAX_KPI_UNIT, { error: `is too long (the limit is ${MAX_KPI_UNIT} characters)` });

/** A measure on a stage (noteId null) or on a touchpoint note (stageId null: it follows its note). */
export const Kpi = z.object({
  id: Id,
  stageId: Id.nullable(),
  noteId: Id.nullable(),
  name: z.string(),
  unit: z.string(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  direction: KpiDirection,
  note: z.string(),
  position: z.int(),
});
export type Kpi = z.infer<typeof Kpi>;

/** A persona's fields as every method and file that writes one checks them (one place). */
export const PersonaFields = {
  name: Name,
  role: ShortText,
  background: PersonaText,
  goals: PersonaText,
  painPoints: PersonaText,
  needs: PersonaText,
  quote: PersonaText,
  color: PersonaColor,
};
/** A KPI's fields as every method and file that writes one checks them (one place). */
export const KpiFields = {
  name: Name,
  unit: KpiUnit,
  target: KpiNumber,
  actual: KpiNumber,
  direction: KpiDirection,
  note: ShortText,
};

/** Everything needed to draw one project's map. */
export const ProjectMap = z.object({
  project: Project,
  stages: z.array(Stage),
  lanes: z.array(Lane),
  notes: z.array(Note),
  emotions: z.array(EmotionScore),
  copis: CopisContent,
  personas: z.array(Persona),
  kpis: z.array(Kpi),
});
export type ProjectMap = z.infer<typeof ProjectMap>;

// ── What undo and redo put back ────────────────────────────────────────────────
// Every value is held to the same limits as the method that first made it (one schema per field):
// a stage or lane title as stages.add takes it, a note's text, colour, tags, channel and author as
// notes.create does, its times as real dates, its place as an Index, an emotion score as
// emotions.set takes it. The service checks what a schema cannot (the lane's kind, the persona).

export const RestoredStage = z.object({ id: Id, title: Name, prompt: LongText, position: Index });
export const RestoredLane = z.object({ id: Id, title: Name, kind: LaneKind, color: NoteColor, prompt: LongText, position: Index });
export const RestoredNote = z.object({
  id: Id,
  stageId: Id,
  laneId: Id,
  text: NoteText,
  color: NoteColor,
  tags: Tags,
  channel: Channel.nullable(),
  author: ShortText,
  position: Index,
  createdAt: DateTime,
  updatedAt: DateTime,
});
/** A KPI to put back (undo of a delete), held to kpis.create's limits; its place must be restored with it or still exist. */
export const RestoredKpi = Kpi.extend({ name: Name, unit: KpiUnit, target: KpiNumber, actual: KpiNumber, note: ShortText });
export type RestoredKpi = z.infer<typeof RestoredKpi>;
export const RestoredEmotion = z.object({ laneId: Id, stageId: Id, personaId: Id.nullable(), score: EmotionScoreValue, explanation: Explanation });

/** A deleted stage or lane with the notes that went with it, enough to put them back exactly. */
export const DeletedStage = z.object({ stage: Stage, notes: z.array(Note), emotions: z.array(EmotionScore), kpis: z.array(Kpi) });
export type DeletedStage = z.infer<typeof DeletedStage>;
export const DeletedLane = z.object({ lane: Lane, notes: z.array(Note), emotions: z.array(EmotionScore), kpis: z.array(Kpi) });
/** A deleted note as notes.delete returns it: with its KPIs when it had any. */
export const DeletedNote = Note.extend({ kpis: z.array(Kpi).optional() });
export type DeletedNote = z.infer<typeof DeletedNote>;
export type DeletedLane = z.infer<typeof DeletedLane>;

// ── Snapshots ──────────────────────────────────────────────────────────────────

export const SnapshotReason = z.enum(SNAPSHOT_REASONS, { error: `must be one of ${SNAPSHOT_REASONS.join(', ')}` });

/** One snapshot in the list: what it is called, why and when it was taken, how many notes it holds. */
export const SnapshotSummary = z.object({
  id: Id,
  projectId: Id,
  name: z.string(),
  reason: SnapshotReason,
  /** Saved by the app itself (every reason but 'manual'), not by a person. */
  automatic: z.boolean(),
  createdAt: Timestamp,
  noteCount: z.int(),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;

/** The project's details as they were when the snapshot was taken (a restore leaves the current ones). */
export const SnapshotProject = Project.pick({
  id: true,
  title: true,
  client: true,
  workshopDate: true,
  facilitator: true,
  goal: true,
  description: true,
  copisVariant: true,
  template: true,
});
export type SnapshotProject = z.infer<typeof SnapshotProject>;

/** A project's map as a snapshot keeps it: a ProjectMap without what changes by itself (revision, times, counts). */
export const SnapshotMap = z.object({
  project: SnapshotProject,
  stages: z.array(Stage),
  lanes: z.array(Lane),
  notes: z.array(Note),
  emotions: z.array(EmotionScore),
  /** Absent in versions saved before COPIS existed: restoring one of those leaves the analysis as it is. */
  copis: CopisContent.optional(),
  /** Absent in snapshots taken before personas and KPIs existed (a restore then leaves the current ones). */
  personas: z.array(Persona).optional(),
  /** The personas' photos, by persona id. */
  photos: z.record(z.string(), PhotoData).optional(),
  kpis: z.array(Kpi).optional(),
});
export type SnapshotMap = z.infer<typeof SnapshotMap>;

export const Snapshot = SnapshotSummary.extend({ map: SnapshotMap });
export type Snapshot = z.infer<typeof Snapshot>;

const NoteField = z.enum(['text', 'color', 'tags', 'channel']);
const recordDiff = <T extends z.ZodType>(item: T) => z.object({ added: z.array(item), removed: z.array(item), changed: z.array(z.object({ before: item, after: item })) });
const axisDiff = <T extends z.ZodType>(item: T) =>
  z.object({ added: z.array(item), removed: z.array(item), renamed: z.array(z.object({ before: item, after: item })), reordered: z.boolean() });

/** What differs between two maps (see shared/domain/diff.ts for what counts as added, changed, moved). */
export const MapDiff = z.object({
  added: z.array(Note),
  removed: z.array(Note),
  changed: z.array(z.object({ before: Note, after: Note, fields: z.array(NoteField) })),
  moved: z.array(z.object({ before: Note, after: Note, sameCell: z.boolean() })),
  stages: axisDiff(Stage),
  lanes: axisDiff(Lane),
  emotions: z.object({
    added: z.array(EmotionScore),
    removed: z.array(EmotionScore),
    changed: z.array(z.object({ before: EmotionScore, after: EmotionScore })),
  }),
  copis: z.object({
    added: z.array(CopisEntry),
    removed: z.array(CopisEntry),
    /** Same entry; other text, another element, or other links. */
    changed: z.array(z.object({ before: CopisEntry, after: CopisEntry, fields: z.array(z.enum(['text', 'element', 'links'])) })),
  }),
  personas: recordDiff(Persona),
  kpis: recordDiff(Kpi),
  unchanged: z.boolean(),
});
export type MapDiff = z.infer<typeof MapDiff>;

// ── Backups of the library ─────────────────────────────────────────────────────

/** File names of backups, as backups.list gives them: nothing else (no folders, no other files) is accepted. */
export const BACKUP_NAME_PATTERN = /^library-\d{8}-\d{6}(?:-before-restore)?(?:-\d{1,3})?\.journeywall\.sqlite$/;
export const BackupName = z
  .string({ error: 'must be text' })
  .max(100, { error: 'is not the name of a backup' })
  .regex(BACKUP_NAME_PATTERN, { error: 'is not the name of a backup (names look like library-20261123-143000.journeywall.sqlite)' });

export const BackupKind = z.enum(['automatic', 'before-restore']);
export type BackupKind = z.infer<typeof BackupKind>;

/** One backup file, with what is inside it as far as it can be read. */
export const BackupInfo = z.object({
  name: z.string(),
  /** When it was taken (from its name; UTC). */
  createdAt: Timestamp,
  /** Size in bytes. */
  size: z.int(),
  /** 'before-restore': the library as it was just before a backup was restored over it. */
  kind: BackupKind,
  /** The projects inside, or null when the file could not be read (see `problem`). */
  projects: z.array(z.object({ id: z.string(), title: z.string(), noteCount: z.int() })).nullable(),
  /** Why the backup cannot be used, in words; null when it can. */
  problem: z.string().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

// ── Dot voting ─────────────────────────────────────────────────────────────────

/** A participant's name: trimmed (inner spaces as one), 1–80 characters, no control characters. */
export const ParticipantName = z
  .string({ error: 'must be text' })
  .overwrite(cleanParticipant)
  .min(1, { error: 'is required' })
  .refine((s) => charCount(s) <= MAX_PARTICIPANT_NAME, { error: `is too long (the limit is ${MAX_PARTICIPANT_NAME} characters)` })
  .refine((s) => !/\p{Cc}/u.test(s), { error: 'must not contain control characters' });

export const VotesPerParticipant = z
  .int({ error: `must be a whole number from 1 to ${MAX_VOTES_PER_PARTICIPANT}` })
  .min(1, { error: 'must be at least 1' })
  .max(MAX_VOTES_PER_PARTICIPANT, { error: `must be at most ${MAX_VOTES_PER_PARTICIPANT}` });

export const VotingStatus = z.enum(['open', 'closed']);

/** A voting round with its totals. `laneIds` null: every notes and touchpoints lane. */
export const VotingRound = z.object({
  id: Id,
  projectId: Id,
  name: z.string(),
  votesPerParticipant: z.int(),
  /** The lanes that may be voted on (those still on the map), or null for all of them. */
  laneIds: z.array(Id).nullable(),
  status: VotingStatus,
  openedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  /** The 'voting-ended' snapshot taken when the round closed (null while open, or once deleted). */
  snapshotId: Id.nullable(),
  /** Hidden until it closes: while open, nobody is told how many dots a note has (totalVotes counts them all; results list none). */
  hideVotes: z.boolean(),
  totalVotes: z.int(),
  participantCount: z.int(),
});
export type VotingRound = z.infer<typeof VotingRound>;

/** What one dot cast or taken back leaves: the note's total, and the participant's budget. */
export const VoteTally = z.object({
  roundId: Id,
  noteId: Id,
  participant: z.string(),
  /** Every participant's votes on this note. */
  noteVotes: z.int(),
  /** This participant's votes on this note. */
  participantNoteVotes: z.int(),
  /** This participant's votes in the round, used and left. */
  used: z.int(),
  left: z.int(),
});
export type VoteTally = z.infer<typeof VoteTally>;

/** One note in the ranked list of a round's results. */
export const RankedNote = z.object({
  rank: z.int(),
  tied: z.boolean(),
  noteId: Id,
  votes: z.int(),
  text: z.string(),
  stageId: Id,
  stageTitle: z.string(),
  laneId: Id,
  laneTitle: z.string(),
});
export type RankedNote = z.infer<typeof RankedNote>;

export const ParticipantVotes = z.object({ participant: z.string(), used: z.int(), left: z.int() });
export type ParticipantVotes = z.infer<typeof ParticipantVotes>;

export const VotingResults = z.object({
  round: VotingRound,
  /** Votes per note (only notes with votes): note id → count. */
  counts: z.record(z.string(), z.int()),
  /** Notes with votes, most first; equal counts in the map's reading order, sharing a rank. */
  ranked: z.array(RankedNote),
  /** Everyone who has voted, by name, with their votes used and left. */
  participants: z.array(ParticipantVotes),
});
export type VotingResults = z.infer<typeof VotingResults>;

// ── The PDF report ─────────────────────────────────────────────────────────────

/** Paper for the report, always landscape. */
export const REPORT_PAPERS = ['a4', 'a3'] as const;
export const ReportPaper = z.enum(REPORT_PAPERS, { error: 'must be a4 or a3' });
export type ReportPaper = z.infer<typeof ReportPaper>;
/** The map scaled to fit one page, or split over pages by stages at a readable size. */
export const REPORT_MAP_MODES = ['fit', 'split'] as const;
export const ReportMapMode = z.enum(REPORT_MAP_MODES, { error: 'must be fit or split' });
export type ReportMapMode = z.infer<typeof ReportMapMode>;

/** A made PDF file, as the API carries files: its bytes in base64. */
export const ReportFile = z.object({
  /** A suggested file name: the project's title in safe characters and the date, ending in .pdf. */
  fileName: z.string(),
  pages: z.int(),
  /** The PDF's bytes, base64. */
  pdf: z.string(),
});
export type ReportFile = z.infer<typeof ReportFile>;

// ── Portable project files (.journey, JSON) ─────────────────────────────────────

/** The name the file had on the user's computer: shown in messages and used as a hint, never as a path. */
export const ProjectFileName = z.string({ error: 'must be text' }).max(1000, { error: 'is too long (the limit is 1,000 characters)' });

/**
 * A file's bytes in base64, at most MAX_PROJECT_FILE_BYTES of them. That it is base64 is checked
 * where the file is read, off the main thread (main/workers/), not here: a scan of 60 MB of text
 * would hold up every other caller.
 */
export const ProjectFileData = z.string({ error: 'must be the file’s contents in base64' }).max(MAX_PROJECT_FILE_BASE64, {
  error: (issue) =>
    `is too large (${formatFileSize(Math.floor((String(issue.input).length * 3) / 4))}; a project file may be at most ${formatFileSize(MAX_PROJECT_FILE_BYTES)})`,
  abort: true,
});

/** What an import creates (or created): how many of each. */
export const ImportCounts = z.object({
  stages: z.int(),
  lanes: z.int(),
  notes: z.int(),
  emotionScores: z.int(),
  /** Saved versions of the map (snapshots); only .journey files carry them. */
  snapshots: z.int(),
  votingRounds: z.int(),
  votes: z.int(),
  personas: z.int(),
  kpis: z.int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** What importing a file would create, and every problem that stands in the way, in words. */
export const ImportPreview = z.object({
  fileName: z.string(),
  /** What the file is, by its contents: a .journey project file, a JSON export, or neither (null). */
  format: z.enum(['journey', 'json']).nullable(),
  /** The new project's details as they will be (the title gets “(imported)” when the library has it already); null when the file cannot be read that far. */
  project: z
    .object({
      title: z.string(),
      /** The title inside the file. */
      originalTitle: z.string(),
      client: z.string(),
      workshopDate: z.string().nullable(),
      facilitator: z.string(),
    })
    .nullable(),
  counts: ImportCounts,
  /** Every problem, one sentence each; the import is refused while there is any. */
  problems: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
