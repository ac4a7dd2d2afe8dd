/** What an import creates, in words (the import preview). */
import type { ImportCounts } from '../../../shared/api/schemas';
import { plural } from '../util/format';

/** "5 stages · 7 lanes · 42 notes · 3 emotion scores · 2 personas · 4 KPIs · 2 saved versions · 1 voting round with 12 votes" */
export function countsInWords(c: ImportCounts): string {
  const parts = [plural(c.stages, 'stage'), plural(c.lanes, 'lane'), plural(c.notes, 'note')];
  if (c.emotionScores > 0) parts.push(plural(c.emotionScores, 'emotion score'));
  if (c.personas > 0) parts.push(plural(c.personas, 'persona'));
  if (c.kpis > 0) parts.push(plural(c.kpis, 'KPI'));
  if (c.snapshots > 0) parts.push(plural(c.snapshots, 'saved version'));
  if (c.votingRounds > 0) parts.push(`${plural(c.votingRounds, 'voting round')} with ${plural(c.votes, 'vote')}`);
  return parts.join(' · ');
}
