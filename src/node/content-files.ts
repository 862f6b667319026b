import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { parse } from 'yaml';
import { numberedFacts, schemas } from '../lib/content-schemas.ts';

type Schemas = typeof schemas;

/**
 * What a content file gives its collection, as Astro's loaders read it: an MDX file's
 * frontmatter, or a YAML file's document, each entry of a list file on its own (facts.yaml's
 * numbered in file order, as their loader numbers them).
 */
export function rawEntries(file: string, text: string): unknown[] {
  if (file.endsWith('.mdx')) {
    const match = /^---\n([\s\S]*?)\n---/.exec(text);
    if (!match) throw new Error(`${file}: no frontmatter`);
    return [parse(match[1]!)];
  }
  const data = parse(text) as unknown;
  if (!Array.isArray(data)) return [data];
  return file.endsWith('facts.yaml') ? numberedFacts(data) : data;
}

/** A schema's complaints about `file`, each as `<file>: <field>: <message>`. */
function described(file: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${file}: ${i.path.map(String).join('.') || '(file)'}: ${i.message}`);
}

/** What the collection's schema finds wrong in `file`, as `<file>: <field>: <message>`. */
export function schemaProblems<C extends keyof Schemas>(collection: C, file: string, text = readFileSync(file, 'utf8')): string[] {
  return rawEntries(file, text).flatMap((entry) => {
    const result = schemas[collection].safeParse(entry);
    return result.success ? [] : described(file, result.error.issues);
  });
}

/**
 * The one entry of `file` as its collection's schema reads it, for scripts that read content
 * outside Astro. A field the schema rejects throws, naming the file and the field, as the build
 * does. A reference is the id it names, unchecked.
 */
export function readEntry<C extends keyof Schemas>(collection: C, file: string, text = readFileSync(file, 'utf8')): z.output<Schemas[C]> {
  const [entry, ...more] = rawEntries(file, text);
  if (more.length) throw new Error(`${file}: holds ${more.length + 1} entries, not one`);
  const result = schemas[collection].safeParse(entry);
  if (!result.success) throw new Error(described(file, result.error.issues).join('\n'));
  return result.data as z.output<Schemas[C]>;
}
