/**
 * The sample workshop (main/sample/): added from the home screen at any time, and once on the
 * first start of an empty library. It is an ordinary project — edit it, delete it — and the
 * library remembers that it was offered, so it never comes back by itself.
 */
import { randomUUID } from 'node:crypto';
import type { ProjectSummary } from '../../shared/api/schemas';
import type { MethodName, Output, ParsedInput } from '../../shared/api/contract';
import type { CallContext, Handlers, ServiceContext } from './context';
import { SAMPLE_PHOTOS } from '../sample/photos';
import { SAMPLE_COPIS, SAMPLE_CURVES, SAMPLE_EXPLANATIONS, SAMPLE_KPIS, SAMPLE_NOTES, SAMPLE_PERSONAS, SAMPLE_PROJECT, SAMPLE_STAGES } from '../sample/workshop';
import { emotionHandlers } from './emotions';
import { copisHandlers } from './copis';
import { kpiHandlers } from './kpis';
import { noteHandlers } from './notes';
import { personaHandlers } from './personas';
import { projectHandlers } from './projects';
import { snapshotHandlers } from './snapshots';
import { structureHandlers } from './structure';
import { votingHandlers } from './voting';

const OFFERED = 'sample-offered';
const LANES = [
  { key: 'actions', title: 'Customer actions', kind: 'notes', color: 'yellow' },
  { key: 'touchpoints', title: 'Touchpoints', kind: 'touchpoints', color: 'blue' },
  { key: 'thoughts', title: 'Thoughts', kind: 'notes', color: 'purple' },
  { key: 'emotions', title: 'Emotions', kind: 'emotion', color: 'yellow' },
  { key: 'pains', title: 'Pain points', kind: 'notes', color: 'pink' },
  { key: 'opportunities', title: 'Opportunities', kind: 'notes', color: 'green' },
] as const;

export function sampleHandlers(ctx: ServiceContext): Pick<Handlers, 'projects.addSample'> {
  const h = {
    ...projectHandlers(ctx),
    ...structureHandlers(ctx),
    ...noteHandlers(ctx),
    ...emotionHandlers(ctx),
    ...personaHandlers(ctx),
    ...kpiHandlers(ctx),
    ...copisHandlers(ctx),
    ...snapshotHandlers(ctx),
    ...votingHandlers(ctx),
  };
  const offered = () => ctx.sql('SELECT 1 FROM library_settings WHERE key = ?').get(OFFERED) !== undefined;
  return {
    'projects.addSample': (input, call) => {
      // JOURNEYWALL_FIRST_START_SAMPLE=off: test runs that need an empty library on a fresh folder.
      if (input.firstStart && process.env.JOURNEYWALL_FIRST_START_SAMPLE === 'off') return null;
      if (input.firstStart && (offered() || (ctx.sql('SELECT count(*) FROM projects').pluck().get() as number) > 0)) {
        ctx.sql('INSERT OR IGNORE INTO library_settings (key, value) VALUES (?, ?)').run(OFFERED, ctx.now());
        return null;
      }
      const summary = ctx.db.transaction(() => build(ctx, h as unknown as H, call))();
      ctx.emitProjects();
      return summary;
    },
  };
}

/** The methods the sample is built with all answer at once (only project-file imports answer later). */
type SyncHandlers = { [M in MethodName]: (input: ParsedInput<M>, call: CallContext) => Output<M> };
type H = Pick<SyncHandlers, 'projects.create' | 'stages.add' | 'stages.delete' | 'stages.rename' | 'lanes.add' | 'lanes.delete' | 'notes.create' | 'emotions.set' | 'personas.create' | 'personas.setPhoto' | 'kpis.create' | 'copis.add' | 'copis.setVariant' | 'snapshots.create' | 'voting.open' | 'voting.cast' | 'voting.close' | 'projects.list'>;

