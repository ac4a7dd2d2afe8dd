/**
 * Voting results: for each dot-voting round with votes, oldest first, what was asked (votes per
 * participant, when, how many took part) and the ranked notes with their votes, stage and lane.
 * Skipped when no round has a vote.
 */
import type { VotingResults } from '../../shared/api/schemas';
import { Flow, type ReportDoc } from './document';
import { textDirection } from './fonts';
import { formatDay, isoDay } from './cover';
import type { ReportData } from './report';
import { THEME } from './style';

export const HEADING = 'Voting results';

/** The local calendar day of a moment, in words. */
const day = (at: string) => formatDay(isoDay(new Date(at)));

const TEXT = { size: 9, lineHeight: 12.2, color: THEME.ink } as const;
const RANK_W = 22;
const VOTES_W = 40;

export const votedRounds = (data: ReportData): VotingResults[] => data.voting.filter((v) => v.ranked.length > 0);

export function renderVoting(r: ReportDoc, data: ReportData): void {
  const { doc, type: t } = r;
  r.addPage(HEADING);
  r.bookmark(HEADING);
  const flow = new Flow(r, { columns: r.paper === 'a3' ? 3 : 2, heading: `${HEADING} (continued)` });
  flow.paragraph('Notes with dots, most first; notes with as many votes share a rank (=).', { size: 8.5, lineHeight: 12, color: THEME.muted });
  flow.space(8);

  for (const { round, ranked, participants } of votedRounds(data)) {
    const when = round.status === 'open' ? `open since ${day(round.openedAt)}` : `closed ${day(round.closedAt ?? round.openedAt)}`;
    const people = participants.length === 1 ? '1 participant' : `${participants.length} participants`;
    const about = `${round.votesPerParticipant} vote${round.votesPerParticipant === 1 ? '' : 's'} each · ${people} · ${round.totalVotes} vote${round.totalVotes === 1 ? '' : 's'} in all · ${when}`;
    const titleLines = flow.wrap(round.name, { weight: 700, size: 11.5 });
    const aboutLines = flow.wrap(about, { size: 7.5 });
    flow.need(titleLines.length * 14 + aboutLines.length * 10 + 40);
    if (!flow.atColumnTop) flow.space(10);
    flow.lines(titleLines, { weight: 700, size: 11.5, lineHeight: 14, color: THEME.header });
    flow.lines(aboutLines, { size: 7.5, lineHeight: 10, color: THEME.muted });
    flow.space(4);
    doc.lineWidth(0.6).strokeColor(THEME.rule, 1).moveTo(flow.x, flow.y).lineTo(flow.x + flow.colW, flow.y).stroke();
    flow.space(6);

    for (const note of ranked) {
      const textW = flow.colW - RANK_W - VOTES_W;
      const text = flow.wrap(note.text.trim() || '(empty note)', TEXT, RANK_W + VOTES_W);
      const where = t.ellipsize(`${note.stageTitle} › ${note.laneTitle}`, textW, 400, 7.5);
      const h = text.length * TEXT.lineHeight + 12 + 6;
      flow.need(Math.min(h, TEXT.lineHeight * 3));
      const top = flow.y;
      t.draw(`${note.tied ? '=' : ''}${note.rank}`, flow.x, top + 9, { weight: 700, size: 9, color: THEME.header });
      const label = `${note.votes} vote${note.votes === 1 ? '' : 's'}`;
      t.draw(label, flow.x + flow.colW - t.width(label, 700, 8), top + 9, { weight: 700, size: 8, color: THEME.header });
      flow.lines(text, { ...TEXT, direction: textDirection(note.text) }, RANK_W, 2, VOTES_W);
      flow.need(12);
      t.draw(where, flow.x + RANK_W, flow.y + 8, { size: 7.5, color: THEME.muted });
      flow.space(12 + 6);
    }
  }
}
