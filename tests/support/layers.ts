/**
 * The folders of src/ by where their code runs, and the imports each may make:
 * - pure (src/lib/, and src/kiosk/ but for its driver): runs anywhere, in the browser, in Node
 *   and in Astro's build; imports only pure code and npm packages that run anywhere.
 * - browser (src/client/, the kiosk's driver): src/client/ holds every script a page loads; the
 *   kiosk's is src/client/kiosk.ts, which starts the thin driver that src/kiosk/ keeps beside the
 *   pure core it drives (KIOSK_BROWSER). Browser code imports browser and pure code.
 * - Node (src/node/): media files, hashes, pictures; shared with scripts/, so it imports none
 *   of Astro's virtual modules, which only Astro's build can load.
 * - queries (src/queries/): `astro:content` queries, run by Astro's build.
 * - Astro (src/pages/, src/components/, src/layouts/, src/integrations/, src/content.config.ts):
 *   the build itself. Like the queries, it may name browser code only for its types; the
 *   `<script>`s of .astro files are browser code.
 * - scripts (scripts/): command-line tools, in Node; they import pure and Node code, and each other.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';

export type Layer = 'pure' | 'client' | 'node' | 'queries' | 'astro' | 'scripts';
export interface Source {
  /** Repository path, with forward slashes. */
  path: string;
  text: string;
}
export interface Import {
  spec: string;
  typeOnly: boolean;
  /** In a `<script>` of an .astro file: code that runs in the browser. */
  browser: boolean;
}

const FOLDERS: [string, Layer][] = [
  ['src/lib/', 'pure'],
  ['src/kiosk/', 'pure'],
  ['src/client/', 'client'],
  ['src/node/', 'node'],
  ['src/queries/', 'queries'],
  ['src/pages/', 'astro'],
  ['src/components/', 'astro'],
  ['src/layouts/', 'astro'],
  ['src/integrations/', 'astro'],
  ['src/content.config.ts', 'astro'],
  ['scripts/', 'scripts'],
];

/** The kiosk's driver and the browser modules it runs, beside the kiosk's pure core. */
export const KIOSK_BROWSER = ['driver', 'offline', 'wake-lock', 'heartbeat', 'alert-poll'].map((name) => `src/kiosk/${name}`);

/** The layer of a file, named with or without its `.ts`, as an import names it. */
export function layerOf(path: string): Layer | null {
  if (KIOSK_BROWSER.includes(path.replace(/\.ts$/, ''))) return 'client';
  return FOLDERS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? null;
}

const IMPORT = /\b(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Code with its comment lines left out, so an import written in a comment does not count. */
function code(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join('\n');
}

function scan(text: string, browser: boolean): Import[] {
  return [...code(text).matchAll(IMPORT)].map((m) => ({ spec: (m[2] ?? m[3])!, typeOnly: Boolean(m[1]), browser }));
}

/** The imports of a file; for an .astro file, those of its frontmatter, then those of its scripts. */
export function importsOf({ path, text }: Source): Import[] {
  if (!path.endsWith('.astro')) return scan(text, false);
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs]) => !/\bis:inline\b|\btype="application\/json"/.test(attrs!))
    .map(([, , body]) => body!);
  return [...scan(front, false), ...scripts.flatMap((body) => scan(body, true))];
}

const NODE = new Set(builtinModules);
const isNode = (spec: string) => spec.startsWith('node:') || NODE.has(spec.split('/')[0]!);
const isAstro = (spec: string) => spec.startsWith('astro:');

const NAMES: Record<Layer, string> = {
  pure: 'pure code (src/lib/, src/kiosk/)',
  client: 'browser code (src/client/, the kiosk driver)',
  node: 'Node code (src/node/)',
  queries: 'build-time code',
  astro: 'build-time code',
  scripts: 'scripts',
};

/** What an import from a file of `layer` breaks, or null. */
function broken(layer: Layer, imp: Import, target: Layer | null): string | null {
  const who = NAMES[layer];
  if (layer === 'pure' || layer === 'client') {
    if (isNode(imp.spec)) return `${who} may not import Node's modules`;
    if (isAstro(imp.spec)) return `${who} may not import Astro's build-time modules`;
  }
  if ((layer === 'node' || layer === 'scripts') && isAstro(imp.spec)) return `${who} may not import Astro's build-time modules, which scripts cannot load`;
  if (target === null) return null;
  if (layer === 'pure' && target !== 'pure') return `${who} may import only pure code`;
  if (layer === 'client' && target !== 'pure' && target !== 'client') return `${who} may import only browser and pure code`;
  if (layer === 'node' && target !== 'pure' && target !== 'node') return `${who} may import only pure and Node code`;
  if (layer === 'scripts' && target !== 'pure' && target !== 'node' && target !== 'scripts') return `${who} may import only pure and Node code, and each other`;
  if ((layer === 'queries' || layer === 'astro') && target === 'client' && !imp.typeOnly) return `${who} may import browser code only for its types`;
  return null;
}

/** Every import in `files` that crosses a line, as "<file> imports <spec> (<layer>): <rule>". */
export function violations(files: Source[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const own = layerOf(file.path);
    if (!own) continue;
    for (const imp of importsOf(file)) {
      const layer: Layer = imp.browser ? 'client' : own;
      const target = imp.spec.startsWith('.') ? layerOf(posix.normalize(posix.join(posix.dirname(file.path), imp.spec))) : null;
      const rule = broken(layer, imp, target);
      if (rule) found.push(`${file.path} imports ${imp.spec}${target ? ` (${target})` : ''}${imp.browser ? ' in a <script>' : ''}: ${rule}`);
    }
  }
  return found;
}
