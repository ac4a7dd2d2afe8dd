/**
 * The PDF report of a project, made entirely here (pdfkit, embedded Inter; no network, no system
 * fonts): a list of sections, each a function of the report's data that is skipped when it has
 * nothing to show. COPIS and personas join the list when the data model has them:
 * add the data to ReportData and a section here.
 */
import type { ProjectMap, ReportMapMode, ReportPaper, VotingResults } from '../../shared/api/schemas';
import type { RoomCurvePoint } from '../../shared/api/methods/room';
import { HEADING as APPENDIX_HEADING, renderAppendix } from './appendix';
import { isoDay, renderCover } from './cover';
import { ReportDoc } from './document';
import { HEADING as EMOTIONS_HEADING, renderEmotions, scoredEmotionLanes } from './emotion';
import { withoutPlaceholders } from '../../shared/domain/placeholder';
import { cleanText } from './fonts';
import { HEADING as MAP_HEADING, mapScene, renderMap, type MapScene } from './map';
import { HEADING as VOTING_HEADING, renderVoting, votedRounds } from './voting';
import { HEADING as COPIS_HEADING, hasCopis, renderCopis } from './copis';
import { KPIS_HEADING, PERSONAS_HEADING, renderKpis, renderPersonas } from './personas';

export interface ReportOptions {
  paper: ReportPaper;
  map: ReportMapMode;
  /** When the report is made (the cover and the file name say so); now by default. */
  madeOn?: Date;
}

export interface ReportData {
  map: ProjectMap;
  /** Every voting round's results, oldest first. */
  voting: VotingResults[];
  /** The room's emotion curve (room mode): drawn beside the facilitator's on the first emotion lane. */
  room: RoomCurvePoint[];
  /** Titles of the sections after the cover, as the cover's contents lists them. */
  contents: string[];
  scene: MapScene;
  options: ReportOptions;
  madeOn: Date;
  /** Persona photos by persona id (pdf/personas.ts). */
  photos?: ReadonlyMap<string, { type: string; bytes: Buffer }>;
}

export interface ReportSection {
  id: string;
  /** Its bookmark and line in the contents (null: the cover). */
  title: string | null;
  /** False when the section has nothing to show: it is left out. */
  applies(data: ReportData): boolean;
  render(r: ReportDoc, data: ReportData): void;
}

export const SECTIONS: readonly ReportSection[] = [
  { id: 'cover', title: null, applies: () => true, render: renderCover },
  { id: 'map', title: MAP_HEADING, applies: () => true, render: (r, d) => renderMap(r, d.scene, d.options.map) },
  { id: 'emotions', title: EMOTIONS_HEADING, applies: (d) => scoredEmotionLanes(d).length > 0, render: renderEmotions },
  { id: 'voting', title: VOTING_HEADING, applies: (d) => votedRounds(d).length > 0, render: renderVoting },
  { id: 'personas', title: PERSONAS_HEADING, applies: (d) => d.map.personas.length > 0, render: renderPersonas },
  { id: 'kpis', title: KPIS_HEADING, applies: (d) => d.map.kpis.length > 0, render: renderKpis },
  { id: 'copis', title: COPIS_HEADING, applies: hasCopis, render: renderCopis },
  { id: 'appendix', title: APPENDIX_HEADING, applies: (d) => d.map.notes.length > 0, render: renderAppendix },
];

export interface Report {
  fileName: string;
  pages: number;
  bytes: Buffer;
  /** Which sections it holds, in order. */
  sections: string[];
}

export function makeReport(source: ProjectMap, options: ReportOptions, voting: VotingResults[] = [], room: RoomCurvePoint[] = [], photos?: ReadonlyMap<string, { type: string; bytes: Buffer }>): Report {
  const madeOn = options.madeOn ?? new Date();
  // A blank map's untouched placeholder stage and lane are scaffolding: never printed empty.
  const map = cleanMap(withoutPlaceholders(source));
  const p = map.project;
  const r = new ReportDoc(options.paper, {
    title: p.title,
    author: p.facilitator,
    subject: `Customer journey map${p.client ? ` for ${p.client}` : ''}`,
    madeOn,
  });
  const data: ReportData = { map, voting, room, contents: [], scene: mapScene(map, r.type, voting), options, madeOn, ...(photos ? { photos } : {}) };
  const shown = SECTIONS.filter((section) => section.applies(data));
  data.contents = shown.flatMap((section) => (section.title ? [section.title] : []));
  for (const section of shown) section.render(r, data);
  const sections = shown.map((section) => section.id);
  const { bytes, pages } = r.finish();
  return { fileName: reportFileName(source.project.title, madeOn), pages, bytes, sections };
}

/** "Acme: onboarding / 2027" made on 23 Nov 2026 → "Acme-onboarding-2027-2026-11-23.pdf". */
export function reportFileName(title: string, madeOn: Date): string {
  const safe = title
    .normalize('NFC')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...safe].slice(0, 80).join('').replace(/-+$/, '');
  return `${cut || 'Journey-map'}-${isoDay(madeOn)}.pdf`;
}

/** Every text as it will be drawn (composed, no control characters), once. */
function cleanMap(map: ProjectMap): ProjectMap {
  const c = cleanText;
  const p = map.project;
  return {
    ...map,
    project: { ...p, title: c(p.title), client: c(p.client), facilitator: c(p.facilitator), goal: c(p.goal), description: c(p.description) },
    stages: map.stages.map((s) => ({ ...s, title: c(s.title) })),
    lanes: map.lanes.map((l) => ({ ...l, title: c(l.title) })),
    notes: map.notes.map((n) => ({ ...n, text: c(n.text), author: c(n.author) })),
    emotions: map.emotions.map((e) => ({ ...e, explanation: c(e.explanation) })),
    copis: { ...map.copis, entries: map.copis.entries.map((e) => ({ ...e, text: c(e.text) })) },
  };
}
