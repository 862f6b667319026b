import { describe, expect, test } from 'vitest';
import { PARAPHRASE_LIMITS, restatements, ruleShare, sentences, units, type Lang } from '../../../src/lib/advice-paraphrase';
import { release, rules, scanned } from './advice-scan';

/**
 * A rule of advice is written once (issue #12). restated-rules.test.ts catches a rule copied word
 * for word; this catches one said again in other words: a sentence of the site's other words that
 * shares most of its character pairs (zh) or word pairs (en) with a rule. Such a sentence should
 * show the rule instead (<Advice id="…" />, an `advice:` field, adviceRule()).
 *
 * Not advice, so not scanned: red flags and the checker's signs (what a scammer does, in words
 * close to the rule against it), headings, titles, summaries (which, like a rule's screen form,
 * sum a page up in few words), lesson materials and the police release's own words.
 */

/** The parts of a file that give advice: red flags, signs' names, headings, titles and markup taken out. */
function adviceWords(path: string, text: string): string {
  const strings = path.endsWith('.ts') ? text.split('\n').filter((line) => /^\s*'[\w.]+': /.test(line)).join('\n') : text;
  return strings
    .replace(/<RedFlags[^>]*>[\s\S]*?<\/RedFlags>/g, ' ')
    .replace(/^(?:redFlags|materials):\n(?:\s+-.*\n)+/gm, ' ')
    .replace(/^(\s*)(?:-\s*)?(?:label|title|name):\s*\n(?:\1\s+.*\n)*/gm, ' ')
    .replace(/^\s*(?:-\s*)?(?:label|phrases|title|summary|name|key|screen|id):.*$/gm, ' ')
    .replace(/^#+ .*$/gm, ' ')
    .replace(/《[^》]*》/g, ' ')
    .replace(/\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}

/**
 * A sentence that tells what a scammer says or does, or asks the reader a question (a clip's
 * hook), in the words of the rule against it: a sign, not advice.
 */
const SIGN = {
  zh: /^(?!.*(?:骗局|诈骗|骗子))(?:[-\d.\s]*)(?:要你|让你|叫你|对方要|卖家要|自称|说你|说孩子)|[？?]["”]?$/,
  en: /^(?!.*scam)(?:[-\d.\s"]*)(?:but |then )?(?:they|someone|the (?:caller|seller|lender|scammer)|an? .{0,30}?(?:asks|wants|says|calls|tells))\b|\?["”]?$/i,
};

/** Character pairs of the release: a sentence made of them is the police's own words, which pages may quote. */
const releasePairs = new Set(units(release, 'zh'));
const inRelease = (sentence: string) => {
  const own = units(sentence, 'zh');
  return own.length > 0 && own.filter((p) => releasePairs.has(p)).length / own.length >= 0.9;
};

/**
 * Sentences that share words with a rule but state no rule of their own, each with why. Keep it
 * short: a sentence that states a rule belongs in content/advice/.
 */
const ALLOWED: { path: string; has: string; why: string }[] = [
  { path: 'content/news/2026-11-26-three-groups-tips.mdx', has: '', why: 'an explainer that reads the release’s tips to the three groups' },
  { path: 'content/en/news/2026-11-26-three-groups-tips.mdx', has: '', why: 'the English explainer of the release’s tips' },
  { path: 'content/en/audiences/finance-staff.mdx', has: 'Transfer with care:', why: 'the release’s 慎转账, which the zh page quotes' },
  { path: 'content/guides/report.mdx', has: '和对方的全部聊天记录', why: 'an item in the list of evidence to keep' },
  { path: 'content/audiences/students.mdx', has: '离开购物平台、私下交易', why: 'a scam named by its sign' },
  { path: 'content/en/audiences/parents.mdx', has: 'want them to pay first', why: 'a scam named by its sign' },
  { path: 'content/clips/online-loans.yaml', has: 'But before paying out', why: 'a clip scene showing the scam’s demand' },
  { path: 'content/en/scams/investment.mdx', has: 'You must first pay a fee', why: 'a step of the scam as told in the story' },
  { path: 'content/lessons/upper-primary.mdx', has: '付款码、验证码谁要都不给', why: 'what the child in the role play says' },
  { path: 'content/clips/seniors-four-rules.yaml', has: 'Two, don’t transfer money', why: 'the seniors’ four steps (挂断、不转账、问家人、打110), counted off' },
  { path: 'content/en/guides/report.mdx', has: 'Change the passwords', why: 'a step of /report/ that shares words with the money-mule rule only' },
  { path: 'src/lib/i18n.ts', has: 'Treat anyone who asks you', why: 'the home page’s one-line summary of the warning signs' },
];
const allowed = (path: string, sentence: string) => ALLOWED.some((a) => a.path === path && sentence.includes(a.has));

function found(lang: Lang): string[] {
  const ruleTexts = new Map(rules.map((r) => [r.id, r.text[lang]]));
  return scanned.flatMap(({ path, text }) =>
    restatements(adviceWords(path, text), ruleTexts, lang)
      .filter((r) => !SIGN[lang].test(r.sentence) && !(lang === 'zh' && inRelease(r.sentence)) && !allowed(path, r.sentence))
      .map((r) => `${path}: “${r.sentence}” says ${r.rule} again (${Math.round(r.share * 100)}%)`),
  );
}

describe('a paraphrase of a rule is found', () => {
  const callBack = rules.find((r) => r.id === 'call-back-known-number')!;
  const noSafeAccount = rules.find((r) => r.id === 'no-safe-account')!;
  const aiCalls = rules.find((r) => r.id === 'ai-can-fake-voice-video')!;

  test.each([
    ['zh', '声音、视频都能用AI合成，熟人让你转钱，先打原来存的号码核实，没核实别转。', aiCalls.text.zh],
    ['zh', '不要回拨对方给的号码，要核实就打你原来存的号码。', callBack.text.zh],
    ['zh', '世上根本没有“安全账户”，要你把钱转进安全账户的都是骗子。', noSafeAccount.text.zh],
    ['en', 'AI can fake a voice or a video, so if a friend asks for money, call the number you already have first.', aiCalls.text.en],
    ['en', 'Don’t ring back a number the caller gave you; to check, call a number you already had.', callBack.text.en],
    ['en', 'There is no such thing as a “safe account”, and anyone telling you to move money into it is a scammer.', noSafeAccount.text.en],
  ] as const)('%s: “%s”', (lang, planted, rule) => {
    expect(ruleShare(planted, rule, lang)).toBeGreaterThanOrEqual(PARAPHRASE_LIMITS[lang].share);
    expect(restatements(`${lang === 'zh' ? '前后文。' : 'Context first. '}${planted}`, new Map([['the-rule', rule]]), lang).map((r) => r.rule)).toEqual(['the-rule']);
  });

  test.each([
    ['zh', '骗子常说：“你的账户涉嫌洗钱，要转到安全账户。”', noSafeAccount.text.zh],
    ['zh', '这节课讲三种常见的骗局。', callBack.text.zh],
    ['en', 'The caller says your account is linked to money laundering.', noSafeAccount.text.en],
    ['en', 'This lesson covers three common scams.', callBack.text.en],
  ] as const)('%s: a sentence on the same topic that states no rule is left alone: “%s”', (lang, sentence, rule) => {
    expect(ruleShare(sentence, rule, lang)).toBeLessThan(PARAPHRASE_LIMITS[lang].share);
  });

  test('a sentence too short to say a rule on its own is left alone', () => {
    expect(ruleShare('不转账。', '不转账，不付款。对方催得越急，越要停下。', 'zh')).toBe(0);
  });

  test('sentences end at full stops, colons and line breaks', () => {
    expect(sentences('记住：先挂断。再打 110！\n问家人', 'zh')).toEqual(['记住', '先挂断', '再打 110', '问家人']);
    expect(sentences('Hang up. Then call 110: ask.\nDone', 'en')).toEqual(['Hang up.', 'Then call 110:', 'ask.', 'Done']);
  });
});

describe('no rule of advice is said again in other words', () => {
  test('the scan reads lessons, audiences, quizzes, clips and the UI strings', () => {
    const paths = scanned.map((s) => s.path);
    for (const path of ['content/lessons/middle-school.mdx', 'content/en/audiences/seniors.mdx', 'content/quizzes/seniors.yaml', 'content/clips/ai-impersonation.yaml', 'src/lib/i18n.ts']) {
      expect(paths).toContain(path);
    }
  });

  test.each(['zh', 'en'] as const)('%s: every sentence that states a rule shows the rule', (lang) => {
    expect(found(lang)).toEqual([]);
  });
});
