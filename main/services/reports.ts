import { makeReport } from '../pdf/report';
import type { Handlers, ServiceContext } from './context';
import { readMap } from './projects';
import { votingOps } from './voting';
import { roomCurveOf } from '../room/scores';

export function reportHandlers(ctx: ServiceContext): Pick<Handlers, 'reports.pdf'> {
  const voting = votingOps(ctx);
  return {
    'reports.pdf': (input) => {
      const map = readMap(ctx, input.projectId);
      const rounds = voting.list(input.projectId).reverse(); // oldest first
      const report = makeReport(map, { paper: input.paper, map: input.map }, rounds.map((round) => voting.results(input.projectId, round.id)), roomCurveOf(ctx.db, input.projectId));
      return { fileName: report.fileName, pages: report.pages, pdf: report.bytes.toString('base64') };
    },
  };
}
