import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** An MDX file split into its frontmatter (parsed) and body. */
export interface MdxFile {
  path: string;
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

/** Every .mdx file of content/<tree> (or content/en/<tree> when `en`), sorted by name. */
export function readArticles(tree: string, en = false): MdxFile[] {
  const dir = join(ROOT, 'content', ...(en ? ['en'] : []), tree);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const text = readFileSync(path, 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${path}: no frontmatter block`);
      return { path, slug: f.replace(/\.mdx$/, ''), data: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
    });
}

/** A YAML data file under content/. */
export function readYaml<T>(name: string): T {
  return parse(readFileSync(join(ROOT, 'content', name), 'utf8')) as T;
}

export { normalizePunctuation } from '../../src/lib/advice-rules';

/** Count of CJK ideographs: the measure of a Chinese article's length. */
export function cjkLength(text: string): number {
  return (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
}

/**
 * An article's body as readers get it in Chinese: each <Advice>, <AdviceList> and <Figure> replaced by
 * the words it shows (the rule's sentence; the figure's lead, value, label, note and quoted sentence),
 * so a page that states its rules through the components is measured by what it says.
 */
export function shownText(body: string): string {
  const rule = (id: string) => readYaml<{ text: { zh: string } }>(`advice/${id}.yaml`).text.zh;
  const sets = new Map(readYaml<{ id: string; advice: string[] }[]>('advice-sets.yaml').map((s) => [s.id, s.advice]));
  const facts = new Map(readYaml<{ id: string; lead?: { zh: string }; display: { zh: string }; label: { zh: string }; note: { zh: string }; quote: string }[]>('facts.yaml').map((f) => [f.id, f]));
  return body
    .replace(/<Advice id="([\w-]+)"\s*\/>/g, (_, id: string) => rule(id))
    .replace(/<AdviceList\s+set="([\w-]+)"[^>]*\/>/g, (_, set: string) => sets.get(set)!.map(rule).join('\n'))
    .replace(/<AdviceList\s+ids=\{\[([^\]]*)\]\}[^>]*\/>/g, (_, ids: string) => [...ids.matchAll(/"([\w-]+)"/g)].map((m) => rule(m[1]!)).join('\n'))
    .replace(/<Figure fact="([\w-]+)"\s*\/>/g, (_, id: string) => {
      const f = facts.get(id)!;
      return [f.lead?.zh ?? '', f.display.zh, f.label.zh, f.note.zh, f.quote].join('\n');
    });
}
