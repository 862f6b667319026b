import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import * as checks from '../../../src/lib/content-checks';
import { REEL_SECONDS, REEL_TOLERANCE_SECONDS } from '../../../src/lib/taxonomy';
import { adviceProblems, type Rule } from '../../../src/node/advice-checks';
import { storyboardSource } from '../../../src/node/clip-hash';
import { storyboardMedia } from '../../../src/node/clip-media';
import { rawEntries, readEntry } from '../../../src/node/content-files';
import { mp4Duration } from '../../../src/node/mp4';
import { ROOT } from '../helpers';

/**
 * The checks across entries, called directly on the project's own files, each once as written
 * and once with one edit: what the build reports, naming the file and the field. That the build
 * runs them is shown once, through Astro, in frontmatter-errors.test.ts.
 */
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function edited(file: string, change: (text: string) => string): string {
  const before = read(file);
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  return after;
}

/** An entry of the project as Astro gives it to the checks: id, file, data as its schema reads it, body. */
function entryOf<C extends Parameters<typeof readEntry>[0]>(collection: C, file: string, text = read(file)) {
  const body = file.endsWith('.mdx') ? text.replace(/^---\n[\s\S]*?\n---\n/, '') : undefined;
  const id = file.replace(/^content\/(en\/)?[a-z-]+\//, (_, en: string | undefined) => en ?? '').replace(/\.(mdx|yaml)$/, '');
  return { id, filePath: file, data: readEntry(collection, file, text), body };
}

/** The ids of every entry of the collections references point to. */
const known = new Map<string, Set<string>>([
  ['facts', new Set((rawEntries('content/facts.yaml', read('content/facts.yaml')) as { id: string }[]).map((f) => f.id))],
  ['sources', new Set((rawEntries('content/sources.yaml', read('content/sources.yaml')) as { id: string }[]).map((s) => s.id))],
  ['clips', new Set(readdirSync(join(ROOT, 'content/clips')).map((f) => f.replace(/\.yaml$/, '')))],
]);
const has = (collection: string, id: string) => known.get(collection)?.has(id) ?? false;

describe('an article key is its file name', () => {
  const file = 'content/scams/online-loans.mdx';
  test('as written', () => expect(checks.keyProblems(entryOf('scams', file), 'online-loans')).toEqual([]));
  test('a key that is not', () => {
    const entry = entryOf('scams', file, edited(file, (t) => t.replace(/^key: online-loans$/m, 'key: online-shopping')));
    expect(checks.keyProblems(entry, 'online-loans')).toEqual([`${file}: key: "online-shopping" must equal the file name "online-loans"`]);
  });
});

describe('a reference names an entry that exists', () => {
  test('as written', () => {
    for (const [collection, file] of [['scams', 'content/scams/online-shopping.mdx'], ['playlists', 'content/playlists/subway.yaml'], ['advice', 'content/advice/call-110-to-ask.yaml']] as const) {
      expect(checks.referenceProblems(entryOf(collection, file), collection, has)).toEqual([]);
    }
  });
  test('an unknown figure id', () => {
    const file = 'content/scams/online-shopping.mdx';
    const entry = entryOf('scams', file, edited(file, (t) => t.replace(/^facts: \[/m, 'facts: [no-such-figure, ')));
    expect(checks.referenceProblems(entry, 'scams', has)).toEqual([`${file}: facts: "no-such-figure" is not in the facts collection`]);
  });
  test('an unknown clip in a reel that a schedule picks', () => {
    const file = 'content/playlists/subway.yaml';
    const entry = entryOf('playlists', file, edited(file, (t) => t.replace(/^(  commuter:\n(?:    .*\n)*?    clips:\n)      - /m, '$1      - no-such-clip\n      - ')));
    expect(checks.referenceProblems(entry, 'playlists', has)).toEqual([`${file}: reels.commuter.clips: "no-such-clip" is not in the clips collection`]);
  });
  test("an unknown release in a rule's source", () => {
    const file = 'content/advice/call-110-to-ask.yaml';
    const entry = entryOf('advice', file, edited(file, (t) => t.replace(/release: [a-z-]+/, 'release: no-such-release')));
    expect(checks.referenceProblems(entry, 'advice', has)).toEqual([`${file}: source.release: "no-such-release" is not in the sources collection`]);
  });
});

describe('a category or audience an article names has an article in its language', () => {
  const file = 'content/en/lessons/high-school.mdx';
  const keys = (tree: string) => new Set(readdirSync(join(ROOT, 'content/en', tree)).map((f) => f.replace(/\.mdx$/, '')));
  const present = { scams: keys('scams'), audiences: keys('audiences') };
  test('as written', () => expect(checks.linkedArticleProblems(entryOf('lessons', file), present)).toEqual([]));
  test('a category with no English article', () => {
    const lesson = entryOf('lessons', file);
    const [first] = (lesson.data as { scams: string[] }).scams;
    const without = { ...present, scams: new Set([...present.scams].filter((k) => k !== first)) };
    expect(checks.linkedArticleProblems(lesson, without)).toEqual([`${file}: scams: no article for "${first}" in this language`]);
  });
});

describe("a lesson's minutes are its class plan's", () => {
  const file = 'content/lessons/upper-primary.mdx';
  test('as written', () => expect(checks.lessonMinutesProblems(entryOf('lessons', file))).toEqual([]));
  test('a length the plan does not add up to', () => {
    const entry = entryOf('lessons', file, edited(file, (t) => t.replace(/^durationMinutes: (\d+)$/m, (_, n: string) => `durationMinutes: ${Number(n) + 5}`)));
    const [problem, ...more] = checks.lessonMinutesProblems(entry);
    expect(more).toEqual([]);
    expect(problem).toMatch(new RegExp(`^${file}: durationMinutes: the class plan's "### step \\(N 分钟 \\| N min\\)" headings add up to (\\d+) minutes, not (\\d+)$`));
    const [, plan, given] = /add up to (\d+) minutes, not (\d+)/.exec(problem!)!;
    expect(Number(given) - Number(plan)).toBe(5);
  });
});

describe('a quiz is named for its audience', () => {
  test('as written', () => expect(checks.quizNameProblems(entryOf('quizzes', 'content/quizzes/parents.yaml'))).toEqual([]));
  test('a name that is no audience', () => {
    expect(checks.quizNameProblems({ ...entryOf('quizzes', 'content/quizzes/parents.yaml'), id: 'pensioners', filePath: 'content/quizzes/pensioners.yaml' })).toEqual([
      'content/quizzes/pensioners.yaml: the file name must be an audience (finance-staff, residents, students, seniors, parents), got "pensioners"',
    ]);
  });
});

describe('a scam card and its signals are written once, in the zh article', () => {
  const zh = entryOf('scams', 'content/scams/money-mule.mdx');
  const en = entryOf('scams', 'content/en/scams/money-mule.mdx');
  test('as written', () => expect(checks.scamOnceProblems([zh], [en])).toEqual([]));
  test('a zh article without a card, an English one with a card and signals', () => {
    expect(checks.scamOnceProblems([{ ...zh, data: { ...zh.data, card: undefined } }], [{ ...en, data: { ...en.data, card: zh.data.card, signals: zh.data.signals } }])).toEqual([
      "content/scams/money-mule.mdx: card: name the print card's rules, e.g. card: { advice: [when-unsure] }",
      'content/en/scams/money-mule.mdx: card: write the card once, in the zh article (content/scams/money-mule.mdx)',
      'content/en/scams/money-mule.mdx: signals: write signals once, in the zh article (content/scams/money-mule.mdx)',
    ]);
  });
});

describe('a reel lasts six minutes in both cuts, measured from the files', () => {
  const file = 'content/playlists/bank.yaml';
  const reel = (text: string) => {
    const clips = readEntry('playlists', file, text).clips.map((c) => c.id);
    const total = (ext: string) => clips.reduce((sum, id) => sum + mp4Duration(join(ROOT, 'public/media', `${id}.${ext}`)), 0);
    return { file, venue: 'bank', key: 'default', field: 'clips', seconds: total('mp4'), portraitSeconds: total('portrait.mp4') };
  };
  test('as written', () => expect(checks.reelProblems(reel(read(file)), REEL_SECONDS, REEL_TOLERANCE_SECONDS)).toEqual([]));
  test('a reel a clip short', () => {
    expect(checks.reelProblems(reel(edited(file, (t) => t.replace(/^  - investment\n/m, ''))), REEL_SECONDS, REEL_TOLERANCE_SECONDS)).toEqual([
      `${file}: clips: the bank reel totals 324.0 s, 36.0 s short of 360 s`,
      `${file}: clips: the bank reel totals 324.0 s in portrait, 36.0 s short of 360 s`,
    ]);
  });
  test('a reel of another key names it', () => {
    expect(checks.reelProblems({ file, venue: 'subway', key: 'commuter', field: 'reels.commuter.clips', seconds: 361, portraitSeconds: 360 }, 360, 0.5)).toEqual([
      `${file}: reels.commuter.clips: the subway "commuter" reel totals 361.0 s, 1.0 s over 360 s`,
    ]);
  });
});

describe("a clip's media files are all there", () => {
  const file = 'content/clips/online-loans.yaml';
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  /** A public/ of its own holding the clip's rendered files, but for `left` out. */
  const publicWithout = (left?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'fz-media-'));
    dirs.push(dir);
    for (const name of readdirSync(join(ROOT, 'public/media')).filter((f) => f.startsWith('online-loans.') && f !== left)) {
      cpSync(join(ROOT, 'public/media', name), join(dir, 'media', name));
    }
    return dir;
  };
  const media = (publicDir: string) => {
    const board = readEntry('clips', file);
    const rule = (id: string) => readEntry('advice', `content/advice/${id}.yaml`);
    const source = storyboardSource(read(file), (board.scenes ?? []).flatMap((s) => s.advice ?? []), rule);
    return storyboardMedia(file, 'online-loans', source, publicDir);
  };
  test('as rendered', () => expect(media(publicWithout()).durationSeconds).toBeGreaterThan(20));
  test('a missing caption file', () => {
    const dir = publicWithout('online-loans.zh.vtt');
    expect(() => media(dir)).toThrow(`${file}: captions.zh: ${dir}/media/online-loans.zh.vtt not found; run "npm run clips"`);
  });
});

