/**
 * The COPIS analysis: the five elements (named by the project's variant) with their entries and
 * the stages each is linked to, in columns; then the coverage matrix — stages × elements, the
 * count in each cell, every gap marked — with the sentence that names the gaps under it.
 * Skipped when the analysis has no entry.
 */
import { COPIS_ELEMENTS, COPIS_VARIANT_INFO, coverage, gapSentence } from '../../shared/domain/copis';
import { Flow, type ReportDoc } from './document';
import { cleanText, textDirection } from './fonts';
import type { ReportData } from './report';
import { THEME } from './style';

export const HEADING = 'COPIS analysis';
const MATRIX_HEADING = 'COPIS coverage matrix';
const FILLED = '#0f766e';
const GAP = '#b45309';
const GAP_FILL = '#fff7ed';

export const hasCopis = (data: ReportData) => data.map.copis.entries.length > 0;

export function renderCopis(r: ReportDoc, data: ReportData): void {
  const { map } = data;
  const info = COPIS_VARIANT_INFO[map.project.copisVariant];
  const stageTitle = new Map(map.stages.map((s) => [s.id, s.title]));
  const noteStage = new Map(map.notes.map((n) => [n.id, n.stageId]));
  const aside = COPIS_ELEMENTS.map((e) => info.labels[e]).join(' · ');
  r.addPage(HEADING, aside);
  r.bookmark(HEADING);
  /** The element whose entries are being listed: a column they continue in says so. */
  let listing: string | null = null;
  const flow = new Flow(r, {
    columns: r.paper === 'a3' ? 4 : 3,
    heading: `${HEADING} (continued)`,
    onColumn: (f) => {
      if (!listing) return;
      r.type.draw(r.type.ellipsize(`${listing} (continued)`, f.colW, 700, 9), f.x, f.y + 9, { weight: 700, size: 9, color: THEME.muted });
      f.space(18);
    },
  });
  for (const el of COPIS_ELEMENTS) {
    listing = null;
    const entries = map.copis.entries.filter((e) => e.element === el).sort((a, b) => a.position - b.position);
    const title = flow.wrap(info.labels[el], { weight: 700, size: 12 });
    const explanation = flow.wrap(info.explanations[el], { size: 7.5 });
    flow.need(title.length * 15 + explanation.length * 10 + 30);
    if (!flow.atColumnTop) flow.space(10);
    flow.lines(title, { weight: 700, size: 12, lineHeight: 15, color: THEME.header });
    flow.lines(explanation, { size: 7.5, lineHeight: 10, color: THEME.muted });
    flow.space(3);
    r.doc.lineWidth(0.6).strokeColor(THEME.rule, 1).moveTo(flow.x, flow.y).lineTo(flow.x + flow.colW, flow.y).stroke();
    flow.space(5);
    if (entries.length === 0) {
      flow.paragraph('No entry yet.', { size: 8.5, lineHeight: 12, color: GAP });
      continue;
    }
    listing = info.labels[el];
    for (const e of entries) {
      const links = map.copis.links.filter((l) => l.entryId === e.id);
      const stages = [...new Set(links.flatMap((l) => (l.kind === 'stage' ? [l.targetId] : noteStage.has(l.targetId) ? [noteStage.get(l.targetId)!] : [])))];
      const ordered = map.stages.filter((s) => stages.includes(s.id)).map((s) => stageTitle.get(s.id)!);
      const notes = links.filter((l) => l.kind === 'note').length;
      const text = flow.wrap(cleanText(e.text), { size: 9 }, 9);
      const where = ordered.length > 0 ? `Stages: ${ordered.join(', ')}` : 'No stage linked';
      const whereLines = flow.wrap(`${where}${notes > 0 ? ` · ${notes} note${notes === 1 ? '' : 's'}` : ''}`, { size: 7.5 }, 9);
      flow.need(text.length * 12 + whereLines.length * 10 + 6);
      r.type.draw('•', flow.x, flow.y + 9, { size: 9, color: FILLED, weight: 700 });
      flow.lines(text, { size: 9, lineHeight: 12, color: THEME.ink, direction: textDirection(e.text) }, 9);
      flow.lines(whereLines, { size: 7.5, lineHeight: 10, color: THEME.muted }, 9);
      flow.space(5);
    }
  }
  renderMatrix(r, data);
}

