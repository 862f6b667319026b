import { describe, expect, test } from 'vitest';
import { release, rules, scanned } from './advice-scan';

/**
 * A rule of advice is written once, in content/advice/, and shown through <Advice>, <AdviceList>
 * or a rule id (issue #12). This finds the places that copy a rule's sentence by hand instead:
 * any clause of it that turns up, word for word, in the site's other words (articles, lessons
 * and handouts, quiz explanations, clips, signals, UI strings; see advice-scan.ts). Left out: the
 * screen form (meant for tight places such as summaries) and the police release's own words,
 * which pages may quote. Paraphrases are paraphrased-rules.test.ts's.
 */

const quoted = (clause: string) => squeeze(release).replace(/,/g, '，').includes(clause);

/** Spaces out, full-width punctuation as the rules write it, so a copy matches whatever its spacing. */
const squeeze = (text: string) => text.replace(/\\n/g, '\n').replace(/[\s\u00a0]+/g, '').replace(/,/g, '，').replace(/["“”]/g, '');

/**
 * Names the site uses the same way everywhere, on purpose (issue #12 asks for one phrase for the
 * number you already had): sharing one is not restating a rule, so a clause must say more than them.
 */
const SHARED = ['原来存的号码', '银行卡背面的电话', '帮助信息网络犯罪活动罪'];
const SHARED_EN = ['the number you already have', 'the number you already had'];
const cjk = (text: string) => (text.match(/[\u4e00-\u9fff]/g) ?? []).length;

/** Clauses of a Chinese rule long enough to be that rule's own words (9 characters or more), police quotes aside. */
export function zhClauses(text: string): string[] {
  return squeeze(text)
    .split(/[，。：；！？、（）\n]/)
    .filter((c) => cjk(c) >= 9 && cjk(SHARED.reduce((rest, name) => rest.replace(name, ''), c)) >= 5 && !quoted(c));
}

/** Clauses of an English rule of eight words or more. */
export function enClauses(text: string): string[] {
  return text
    .replace(/\\n/g, '\n')
    .split(/[,.:;!?()\n“”"]/)
    .map((c) => c.trim().replace(/\s+/g, ' ').replace(/’/g, "'").toLowerCase())
    .filter((c) => c.split(' ').length >= 8 && SHARED_EN.reduce((rest, name) => rest.replace(name, ''), c).split(' ').length >= 6);
}

/** Where `clauses` of a rule turn up in the scanned files, as `file: clause`. */
function copies(clauses: string[], lang: 'zh' | 'en'): string[] {
  return scanned.flatMap(({ path, text }) => {
    const haystack = lang === 'zh' ? squeeze(text) : text.replace(/\s+/g, ' ').replace(/’/g, "'").toLowerCase();
    return clauses.filter((c) => haystack.includes(c)).map((c) => `${path}: ${c}`);
  });
}

describe('no rule of advice is restated by hand', () => {
  test('the scan reads the lessons, quizzes, clips and UI strings', () => {
    const paths = scanned.map((s) => s.path);
    for (const path of ['content/lessons/high-school.mdx', 'content/en/lessons/high-school.mdx', 'content/quizzes/seniors.yaml', 'content/clips/call-96110.yaml', 'src/lib/i18n.ts']) {
      expect(paths).toContain(path);
    }
  });

  test('a clause copied from a rule is found', () => {
    const rule = rules.find((r) => r.id === 'never-share-screen')!;
    expect(zhClauses(rule.text.zh)).toContain('对方能看到你输入的密码和验证码');
    expect(squeeze(`前文。${rule.text.zh}`)).toContain(zhClauses(rule.text.zh)[0]!);
  });

  test.each(rules.map((r) => [r.id, r] as const))('%s: its Chinese words appear only through the rule', (_id, rule) => {
    expect(copies(zhClauses(rule.text.zh), 'zh')).toEqual([]);
  });

  test.each(rules.map((r) => [r.id, r] as const))('%s: its English words appear only through the rule', (_id, rule) => {
    expect(copies(enClauses(rule.text.en), 'en')).toEqual([]);
  });
});
