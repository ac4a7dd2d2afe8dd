/**
 * Runtime schemas of the domain records that cross the API boundary.
 * Types are inferred from them, so a record's shape is written once.
 */
import { z } from 'zod';
import { CHANNELS, COPIS_VARIANTS, LANE_KINDS, NOTE_COLORS, NOTE_TAGS, TEMPLATE_IDS } from '../domain/model';
import { MAX_LONG_TEXT, MAX_NAME, MAX_NOTE_TEXT, charCount } from '../domain/limits';

export const Id = z.uuid({ error: 'must be an id' });

/** A required one-line name: trimmed, 1–200 characters. */
export const Name = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'is required' })
  .refine((s) => charCount(s) <= MAX_NAME, { error: `is too long (the limit is ${MAX_NAME} characters)` });

/** An optional one-line field: trimmed, up to 200 characters, empty allowed. */
export const ShortText = z
  .string({ error: 'must be text' })
  .trim()
  .refine((s) => charCount(s) <= MAX_NAME, { error: `is too long (the limit is ${MAX_NAME} characters)` });

export const LongText = z
  .string({ error: 'must be text' })
  .refine((s) => charCount(s) <= MAX_LONG_TEXT, { error: `is too long (the limit is ${MAX_LONG_TEXT} characters)` });

export const NoteText = z
  .string({ error: 'must be text' })
  .refine((s) => charCount(s) <= MAX_NOTE_TEXT, {
    error: (issue) => `is too long (${charCount(String(issue.input)).toLocaleString('en')} characters; the limit is ${MAX_NOTE_TEXT.toLocaleString('en')})`,
  });

export const IsoDate = z.iso.date({ error: 'must be a date like 2026-11-23' });
export const Timestamp = z.string();

export const LaneKind = z.enum(LANE_KINDS, { error: `must be one of ${LANE_KINDS.join(', ')}` });
export const NoteTag = z.enum(NOTE_TAGS, { error: `must be one of ${NOTE_TAGS.join(', ')}` });
export const Channel = z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` });
export const NoteColor = z.enum(NOTE_COLORS, { error: `must be one of ${NOTE_COLORS.join(', ')}` });
export const CopisVariant = z.enum(COPIS_VARIANTS);
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
export const MAX_EXPLANATION = 280;
export const Explanation = z
  .string({ error: 'must be text' })
  .refine((s) => charCount(s) <= MAX_EXPLANATION, { error: `is too long (the limit is ${MAX_EXPLANATION} characters)` });

/** How customers feel at one stage, in one emotion lane (and, later, for one persona). */
export const EmotionScore = z.object({
  laneId: Id,
  stageId: Id,
  personaId: Id.nullable(),
  score: EmotionScoreValue,
  explanation: z.string(),
});
export type EmotionScore = z.infer<typeof EmotionScore>;

/** Everything needed to draw one project's map. */
export const ProjectMap = z.object({
  project: Project,
  stages: z.array(Stage),
  lanes: z.array(Lane),
  notes: z.array(Note),
  emotions: z.array(EmotionScore),
});
export type ProjectMap = z.infer<typeof ProjectMap>;

/** A deleted stage or lane with the notes that went with it, enough to put them back exactly. */
export const DeletedStage = z.object({ stage: Stage, notes: z.array(Note), emotions: z.array(EmotionScore) });
export type DeletedStage = z.infer<typeof DeletedStage>;
export const DeletedLane = z.object({ lane: Lane, notes: z.array(Note), emotions: z.array(EmotionScore) });
export type DeletedLane = z.infer<typeof DeletedLane>;
