/**
 * Personas and KPIs in the report: a page per persona (photo or initials, role, the fields, the
 * quote, and how they feel at each stage), and the KPI table with met / missed marked. Each is
 * skipped when the project has none.
 */
import { EMOTION_LABELS } from '../../shared/domain/emotion';
import { KPI_STATUS_LABELS, kpiRows, withUnit, type KpiStatus } from '../../shared/domain/kpi';
import { PERSONA_COLOR_HEX, PERSONA_TEXT_FIELDS, initials } from '../../shared/domain/persona';
import { Flow, type ReportDoc } from './document';
import type { ReportData } from './report';
import { THEME } from './style';

export const PERSONAS_HEADING = 'Personas';
export const KPIS_HEADING = 'KPIs';

const BODY = { size: 9.5, lineHeight: 13, color: THEME.ink } as const;
const LABEL = { size: 8.5, lineHeight: 12, weight: 700, color: THEME.muted } as const;
const PHOTO = 118;

export function renderPersonas(r: ReportDoc, data: ReportData): void {
  const { map } = data;
  const stages = [...map.stages].sort((a, b) => a.position - b.position);
  const lanes = map.lanes.filter((l) => l.kind === 'emotion');
  map.personas.forEach((p, i) => {
    const c = r.addPage(`${PERSONAS_HEADING}: ${p.name}`, `${i + 1} of ${map.personas.length}`);
    if (i === 0) r.bookmark(PERSONAS_HEADING);
    const color = PERSONA_COLOR_HEX[p.color];
    const photo = data.photos?.get(p.id);
    if (photo && (photo.type === 'image/jpeg' || photo.type === 'image/png')) {
      r.doc.save().circle(c.x + PHOTO / 2, c.y + PHOTO / 2, PHOTO / 2).clip();
      r.doc.image(photo.bytes, c.x, c.y, { cover: [PHOTO, PHOTO], align: 'center', valign: 'center' });
      r.doc.restore();
    } else {
      r.doc.circle(c.x + PHOTO / 2, c.y + PHOTO / 2, PHOTO / 2).fill(color);
      const text = initials(p.name);
      r.type.draw(text, c.x + PHOTO / 2 - r.type.width(text, 700, 40) / 2, c.y + PHOTO / 2 + 14, { weight: 700, size: 40, color: '#ffffff' });
    }
    r.doc.lineWidth(3).circle(c.x + PHOTO / 2, c.y + PHOTO / 2, PHOTO / 2).stroke(color);
    const tx = c.x + PHOTO + 24;
    r.type.draw(r.type.ellipsize(p.name, c.w - PHOTO - 24, 700, 20), tx, c.y + 30, { weight: 700, size: 20, color: THEME.header });
    if (p.role) r.type.draw(r.type.ellipsize(p.role, c.w - PHOTO - 24, 400, 11), tx, c.y + 50, { size: 11, color: THEME.muted });
    if (p.quote) r.type.draw(r.type.ellipsize(`“${p.quote}”`, c.w - PHOTO - 24, 400, 12.5), tx, c.y + 80, { weight: 400, size: 12.5, color });

    const flow = new Flow(r, { columns: 2, heading: `${PERSONAS_HEADING}: ${p.name} (continued)`, top: c.y + PHOTO + 22 });
    for (const [field, label] of PERSONA_TEXT_FIELDS) {
      if (field === 'role' || field === 'quote' || !p[field].trim()) continue;
      flow.need(40);
      flow.lines(flow.wrap(label.toUpperCase(), LABEL), LABEL);
      flow.paragraph(p[field], BODY);
      flow.space(8);
    }
    // How this persona feels, stage by stage (every emotion lane).
    for (const lane of lanes) {
      const scores = stages.flatMap((s) => {
        const e = map.emotions.find((x) => x.laneId === lane.id && x.stageId === s.id && x.personaId === p.id);
        return e ? [{ stage: s.title, e }] : [];
      });
      if (scores.length === 0) continue;
      flow.need(40);
      flow.lines(flow.wrap(`HOW ${p.name.toUpperCase()} FEELS${lanes.length > 1 ? ` (${lane.title})` : ''}`, LABEL), LABEL);
      for (const { stage, e } of scores) {
        const score = e.score > 0 ? `+${e.score}` : String(e.score);
        flow.paragraph(`${stage}: ${score} ${EMOTION_LABELS[e.score] ?? ''}${e.explanation ? ` — ${e.explanation}` : ''}`, BODY);
      }
      flow.space(8);
    }
  });
}

const STATUS_COLOR: Record<KpiStatus, string> = { met: '#15803d', missed: '#b91c1c', 'no-actual': THEME.muted, 'no-target': THEME.muted };

export function renderKpis(r: ReportDoc, data: ReportData): void {
  const { map } = data;
  const rows = kpiRows(map.kpis, map.stages, map.notes);
  r.addPage(KPIS_HEADING, `${rows.filter((k) => k.status === 'met').length} met · ${rows.filter((k) => k.status === 'missed').length} missed`);
  r.bookmark(KPIS_HEADING);
  const c = r.content;
  const cols = [
    { title: 'Stage', w: 0.16 },
    { title: 'Touchpoint', w: 0.2 },
    { title: 'KPI', w: 0.24 },
    { title: 'Target', w: 0.12 },
    { title: 'Actual', w: 0.12 },
    { title: 'Status', w: 0.16 },
  ].map((col) => ({ ...col, w: col.w * c.w }));
  const t = r.type;
  let y = c.y + 10;
  const header = () => {
    let x = c.x;
    for (const col of cols) {
      t.draw(col.title.toUpperCase(), x, y, { weight: 700, size: 8, color: THEME.muted });
      x += col.w;
    }
    y += 8;
    r.doc.lineWidth(0.75).strokeColor(THEME.rule, 1).moveTo(c.x, y).lineTo(c.x + c.w, y).stroke();
    y += 14;
  };
  header();
  for (const k of rows) {
    if (y > c.y + c.h - 10) {
      r.addPage(`${KPIS_HEADING} (continued)`);
      y = c.y + 10;
      header();
    }
    const cells = [k.stageTitle, k.noteText ?? '—', `${k.name}${k.direction === 'lower' ? ' (lower is better)' : ''}`, withUnit(k.target, k.unit), withUnit(k.actual, k.unit), KPI_STATUS_LABELS[k.status]];
    let x = c.x;
    cells.forEach((text, i) => {
      const status = i === cells.length - 1;
      t.draw(t.ellipsize(status ? text.toUpperCase() : text, cols[i]!.w - 8, status ? 700 : 400, 9), x, y, { weight: status ? 700 : 400, size: 9, color: status ? STATUS_COLOR[k.status] : THEME.ink });
      x += cols[i]!.w;
    });
    y += 17;
  }
}
