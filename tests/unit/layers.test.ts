import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, layerOf, violations, type Source } from '../support/layers';

/** Every source file of the site and its scripts, as the rule reads them. */
function tree(): Source[] {
  const files: Source[] = [];
  for (const dir of ['src', 'scripts']) {
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (/\.(ts|mjs|astro)$/.test(name) && !name.endsWith('.d.ts')) {
        const path = join(dir, name).split('\\').join('/');
        files.push({ path, text: readFileSync(path, 'utf8') });
      }
    }
  }
  return files;
}

describe('folders by runtime', () => {
  it('no file imports across the lines the layers draw', () => {
    expect(violations(tree())).toEqual([]);
  });

  it('every file of src/ belongs to a layer', () => {
    expect(tree().filter((f) => f.path.startsWith('src/') && layerOf(f.path) === null).map((f) => f.path)).toEqual([]);
  });

  it('reads static, side-effect, re-export, type-only and dynamic imports, and the scripts of .astro files apart', () => {
    const astro = [
      '---',
      "import Base from '../layouts/BaseLayout.astro';",
      "import type { KioskData } from '../kiosk/payload';",
      '---',
      '<script>',
      "  import '../client/kiosk';",
      '</script>',
      '<script is:inline>var x = 1;</script>',
    ].join('\n');
    expect(importsOf({ path: 'src/components/views/KioskView.astro', text: astro })).toEqual([
      { spec: '../layouts/BaseLayout.astro', typeOnly: false, browser: false },
      { spec: '../kiosk/payload', typeOnly: true, browser: false },
      { spec: '../client/kiosk', typeOnly: false, browser: true },
    ]);
    const ts = [
      "import { a } from './a';",
      "import './b';",
      "export { c } from './c';",
      "import type { D } from './d';",
      "const e = await import('./e');",
      "// import { f } from './f';",
    ].join('\n');
    expect(importsOf({ path: 'src/lib/x.ts', text: ts }).map((i) => [i.spec, i.typeOnly])).toEqual([
      ['./a', false],
      ['./b', false],
      ['./c', false],
      ['./d', true],
      ['./e', false],
    ]);
  });

  it('names the file, the import and the rule it breaks', () => {
    const files: Source[] = [
      { path: 'src/lib/pure.ts', text: "import { readFileSync } from 'node:fs';\nimport { clips } from '../queries/clips';" },
      { path: 'src/client/search.ts', text: "import { getCollection } from 'astro:content';\nimport { hash } from '../node/clip-hash';" },
      { path: 'src/node/mp4.ts', text: "import { getCollection } from 'astro:content';" },
      { path: 'scripts/tool.ts', text: "import { allClips } from '../src/queries/clips.ts';" },
      { path: 'src/components/X.astro', text: "---\nimport { read } from '../node/mp4';\n---\n<script>\nimport { a } from '../node/mp4';\n</script>" },
      { path: 'src/queries/clips.ts', text: "import { startKiosk } from '../kiosk/driver';\nimport type { KioskData } from '../kiosk/driver';" },
      { path: 'src/kiosk/tick.ts', text: "import { keepAwake } from './wake-lock';" },
    ];
    expect(violations(files)).toEqual([
      "src/lib/pure.ts imports node:fs: pure code (src/lib/, src/kiosk/) may not import Node's modules",
      'src/lib/pure.ts imports ../queries/clips (queries): pure code (src/lib/, src/kiosk/) may import only pure code',
      "src/client/search.ts imports astro:content: browser code (src/client/, the kiosk driver) may not import Astro's build-time modules",
      'src/client/search.ts imports ../node/clip-hash (node): browser code (src/client/, the kiosk driver) may import only browser and pure code',
      "src/node/mp4.ts imports astro:content: Node code (src/node/) may not import Astro's build-time modules, which scripts cannot load",
      'scripts/tool.ts imports ../src/queries/clips.ts (queries): scripts may import only pure and Node code, and each other',
      'src/components/X.astro imports ../node/mp4 (node) in a <script>: browser code (src/client/, the kiosk driver) may import only browser and pure code',
      'src/queries/clips.ts imports ../kiosk/driver (client): build-time code may import browser code only for its types',
      'src/kiosk/tick.ts imports ./wake-lock (client): pure code (src/lib/, src/kiosk/) may import only pure code',
    ]);
  });
});
