/** The PDF report of a project: declarations of the API methods (see ../contract.ts). */
import { ReportFile, ReportMapMode, ReportPaper } from '../schemas';
import { inProject, input, query } from './define';

export const reportsMethods = {
  'reports.pdf': query(
    "The project's PDF report, made offline: cover, the map (A4 or A3 landscape; scaled to fit one page, or split over pages by stages with the headers repeated), emotion curves and an appendix with every note in full. Defaults: A4, split.",
    input({ ...inProject, paper: ReportPaper.default('a4'), map: ReportMapMode.default('split') }),
    ReportFile,
  ),
} as const;
