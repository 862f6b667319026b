/**
 * The red flags a poster shows. Scam pages list theirs in frontmatter (`redFlags`, most telling
 * first); audience pages write theirs as the first <RedFlags> list of the article body, which is
 * read here so the poster says what the page says.
 */

/** How many red flags a poster shows. */
export const POSTER_FLAGS = 3;

/** The items of the first <RedFlags> bullet list in an MDX body; throws naming `from` when there is none or an item carries markup. */
export function redFlagsInBody(body: string, from: string): string[] {
  const block = /<RedFlags\b[^>]*>([\s\S]*?)<\/RedFlags>/.exec(body);
  if (!block) throw new Error(`${from}: the body has no <RedFlags> list for the poster's red flags`);
  const items = block[1]!
    .split('\n')
    .map((line) => /^\s*[-*]\s+(.*\S)\s*$/.exec(line)?.[1])
    .filter((item): item is string => item !== undefined);
  const marked = items.find((item) => /[<>*_`[\]{}]/.test(item));
  if (marked) throw new Error(`${from}: <RedFlags>: the poster draws plain text, but "${marked}" carries markup`);
  return items;
}

/** The first `POSTER_FLAGS` flags; fewer fail, naming `from`. */
export function posterFlags(flags: readonly string[], from: string): string[] {
  if (flags.length < POSTER_FLAGS) throw new Error(`${from}: a poster needs ${POSTER_FLAGS} red flags, found ${flags.length}`);
  return flags.slice(0, POSTER_FLAGS);
}
