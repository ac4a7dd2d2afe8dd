/**
 * The cover: what the workshop was (title, client, date, facilitator), when the report was made,
 * how big the map is, and the goal and description in full (continuing on further pages when long).
 */
import { NOTE_COLORS, NOTE_COLOR_FILLS } from '../../shared/domain/model';
import { Flow, type ReportDoc } from './document';
import { titleLines } from './map';
import type { ReportData } from './report';
import { THEME } from './style';

/** "2026-11-23" → "23 November 2026" (a calendar date: no time zone shifts it). */
export function formatDay(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return iso ?? '';
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The local calendar date of a moment, as YYYY-MM-DD. */
export function isoDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

const count = (n: number, one: string, many = `${one}s`) => ({ value: n.toLocaleString('en-GB'), label: n === 1 ? one : many });

export function renderCover(r: ReportDoc, data: ReportData): void {
  const { doc, type: t } = r;
  const p = data.map.project;
  const f = r.addPage(null);
  r.bookmark('Project');

  // A row of sticky-note colours, and what this is.
  let x = f.x;
  for (const c of NOTE_COLORS) {
    doc.fillColor(NOTE_COLOR_FILLS[c], 1).roundedRect(x, f.y + 6, 15, 15, 2).fill();
    x += 19;
  }
  t.draw('CUSTOMER JOURNEY MAP · WORKSHOP REPORT', x + 8, f.y + 18, { weight: 700, size: 9, color: THEME.muted });

  // The title, large; smaller when long, so it is never cut.
  let y = f.y + 64;
  const titleWidth = f.w * 0.82;
  const size = titleLines(t, p.title, titleWidth, 99, 700, 32).length > 3 ? 24 : 32;
  const lines = titleLines(t, p.title, titleWidth, size === 32 ? 3 : 6, 700, size);
  for (const line of lines) {
    t.draw(line, f.x, y + size * 0.8, { weight: 700, size, color: THEME.header });
    y += size * 1.2;
  }
  if (p.client) {
    y += 4;
    for (const line of titleLines(t, p.client, titleWidth, 2, 600, 16)) {
      t.draw(line, f.x, y + 13, { weight: 600, size: 16, color: THEME.ink2 });
      y += 21;
    }
  }

  // Who, when.
  y += 22;
  const details = [
    { label: 'Workshop date', value: formatDay(p.workshopDate) },
    { label: 'Facilitator', value: p.facilitator },
    { label: 'Client', value: p.client },
    { label: 'Report made on', value: formatDay(isoDay(data.madeOn)) },
  ].filter((d) => d.value);
  const gap = 24;
  const colW = (f.w - gap * 3) / 4;
  let detailsBottom = y;
  details.forEach((d, i) => {
    const dx = f.x + i * (colW + gap);
    doc.fillColor(THEME.header, 1).rect(dx, y, 24, 2).fill();
    t.draw(d.label.toUpperCase(), dx, y + 16, { weight: 700, size: 7.5, color: THEME.muted });
    let vy = y + 22;
    for (const line of titleLines(t, d.value, colW, 5, 400, 11)) {
      t.draw(line, dx, vy + 10, { size: 11, color: THEME.ink });
      vy += 15;
    }
    detailsBottom = Math.max(detailsBottom, vy);
  });
  y = detailsBottom + 22;

  // How big the map is.
  const m = data.map;
  const tiles = [count(m.stages.length, 'stage'), count(m.lanes.length, 'lane'), count(m.notes.length, 'note')];
  const tileW = 112;
  tiles.forEach((tile, i) => {
    const tx = f.x + i * (tileW + 12);
    doc.fillColor(THEME.tile, 1).roundedRect(tx, y, tileW, 58, 6).fill();
    t.draw(tile.value, tx + 14, y + 30, { weight: 700, size: 22, color: THEME.header });
    t.draw(tile.label, tx + 14, y + 46, { weight: 600, size: 9, color: THEME.muted });
  });

  // What is inside, beside them (the page numbers are known once the report is finished).
  const cx = f.x + (f.w + gap) / 2;
  const cw = f.x + f.w - cx;
  const contentsTop = y;
  r.later(0, () => {
    doc.fillColor(THEME.header, 1).rect(cx, contentsTop, 24, 2).fill();
    t.draw('IN THIS REPORT', cx, contentsTop + 16, { weight: 700, size: 7.5, color: THEME.muted });
    data.contents.forEach((title, i) => {
      const ly = contentsTop + 34 + i * 16;
      const page = String(r.pageOf(title) ?? '');
      const pw = t.width(page, 400, 10);
      const label = t.ellipsize(title, cw - pw - 40, 400, 10);
      const lw = t.width(label, 400, 10);
      t.draw(label, cx, ly, { size: 10, color: THEME.ink });
      t.draw(page, cx + cw - pw, ly, { size: 10, color: THEME.muted });
      doc.lineWidth(0.8).strokeColor(THEME.faint, 1).dash(0.8, { space: 2.6 }).moveTo(cx + lw + 6, ly - 1).lineTo(cx + cw - pw - 6, ly - 1).stroke().undash();
    });
  });
  y += Math.max(58, 34 + data.contents.length * 16) + 26;

  // Goal and description, in full: two columns, going on to more pages when long.
  const sections = [
    { heading: 'Goal and scope', text: p.goal.trim() },
    { heading: 'Description', text: p.description.trim() },
  ].filter((s) => s.text);
  if (sections.length === 0) return;
  doc.lineWidth(0.75).strokeColor(THEME.rule, 1).moveTo(f.x, y - 12).lineTo(f.x + f.w, y - 12).stroke();
  const flow = new Flow(r, { columns: 2, gap: 30, heading: 'About the workshop (continued)', top: y });
  sections.forEach((s, i) => {
    if (i > 0 && flow.columnIndex === 0 && !flow.atColumnTop) flow.nextColumn();
    flow.need(40);
    t.draw(s.heading, flow.x, flow.y + 10, { weight: 700, size: 10.5, color: THEME.header });
    flow.space(18);
    for (const para of s.text.split(/\n{2,}/)) {
      flow.paragraph(para, { size: 10, lineHeight: 14.5, color: THEME.ink });
      flow.space(5);
    }
    flow.space(10);
  });
}