function renderMatrix(r: ReportDoc, data: ReportData): void {
  const { map } = data;
  const variant = map.project.copisVariant;
  const labels = COPIS_VARIANT_INFO[variant].labels;
  const c = coverage({ stages: map.stages, notes: map.notes, entries: map.copis.entries, links: map.copis.links });
  const t = r.type;
  let frame = r.addPage(MATRIX_HEADING, 'Entries per stage and element; “gap” where there is none');
  r.bookmark(MATRIX_HEADING);
  const stageW = Math.min(220, frame.w * 0.3);
  const cellW = Math.min(110, (frame.w - stageW) / 5);
  const rowH = 20;
  let y = frame.y;
  const header = () => {
    t.draw('Stage', frame.x + 6, y + 13, { weight: 700, size: 9, color: THEME.header });
    COPIS_ELEMENTS.forEach((el, i) => {
      const label = t.ellipsize(labels[el], cellW - 8, 700, 9);
      t.draw(label, frame.x + stageW + i * cellW + (cellW - t.width(label, 700, 9)) / 2, y + 13, { weight: 700, size: 9, color: THEME.header });
    });
    y += rowH;
    r.doc.lineWidth(0.8).strokeColor(THEME.header, 1).moveTo(frame.x, y).lineTo(frame.x + stageW + 5 * cellW, y).stroke();
  };
  header();
  // The sentence naming the gaps goes on the page of the matrix's last rows (at least three of them).
  const sentence = wrapLines(r, gapSentence(c, variant), stageW + 5 * cellW);
  const sentenceH = 14 + sentence.length * 14;
  const WITH = 3;
  c.rows.forEach((row, i) => {
    const last = i === c.rows.length - WITH && y > frame.y + rowH + 1 && y + WITH * rowH + sentenceH > frame.y + frame.h;
    if (last || y + rowH > frame.y + frame.h - 40) {
      frame = r.addPage(`${MATRIX_HEADING} (continued)`);
      y = frame.y;
      header();
    }
    t.draw(t.ellipsize(cleanText(row.title), stageW - 10, 600, 9), frame.x + 6, y + 13.5, { weight: 600, size: 9, color: THEME.ink });
    COPIS_ELEMENTS.forEach((el, i) => {
      const x = frame.x + stageW + i * cellW;
      const n = row.counts[el];
      if (n > 0) {
        r.doc.rect(x + 2, y + 2, cellW - 4, rowH - 4).fillColor('#e6f3f1', 1).fill();
        const s = String(n);
        t.draw(s, x + (cellW - t.width(s, 700, 10)) / 2, y + 14, { weight: 700, size: 10, color: FILLED });
      } else {
        r.doc.rect(x + 2.5, y + 2.5, cellW - 5, rowH - 5).fillColor(GAP_FILL, 1).fill();
        r.doc.rect(x + 2.5, y + 2.5, cellW - 5, rowH - 5).lineWidth(0.8).dash(2, { space: 1.5 }).strokeColor(GAP, 1).stroke().undash();
        t.draw('gap', x + (cellW - t.width('gap', 600, 8)) / 2, y + 13.5, { weight: 600, size: 8, color: GAP });
      }
    });
    y += rowH;
    r.doc.lineWidth(0.4).strokeColor(THEME.rule, 1).moveTo(frame.x, y).lineTo(frame.x + stageW + 5 * cellW, y).stroke();
  });
  y += 14;
  for (const line of sentence) {
    // A long sentence (many stages with gaps) goes on over the page, not into the footer.
    if (y + 14 > frame.y + frame.h) {
      frame = r.addPage(`${MATRIX_HEADING} (continued)`);
      y = frame.y;
    }
    t.draw(line, frame.x, y + 10, { weight: 600, size: 10, color: THEME.ink });
    y += 14;
  }
}

function wrapLines(r: ReportDoc, text: string, width: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && r.type.width(next, 600, 10) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
