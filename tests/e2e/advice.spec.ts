import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { AUDIENCE_SLUGS, SCAM_SLUGS } from '../../src/lib/taxonomy';
import { builtPages, DIST, htmlOf } from './dist';

/**
 * Checks the built site for the advice contradictions issue #12 found, and that the first ten
 * minutes read the same wherever they appear. Reads the built files: no browser needed.
 */
const ROOT = join(DIST, '..');
const pages = builtPages().filter((p) => p.endsWith('/') && !p.startsWith('/kiosk/'));

/**
 * The visible text of a page: scripts, styles and tags dropped, entities decoded. A quiz's
 * wrong choices are left out: they are meant to be wrong, and their explanation says why.
 */
function textOf(html: string): string {
  html = html.replace(/(<details data-correct="false"[^>]*>\s*)<summary[\s\S]*?<\/summary>/g, '$1');
  return decode(html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const isZh = (page: string) => !page.startsWith('/en/');
const texts = new Map(pages.map((p) => [p, textOf(htmlOf(p))]));
const captions = readdirSync(join(DIST, 'media')).filter((f) => f.endsWith('.vtt')).map((f) => ({ file: `/media/${f}`, text: readFileSync(join(DIST, 'media', f), 'utf8') }));
const zhTexts = [...[...texts].filter(([p]) => isZh(p)), ...captions.filter((c) => c.file.endsWith('.zh.vtt')).map((c) => [c.file, c.text] as const)];
const enTexts = [...[...texts].filter(([p]) => !isZh(p)), ...captions.filter((c) => c.file.endsWith('.en.vtt')).map((c) => [c.file, c.text] as const)];

/** Sentences of `text` that match `pattern`, with the page they are on. */
function sentences(list: readonly (readonly [string, string])[], split: RegExp, pattern: RegExp) {
  return list.flatMap(([page, text]) => text.split(split).filter((s) => pattern.test(s)).map((s) => `${page}: ${s.trim()}`));
}

test.describe('no page contradicts the rules', () => {
  test('no Chinese sentence tells the reader to uninstall anything', () => {
    const bad = sentences(zhTexts, /[。！？；\n]/, /卸载/).filter((s) => !/(不|别|不要|不能)[^，。]{0,4}卸载/.test(s));
    expect(bad).toEqual([]);
  });

  test('no English sentence tells the reader to uninstall anything', () => {
    const bad = sentences(enTexts, /(?<=[.!?])\s|\n/, /uninstall/i).filter((s) => !/(don[’']t|do not|never|not)\b[^.]{0,40}uninstall|uninstall nothing/i.test(s));
    expect(bad).toEqual([]);
  });

  test('96110 is never followed by “listen, then decide whether to pay”', () => {
    expect(sentences(zhTexts, /[。！？\n]/, /听完再决定/)).toEqual([]);
    expect(sentences(enTexts, /(?<=[.!?])\s|\n/, /listen before you send/i)).toEqual([]);
  });

  test('no Chinese page says 红旗 for a warning sign', () => {
    expect(sentences(zhTexts, /[。！？\n]/, /红旗/)).toEqual([]);
  });

  test('今年以来 appears only inside quotation marks', () => {
    const bad = zhTexts.flatMap(([page, text]) =>
      [...text.matchAll(/今年以来/g)]
        .filter((m) => {
          const before = text.slice(0, m.index);
          return (before.match(/“/g) ?? []).length <= (before.match(/”/g) ?? []).length;
        })
        .map((m) => `${page}: …${text.slice(Math.max(0, m.index! - 20), m.index! + 20)}…`),
    );
    expect(bad).toEqual([]);
  });

  test('no page asks the bank to stop or freeze the money, or says the police never phone', () => {
    expect(sentences(zhTexts, /[。！？\n]/, /请银行[^。]{0,8}(止付|冻结这笔|冻结钱)|不会打电话办案/)).toEqual([]);
    expect(sentences(enTexts, /(?<=[.!?])\s|\n/, /ask (the bank|them) to stop and freeze|never handle cases over the phone\.$/i)).toEqual([]);
  });

  test('no page ties the citywide returned total to its own scam type', () => {
    expect(sentences(zhTexts, /[。！？\n]/, /把这样的资金返还/)).toEqual([]);
    expect(sentences(enTexts, /(?<=[.!?])\s|\n/, /returned money like this/i)).toEqual([]);
  });

  test('the scammer’s code is never called 付款码: you scan a 收款码 or 二维码, a 付款码 is your own', () => {
    expect(sentences(zhTexts, /[。！？；，\n]/, /扫[^。！？；，]{0,8}付款码/)).toEqual([]);
    expect(sentences(enTexts, /(?<=[.!?])\s|\n/, /scan[^.]{0,30}payment (or QR )?code/i)).toEqual([]);
  });

  test('every figure names its source and its period', () => {
    const bad = pages.flatMap((page) =>
      [...htmlOf(page).matchAll(/<figure class="fz-figure[^"]*"[^>]*>([\s\S]*?)<\/figure>/g)]
        .filter((m) => !/class="source[^"]*"[^>]*>[\s\S]*?(通报当年|of the year reported)/.test(m[1]!))
        .map(() => page),
    );
    expect(bad).toEqual([]);
  });
});

test.describe('where the advice comes from', () => {
  const ruleFiles = readdirSync(join(ROOT, 'content/advice')).filter((f) => f.endsWith('.yaml'));
  const rules = ruleFiles.map((f) => ({ id: f.replace(/\.yaml$/, ''), ...(parse(readFileSync(join(ROOT, 'content/advice', f), 'utf8')) as { text: { zh: string; en: string }; source: unknown }) }));

  for (const [page, lang] of [['/sources/', 'zh'], ['/en/sources/', 'en']] as const) {
    test(`${page} lists every rule with its source, and marks the general ones for review`, () => {
      const html = htmlOf(page);
      const items = new Map([...html.matchAll(/<li id="advice-([\w-]+)" class="([^"]*)"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => [m[1]!, { cls: m[2]!, body: m[3]! }]));
      expect([...items.keys()].sort()).toEqual(rules.map((r) => r.id).sort());
      for (const rule of rules) {
        const item = items.get(rule.id)!;
        expect(textOf(item.body), rule.id).toContain(rule.text[lang]);
        expect(item.cls.includes('rule--review'), `${rule.id} marked for review`).toBe(rule.source === 'general');
        if (typeof rule.source === 'object' && rule.source && 'url' in rule.source) expect(item.body, rule.id).toContain(`href="${rule.source.url}"`);
      }
    });
  }

  test('every article shows when it was last reviewed and links to the sources page', () => {
    const articles = pages.filter((p) => /^(\/en)?\/(scams|audiences)\/[\w-]+\/$/.test(p));
    expect(articles.length).toBe(2 * (SCAM_SLUGS.length + AUDIENCE_SLUGS.length));
    const bad = articles.filter((p) => {
      const html = htmlOf(p);
      return !/<time datetime="\d{4}-\d{2}-\d{2}"/.test(html) || !html.includes(`href="${p.startsWith('/en/') ? '/en' : ''}/sources/"`);
    });
    expect(bad).toEqual([]);
  });
});

test.describe('the first ten minutes read the same everywhere', () => {
  const sets = parse(readFileSync(join(ROOT, 'content/advice-sets.yaml'), 'utf8')) as { id: string; advice: string[] }[];
  const ids = sets.find((s) => s.id === 'first-ten-minutes')!.advice;
  const rule = (id: string) => parse(readFileSync(join(ROOT, 'content/advice', `${id}.yaml`), 'utf8')) as { text: { zh: string; en: string } };
  const places = pages.filter((p) => /^(\/en)?\/(report\/|print\/[\w-]+\/|lessons\/[\w-]+\/(handout\/)?)$/.test(p));

  test('they appear on /report/, every card and every handout in both languages', () => {
    for (const prefix of ['', '/en']) {
      expect(places).toContain(`${prefix}/report/`);
      expect(places.filter((p) => p.startsWith(`${prefix}/print/`)).sort()).toEqual(SCAM_SLUGS.map((s) => `${prefix}/print/${s}/`).sort());
      expect(places.filter((p) => p.startsWith(`${prefix}/lessons/`) && p.endsWith('/handout/')).length).toBeGreaterThanOrEqual(4);
    }
  });

  for (const page of places) {
    test(`${page}: the steps are the rules, word for word and in order`, () => {
      const lang = isZh(page) ? 'zh' : 'en';
      const lists = [...htmlOf(page).matchAll(/data-advice-set="first-ten-minutes"[^>]*>([\s\S]*?)<\/(ol|ul)>/g)];
      expect(lists.length, 'a first-ten-minutes list').toBeGreaterThanOrEqual(1);
      for (const list of lists) {
        const items = [...list[1]!.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!).trim());
        expect(items).toEqual(ids.map((id) => rule(id).text[lang]));
      }
    });
  }
});

test.describe('each card says first what fits its scam', () => {
  const rule = (id: string) => parse(readFileSync(join(ROOT, 'content/advice', `${id}.yaml`), 'utf8')) as { text: { zh: string; en: string } };
  // A call is hung up; a chat is stopped; a card already handed over is closed and reported.
  for (const [slug, ids] of [
    ['impersonating-authorities', ['when-unsure']],
    ['online-romance', ['when-unsure-chat']],
    ['money-mule', ['when-unsure-chat', 'mule-already-handed-over']],
  ] as const) {
    for (const prefix of ['', '/en']) {
      const page = `${prefix}/print/${slug}/`;
      test(`${page}: ${ids.join(', ')} before the steps`, () => {
        const html = htmlOf(page);
        const head = html.slice(0, html.indexOf('data-advice-set="first-ten-minutes"'));
        const lines = [...head.matchAll(/<p class="unsure[^"]*"[^>]*data-advice="([\w-]+)"[^>]*>([\s\S]*?)<\/p>/g)];
        expect(lines.map((m) => m[1])).toEqual(ids);
        expect(lines.map((m) => textOf(m[2]!).trim())).toEqual(ids.map((id) => rule(id).text[prefix ? 'en' : 'zh']));
      });
    }
  }
});

test('a card whose reader has not been robbed says so in its title and steps heading', () => {
  const front = readFileSync(join(ROOT, 'content/scams/money-mule.mdx'), 'utf8').split('\n---')[0]!.replace(/^---\n/, '');
  const card = (parse(front) as { card: { title: { zh: string; en: string }; steps: { zh: string; en: string } } }).card;
  for (const [page, lang] of [['/print/money-mule/', 'zh'], ['/en/print/money-mule/', 'en']] as const) {
    const html = htmlOf(page);
    expect(textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!)).toContain(card.title[lang]);
    expect(textOf(/<h2 id="steps"[^>]*>([\s\S]*?)<\/h2>/.exec(html)![1]!).trim()).toBe(card.steps[lang]);
  }
  // The others keep the usual heading.
  expect(textOf(/<h2 id="steps"[^>]*>([\s\S]*?)<\/h2>/.exec(htmlOf('/print/online-loans/'))![1]!).trim()).toBe('钱已经转出去');
});

test.describe('the rules read as the page around them', () => {
  test('pages written to 您 show every rule with 您', () => {
    for (const page of ['/audiences/seniors/', '/quiz/seniors/']) {
      const shown = [...htmlOf(page).matchAll(/<(?:span|li)[^>]*data-advice="([\w-]+)"[^>]*>([\s\S]*?)<\/(?:span|li)>/g)].map((m) => [m[1]!, textOf(m[2]!)] as const);
      expect(shown.length, page).toBeGreaterThan(5);
      expect(shown.filter(([, text]) => /你(?!们)/.test(text)), page).toEqual([]);
      expect(shown.some(([, text]) => text.includes('您')), page).toBe(true);
      const notes = [...htmlOf(page).matchAll(/<p class="(?:block__96110|private)"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1]!));
      expect(notes.filter((text) => /你(?!们)/.test(text)), page).toEqual([]);
    }
    // Pages that say 你 keep the rules' own words.
    expect(htmlOf('/audiences/students/')).toContain('验证码不告诉任何人');
  });

  test('Chinese text has no space after a full-width mark where an inline element ends or begins', () => {
    const inline = '(?:strong|span|b|em|a|code)';
    const seam = new RegExp(`[。！？，：；”](?:</${inline}>)*\\s+(?:<${inline}\\b[^>]*>)*[\\p{Script=Han}“]`, 'u');
    const bad = pages.filter(isZh).flatMap((p) => {
      const html = htmlOf(p).replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<meta[^>]*>/g, '');
      const m = html.match(seam);
      return m ? [`${p}: ${m[0]}`] : [];
    });
    expect(bad).toEqual([]);
    const meta = pages.filter(isZh).flatMap((p) => {
      const description = htmlOf(p).match(/<meta name="description" content="([^"]*)"/)?.[1] ?? '';
      return /[。！？，：；][ \u00a0]/.test(decode(description)) ? [`${p}: ${description}`] : [];
    });
    expect(meta).toEqual([]);
  });

  test('no page shows Markdown that did not render', () => {
    expect(pages.filter((p) => texts.get(p)!.includes('**')).map((p) => `${p}: ${texts.get(p)!.match(/.{0,30}\*\*.{0,30}/)![0]}`)).toEqual([]);
  });

  test('the 96110 line beside 110 is the answer-96110 rule on every page, card and handout', () => {
    const rule = parse(readFileSync(join(ROOT, 'content/advice/answer-96110.yaml'), 'utf8')) as { short: { zh: string; en: string } };
    const line = { zh: '96110 来电要接听，照劝阻做，不转账', en: '96110 calling? Answer, do as it warns, transfer nothing' };
    expect(rule.short.zh.replace('\n', '，').replace(' 不', '，不')).toBe(line.zh);
    for (const page of ['/', '/en/', '/print/online-shopping/', '/en/print/online-shopping/', '/lessons/high-school/handout/']) {
      const lang = isZh(page) ? 'zh' : 'en';
      const lines = [...htmlOf(page).matchAll(/data-advice="answer-96110"[^>]*>([^<]*)</g)].map((m) => decode(m[1]!));
      expect(lines, page).toContain(line[lang]);
    }
  });
});

test('a lesson dialogue names the reader’s role as the class reads it, not 受害人', () => {
  for (const [page, role] of [['/lessons/upper-primary/', '小宇'], ['/lessons/middle-school/', '小安'], ['/lessons/high-school/', '学生'], ['/en/lessons/upper-primary/', 'Xiaoyu']] as const) {
    const html = htmlOf(page);
    expect(html, page).toMatch(new RegExp(`<span class="who"[^>]*>${role}[：:]`));
    expect(textOf(html), page).not.toMatch(/受害人|Victim:/);
  }
});