function build(ctx: ServiceContext, h: H, call: CallContext): ProjectSummary {
  ctx.sql('INSERT OR REPLACE INTO library_settings (key, value) VALUES (?, ?)').run(OFFERED, ctx.now());
  const at = (method: string): CallContext => ({ ...call, method: method as CallContext['method'] });
  const project = h['projects.create']({ template: 'blank', ...SAMPLE_PROJECT }, at('projects.create'));
  const projectId = project.id;
  // The blank template's one stage and lane make way for the workshop's.
  const blank = ctx.sql('SELECT (SELECT id FROM stages WHERE project_id = ?) AS stage, (SELECT id FROM lanes WHERE project_id = ?) AS lane').get(projectId, projectId) as { stage: string; lane: string };
  const stageIds = SAMPLE_STAGES.map((title, i) => h['stages.add']({ projectId, id: randomUUID(), title, index: i + 1 }, at('stages.add')).id);
  const laneIds = Object.fromEntries(LANES.map((l, i) => [l.key, h['lanes.add']({ projectId, id: randomUUID(), title: l.title, kind: l.kind, color: l.color, index: i + 1 }, at('lanes.add')).id])) as Record<(typeof LANES)[number]['key'], string>;
  h['stages.delete']({ projectId, stageId: blank.stage }, at('stages.delete'));
  h['lanes.delete']({ projectId, laneId: blank.lane }, at('lanes.delete'));

  const notes = new Map<string, string>();
  for (const [key, perStage] of Object.entries(SAMPLE_NOTES) as [keyof typeof SAMPLE_NOTES, (typeof SAMPLE_NOTES)['actions']][]) {
    perStage.forEach((list, s) =>
      list.forEach((n) => {
        const note = typeof n === 'string' ? { text: n } : n;
        const made = h['notes.create'](
          { projectId, stageId: stageIds[s]!, laneId: laneIds[key], text: note.text, ...(note.tags ? { tags: note.tags } : {}), ...(note.channel ? { channel: note.channel } : {}), author: 'Facilitator' },
          at('notes.create'),
        );
        notes.set(note.text, made.id);
      }),
    );
  }

  const personaIds: Record<'mira' | 'jonas', string> = { mira: '', jonas: '' };
  for (const key of ['mira', 'jonas'] as const) {
    const p = h['personas.create']({ projectId, ...SAMPLE_PERSONAS[key] }, at('personas.create'));
    h['personas.setPhoto']({ projectId, personaId: p.id, photo: { data: SAMPLE_PHOTOS[key] } }, at('personas.setPhoto'));
    personaIds[key] = p.id;
  }
  const scores = (personaId: string | null, values: readonly number[], why: readonly string[] = []) =>
    values.forEach((score, s) => h['emotions.set']({ projectId, laneId: laneIds.emotions, stageId: stageIds[s]!, personaId, score, explanation: why[s] ?? '' }, at('emotions.set')));
  scores(null, SAMPLE_CURVES.general);

  // The first saved version: the map as it stood at the break (general curve only, no personas' curves yet).
  h['snapshots.create']({ projectId, name: 'At the coffee break', reason: 'manual' }, at('snapshots.create'));
  scores(personaIds.mira, SAMPLE_CURVES.mira, SAMPLE_EXPLANATIONS.mira);
  scores(personaIds.jonas, SAMPLE_CURVES.jonas, SAMPLE_EXPLANATIONS.jonas);
  for (const k of SAMPLE_KPIS) {
    const place = k.touchpoint ? { noteId: notes.get(k.touchpoint)! } : { stageId: stageIds[k.stage!]! };
    h['kpis.create']({ projectId, ...place, name: k.name, unit: k.unit, target: k.target, actual: k.actual, direction: k.direction, note: k.note ?? '' }, at('kpis.create'));
  }

  // The COPIS analysis, with a gap the coverage matrix shows (Information for Problem & support).
  h['copis.setVariant']({ projectId, variant: 'customer' }, at('copis.setVariant'));
  for (const e of SAMPLE_COPIS) {
    h['copis.add']({ projectId, element: e.element, text: e.text, links: e.stages.map((s) => ({ kind: 'stage' as const, targetId: stageIds[s]! })) }, at('copis.add'));
  }

  // One closed dot-voting round on the pain points and opportunities (closing it saves the second version).
  const round = h['voting.open']({ projectId, name: 'What to fix first', votesPerParticipant: 3, laneIds: [laneIds.pains, laneIds.opportunities] }, at('voting.open'));
  const dots: [string, string[]][] = [
    ['Hanna', ['Seven screens before the first ride', 'One free guest ride with just a card', 'Hold time over 10 minutes']],
    ['Omar', ['Seven screens before the first ride', 'Empty stations in the morning', 'Call-back instead of waiting']],
    ['Lea', ['One free guest ride with just a card', 'Seven screens before the first ride', 'Empty stations in the morning']],
    ['Piotr', ['Hold time over 10 minutes', 'One free guest ride with just a card', 'Reserve a bike for 10 minutes']],
    ['Sofia', ['Seven screens before the first ride', 'Ride keeps running at a full dock', 'Hold time over 10 minutes']],
  ];
  for (const [participant, texts] of dots) for (const t of texts) h['voting.cast']({ projectId, roundId: round.id, noteId: notes.get(t)!, participant }, at('voting.cast'));
  h['voting.close']({ projectId, roundId: round.id }, at('voting.close'));
  return h['projects.list']({}, at('projects.list')).find((p) => p.id === projectId)!;
}
