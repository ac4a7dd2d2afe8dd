import { makeReport } from '../pdf/report';
import type { Handlers, ServiceContext } from './context';
import { readMap } from './projects';

export function reportHandlers(ctx: ServiceContext): Pick<Handlers, 'reports.pdf'> {
  return {
    'reports.pdf': (input) => {
      const report = makeReport(readMap(ctx, input.projectId), { paper: input.paper, map: input.map });
      return { fileName: report.fileName, pages: report.pages, pdf: report.bytes.toString('base64') };
    },
  };
}
