/**
 * How static hosts apply a `_headers` file, as their documentation describes it, so tests can
 * check the generated file against the rules it was made from.
 * - Cloudflare Pages: every rule whose pattern matches applies; a header set by several is
 *   joined with ", "; `! Name` removes a header set by an earlier rule.
 * - Netlify: every matching rule applies and a later one replaces a header; no `!` lines.
 * Patterns: `*` matches anything (also nothing), `:name` one path segment, else the exact path.
 */
export interface HeadersFileRule {
  pattern: string;
  set: [string, string][];
  detach: string[];
}

export function parseHeadersFile(text: string): HeadersFileRule[] {
  const rules: HeadersFileRule[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\S/.test(line)) {
      rules.push({ pattern: line.trim(), set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers line ${i + 1}: a header before any path`);
    if (line.trim().startsWith('!')) rule.detach.push(line.trim().slice(1).trim().toLowerCase());
    else {
      const at = line.indexOf(':');
      if (at < 0) throw new Error(`_headers line ${i + 1}: not "Name: value"`);
      rule.set.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

const patternRegExp = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/:\w+/g, '[^/]+')}$`);

/** Headers (lower-case names) Cloudflare Pages sends for a path. */
export function cloudflareHeaders(rules: readonly HeadersFileRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules.filter((r) => patternRegExp(r.pattern).test(path))) {
    for (const name of rule.detach) delete out[name];
    for (const [name, value] of rule.set) out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

/** Headers (lower-case names) Netlify sends for a path; `!` lines mean nothing to it. */
export function netlifyHeaders(rules: readonly HeadersFileRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules.filter((r) => patternRegExp(r.pattern).test(path))) {
    for (const [name, value] of rule.set) out[name] = value;
  }
  return out;
}

/** Header names in lower case, to compare with what a host sends. */
export const lowerCased = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
