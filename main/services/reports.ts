import { makeReport } from '../pdf/report';
import type { Handlers, ServiceContext } from './context';
import { readMap } from './projects';
import { votingOps } from './voting';
import { personaOps } from './personas';
import { roomCurveOf } from '../room/scores';

export function reportHandlers(ctx: ServiceContext): Pick<Handlers, 'reports.pdf'> {
  const voting = votingOps(ctx);
  const people = personaOps(ctx);
  return {
    'reports.pdf': (input) => {
      const map = readMap(ctx, input.projectId);
      const rounds = voting.list(input.projectId).reverse(); // oldest first
      const photos = new Map(map.personas.flatMap((p) => {
        const photo = people.photo(input.projectId, p.id);
        return photo ? [[p.id, { type: photo.type, bytes: Buffer.from(photo.data, 'base64') }] as const] : [];
      }));
      const report = makeReport(map, { paper: input.paper, map: input.map }, rounds.map((round) => voting.results(input.projectId, round.id)), roomCurveOf(ctx.db, input.projectId), photos);
      return { fileName: report.fileName, pages: report.pages, pdf: report.bytes.toString('base64') };
    },
  };
}
