import ReportProblem from './ReportProblem.astro';

/** The MDX vocabulary of statements about the site itself (accessibility, privacy). */
export const statementMdx = { ReportProblem };
