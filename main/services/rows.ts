/** Row ↔ record mapping, in one place. */
import type { Lane, Note, Project, ProjectSummary, Stage } from '../../shared/api/schemas';
import type { Channel, LaneKind, NoteColor, NoteTag, TemplateId, CopisVariant } from '../../shared/domain/model';

export interface ProjectRow {
  id: string;
  title: string;
  client: string;
  workshop_date: string | null;
  facilitator: string;
  goal: string;
  description: string;
  copis_variant: string;
  template: string;
  revision: number;
  created_at: string;
  updated_at: string;
  opened_at: string | null;
  note_count: number;
}
export interface StageRow {
  id: string;
  title: string;
  prompt: string;
  position: number;
}
export interface LaneRow extends StageRow {
  kind: string;
  color: string;
}
export interface NoteRow {
  id: string;
  stage_id: string;
  lane_id: string;
  text: string;
  color: string;
  tags: string;
  channel: string | null;
  author: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export const PROJECT_COLUMNS = `p.id, p.title, p.client, p.workshop_date, p.facilitator, p.goal, p.description, p.copis_variant,
  p.template, p.revision, p.created_at, p.updated_at, p.opened_at,
  (SELECT count(*) FROM notes n WHERE n.project_id = p.id) AS note_count`;
export const NOTE_COLUMNS = 'id, stage_id, lane_id, text, color, tags, channel, author, position, created_at, updated_at';

export function toSummary(r: ProjectRow): ProjectSummary {
  return {
    id: r.id,
    title: r.title,
    client: r.client,
    workshopDate: r.workshop_date,
    facilitator: r.facilitator,
    template: r.template as TemplateId,
    noteCount: r.note_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    openedAt: r.opened_at,
  };
}

export function toProject(r: ProjectRow): Project {
  return { ...toSummary(r), goal: r.goal, description: r.description, copisVariant: r.copis_variant as CopisVariant, revision: r.revision };
}

export function toStage(r: StageRow): Stage {
  return { id: r.id, title: r.title, prompt: r.prompt, position: r.position };
}

export function toLane(r: LaneRow): Lane {
  return { id: r.id, title: r.title, kind: r.kind as LaneKind, color: r.color as NoteColor, prompt: r.prompt, position: r.position };
}

export function toNote(r: NoteRow): Note {
  return {
    id: r.id,
    stageId: r.stage_id,
    laneId: r.lane_id,
    text: r.text,
    color: r.color as NoteColor,
    tags: JSON.parse(r.tags) as NoteTag[],
    channel: r.channel as Channel | null,
    author: r.author,
    position: r.position,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
