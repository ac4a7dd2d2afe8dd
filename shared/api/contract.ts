/**
 * The API contract: every method once, with its input and output schemas.
 *
 * Main validates every call against it (main/api/dispatch.ts); the IPC handlers, the preload
 * bridge, the web host and the renderer's client all take their method list and types from here.
 * Add a method here, implement it in main/services, and every transport has it.
 */
import { z } from 'zod';
import {
  Channel,
  DeletedLane,
  DeletedStage,
  EmotionScore,
  EmotionScoreValue,
  Explanation,
  Id,
  Index,
  IsoDate,
  Lane,
  LaneKind,
  LongText,
  Name,
  Note,
  NoteColor,
  NoteText,
  Project,
  ProjectMap,
  ProjectSummary,
  ShortText,
  Stage,
  Tags,
  TemplateId,
} from './schemas';

type Kind = 'query' | 'mutation';
interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  kind: Kind;
  summary: string;
  input: I;
  output: O;
}
const query = <I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O> => ({ kind: 'query', summary, input, output });
const mutation = <I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O> => ({ kind: 'mutation', summary, input, output });

const inProject = { projectId: Id };
/** Inputs are strict: an unknown key is a mistake, not something to ignore. */
const input = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);

const NoteFields = {
  text: NoteText,
  color: NoteColor,
  tags: Tags,
  channel: Channel.nullable(),
};

export const contract = {
  // ── Projects ────────────────────────────────────────────────────────────────
  'projects.list': query('All projects in the library, most recently changed first.', input({}), z.array(ProjectSummary)),
  'projects.create': mutation(
    'Create a project from a template.',
    input({
      template: TemplateId,
      title: Name,
      client: ShortText.optional(),
      workshopDate: IsoDate.nullable().optional(),
      facilitator: ShortText.optional(),
      goal: LongText.optional(),
      description: LongText.optional(),
    }),
    Project,
  ),
  'projects.update': mutation(
    "Change a project's details (title, client, date, facilitator, goal, description).",
    input({
      ...inProject,
      title: Name.optional(),
      client: ShortText.optional(),
      workshopDate: IsoDate.nullable().optional(),
      facilitator: ShortText.optional(),
      goal: LongText.optional(),
      description: LongText.optional(),
    }),
    Project,
  ),
  'projects.delete': mutation('Delete a project and everything in it.', input(inProject), z.object({ projectId: Id })),
  'projects.open': mutation('Open a project: records when it was opened and returns its whole map.', input(inProject), ProjectMap),
  'map.get': query("Read a project's whole map: stages, lanes and notes.", input(inProject), ProjectMap),

  // ── Notes ───────────────────────────────────────────────────────────────────
  'notes.create': mutation(
    'Add a note to a cell (stage × lane), at the end or at an index.',
    input({
      ...inProject,
      id: Id.optional(),
      stageId: Id,
      laneId: Id,
      text: NoteText,
      color: NoteColor.optional(),
      tags: Tags.optional(),
      channel: Channel.nullable().optional(),
      author: ShortText.optional(),
      index: Index.optional(),
    }),
    Note,
  ),
  'notes.update': mutation(
    "Change a note's text, colour, tags or channel.",
    input({ ...inProject, noteId: Id, ...partial(NoteFields) }),
    Note,
  ),
  'notes.move': mutation(
    'Move notes (in the given order) into a cell at an index; returns every note whose place changed.',
    input({ ...inProject, noteIds: z.array(Id).min(1).max(10_000), stageId: Id, laneId: Id, index: Index.optional() }),
    z.array(Note),
  ),
  'notes.delete': mutation(
    'Delete notes; returns them as they were, so they can be restored.',
    input({ ...inProject, noteIds: z.array(Id).min(1).max(10_000) }),
    z.array(Note),
  ),
  'notes.restore': mutation(
    'Put deleted notes back exactly as they were (undo of a delete).',
    input({ ...inProject, notes: z.array(Note.extend({ text: NoteText, author: ShortText })).min(1).max(10_000) }),
    z.array(Note),
  ),

  // ── Stages and lanes ────────────────────────────────────────────────────────
  'stages.add': mutation('Add a stage (column), at the end or at an index.', input({ ...inProject, id: Id.optional(), title: Name, index: Index.optional() }), Stage),
  'stages.rename': mutation('Rename a stage.', input({ ...inProject, stageId: Id, title: Name }), Stage),
  'stages.reorder': mutation('Put the stages in this order (every stage once).', input({ ...inProject, stageIds: z.array(Id).min(1).max(500) }), z.array(Stage)),
  'stages.delete': mutation('Delete a stage and the notes in it.', input({ ...inProject, stageId: Id }), DeletedStage),
  'stages.restore': mutation(
    'Put a deleted stage back with its notes and emotion scores (undo of a delete).',
    input({ ...inProject, stage: Stage.extend({ title: Name }), notes: z.array(Note.extend({ text: NoteText })).max(10_000), emotions: z.array(EmotionScore).max(10_000).default([]) }),
    Stage,
  ),
  'lanes.add': mutation(
    'Add a lane (row), at the end or at an index.',
    input({ ...inProject, id: Id.optional(), title: Name, kind: LaneKind.optional(), color: NoteColor.optional(), index: Index.optional() }),
    Lane,
  ),
  'lanes.rename': mutation('Rename a lane.', input({ ...inProject, laneId: Id, title: Name }), Lane),
  'lanes.reorder': mutation('Put the lanes in this order (every lane once).', input({ ...inProject, laneIds: z.array(Id).min(1).max(500) }), z.array(Lane)),
  'lanes.delete': mutation('Delete a lane and the notes in it.', input({ ...inProject, laneId: Id }), DeletedLane),
  'lanes.restore': mutation(
    'Put a deleted lane back with its notes and emotion scores (undo of a delete).',
    input({ ...inProject, lane: Lane.extend({ title: Name }), notes: z.array(Note.extend({ text: NoteText })).max(10_000), emotions: z.array(EmotionScore).max(10_000).default([]) }),
    Lane,
  ),

  // ── Emotions ────────────────────────────────────────────────────────────────
  'emotions.set': mutation(
    'Set (or, with score null, clear) the emotion score of a stage in an emotion lane; returns the score before.',
    input({ ...inProject, laneId: Id, stageId: Id, personaId: Id.nullable().optional(), score: EmotionScoreValue.nullable(), explanation: Explanation.optional() }),
    z.object({ before: EmotionScore.nullable(), after: EmotionScore.nullable() }),
  ),
} as const;

function partial<S extends z.ZodRawShape>(shape: S): { [K in keyof S]: z.ZodOptional<S[K]> } {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) out[k] = (v as z.ZodType).optional();
  return out as { [K in keyof S]: z.ZodOptional<S[K]> };
}

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (before defaults and trimming). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a service receives (after validation). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(contract, name);

// ── Events pushed to every connected window ────────────────────────────────────
export const ApiEvent = z.discriminatedUnion('type', [
  /** The project list changed (created, renamed, deleted, note counts). */
  z.object({ type: z.literal('projects.changed') }),
  /** A project's map changed; `origin` is the connection that made the change. */
  z.object({ type: z.literal('project.changed'), projectId: Id, revision: z.int(), origin: z.string().nullable(), method: z.string() }),
]);
export type ApiEvent = z.infer<typeof ApiEvent>;