describe('rules of advice across files', () => {
  const rules: Rule[] = readdirSync(join(ROOT, 'content/advice')).map((name) => {
    const file = `content/advice/${name}`;
    return { id: name.replace(/\.yaml$/, ''), file, data: readEntry('advice', file) };
  });
  /** The project's files, but for one edited. */
  const withEdit = (file: string, change: (text: string) => string) => {
    const text = edited(file, change);
    return (path: string) => (path === file ? text : read(path));
  };

  test('as written', () => expect(adviceProblems(rules).errors).toEqual([]));
  test.each([
    ['an article', 'content/scams/online-loans.mdx', (t: string) => `${t}\n<Advice id="no-such-rule" />\n`],
    ['a clip', 'content/clips/money-mule.yaml', (t: string) => t.replace('advice: never-rent-cards-accounts', 'advice: no-such-rule')],
    ['a quiz', 'content/quizzes/parents.yaml', (t: string) => t.replace('advice: [verify-teacher-fees]', 'advice: [no-such-rule]')],
  ])('an unknown rule id in %s', (_where, file, change) => {
    expect(adviceProblems(rules, withEdit(file, change)).errors).toEqual([`${file}: unknown advice id "no-such-rule": there is no content/advice/no-such-rule.yaml`]);
  });
  test('a quote that is not in the release', () => {
    const file = 'content/advice/call-110-to-ask.yaml';
    const edit = rules.map((r) => (r.file === file ? { ...r, data: readEntry('advice', file, edited(file, (t) => t.replace('如果实在不确定', '如果不确定'))) } : r));
    const [problem, ...more] = adviceProblems(edit).errors;
    expect(more).toEqual([]);
    expect(problem).toMatch(/^content\/advice\/call-110-to-ask\.yaml: source\.quote: is not word for word in the source/);
  });
  test('two rules with the same words', () => {
    const copy = { ...rules[0]!, id: 'copy-of-a-rule', file: 'content/advice/copy-of-a-rule.yaml' };
    const same = `the same words as rule "${rules[0]!.id}" (${rules[0]!.file}): write a rule once and reuse its id`;
    expect(adviceProblems([...rules, copy]).errors).toEqual([`${copy.file}: text.zh: ${same}`, `${copy.file}: text.en: ${same}`]);
  });
});

describe('the files the site cannot do without', () => {
  test('a missing one is named', () => {
    expect(checks.missingProblems(['content/guides/report.mdx', 'content/en/guides/report.mdx'], new Set(['content/guides/report.mdx']))).toEqual(['content/en/guides/report.mdx is missing']);
  });
});
