import { compileSignals, signalSources } from '../../../src/lib/check/compile';
import type { CheckData } from '../../../src/lib/check/match';
import { SCAM_SLUGS } from '../../../src/lib/taxonomy';
import { readArticles, readYaml, ROOT } from '../helpers';

type Written = { id: string; weight: number; phrases: string[]; suggests?: string[] };

/** The signals written in content, as the build compiles them for the page. */
export function contentCheckData(): CheckData {
  const scams = readArticles('scams').map(
    (f) => [f.path.slice(ROOT.length + 1), f.slug, (f.data.signals ?? []) as Written[]] as const,
  );
  return compileSignals(signalSources(readYaml<Written[]>('signals.yaml'), scams), SCAM_SLUGS);
}
