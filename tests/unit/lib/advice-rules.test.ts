import { describe, expect, test } from 'vitest';
import { adviceFileProblems, adviceIdsIn, adviceSetIdsIn, adviceUsage, duplicateTextProblems, namedSourcesOf, politeZh, quoteProblem, shortLine } from '../../../src/lib/advice-rules';

describe('adviceFileProblems', () => {
  test.each([
    [['never-share-screen.yaml', 'hang-up.yaml'], []],
    [['hang-up.yaml', 'hang-up.yml'], ['content/advice/hang-up.yml: duplicate rule id "hang-up": content/advice/hang-up.yaml has it too']],
    [['Hang-up.yaml', 'hang-up.yaml'], [
      'content/advice/Hang-up.yaml: the file name is the rule id and must be kebab-case (e.g. never-share-screen)',
      'content/advice/hang-up.yaml: duplicate rule id "hang-up": content/advice/Hang-up.yaml has it too',
    ]],
    [['hang_up.yaml'], ['content/advice/hang_up.yaml: the file name is the rule id and must be kebab-case (e.g. never-share-screen)']],
    [['notes.md'], ['content/advice/notes.md: not a rule: a rule is a .yaml file']],
  ])('%j → %j', (names, problems) => expect(adviceFileProblems(names)).toEqual(problems));
});

describe('duplicateTextProblems', () => {
  const rule = (id: string, zh: string, en: string) => ({ id, file: `content/advice/${id}.yaml`, text: { zh, en } });

  test('names the second file when two rules say the same thing', () => {
    expect(duplicateTextProblems([rule('a', '不转账。', 'Don’t pay.'), rule('b', '不转账.', 'Pay nothing.')])).toEqual([
      'content/advice/b.yaml: text.zh: the same words as rule "a" (content/advice/a.yaml): write a rule once and reuse its id',
    ]);
  });

  test('different rules pass', () => {
    expect(duplicateTextProblems([rule('a', '不转账。', 'Don’t pay.'), rule('b', '先挂断。', 'Hang up.')])).toEqual([]);
  });
});

describe('quoteProblem', () => {
  const source = '如果实在不确定,请及时拨打110报警电话咨询。';
  test.each([
    ['如果实在不确定，请及时拨打110报警电话咨询。', null],
    ['如果实在不确定,请及时拨打 110 报警电话咨询。', null],
    ['如果不确定,请及时拨打110报警电话咨询。', 'is not word for word in the source'],
  ])('%s', (quote, problem) => expect(quoteProblem(quote, source)).toBe(problem));
});

describe('adviceIdsIn', () => {
  test.each([
    ['content/scams/x.mdx', 'Text <Advice id="hang-up" /> and <AdviceList ids={["a-b", \'c\']} ordered />', ['hang-up', 'a-b', 'c']],
    ['content/scams/x.mdx', '<AdviceList set="first-ten-minutes" />', []],
    ['content/clips/x.yaml', 'scenes:\n  - layout: action\n    advice: answer-96110\n', ['answer-96110']],
    ['content/advice-sets.yaml', '- id: s\n  advice: [a, b]\n', ['a', 'b']],
    ['src/x.ts', "await adviceRule('never-tell-codes', locale); // adviceRule('…')", ['never-tell-codes']],
    ['src/x.ts', '<Advice id="in-a-comment" />', []],
    ['src/X.astro', '<Advice id="hang-up" />', ['hang-up']],
    ['content/lessons/x.mdx', '---\nobjectives:\n  - text: 识破骗局，记住\n    advice: job-upfront-money\n---\n<Advice id="hang-up" form="short" />', ['job-upfront-money', 'hang-up']],
  ])('%s: %s', (path, text, ids) => expect(adviceIdsIn(path, text)).toEqual(ids));
});

describe('shortLine', () => {
  test.each([
    ['熟人网上借钱\n先打电话核实', 'zh', '熟人网上借钱，先打电话核实'],
    ['96110 来电要接听\n照劝阻做 不转账', 'zh', '96110 来电要接听，照劝阻做，不转账'],
    ['拿不准\n拨打 110 问一问', 'zh', '拿不准，拨打 110 问一问'],
    ['行程有变动？\n通过官方渠道核实', 'zh', '行程有变动？通过官方渠道核实'],
    ['“免费送皮肤”\n是骗局', 'zh', '“免费送皮肤”，是骗局'],
    ['不开屏幕共享', 'zh', '不开屏幕共享'],
    ['A friend asks for money?\nCall them first', 'en', 'A friend asks for money? Call them first'],
    ['Delete nothing\nUninstall nothing\nShow the police', 'en', 'Delete nothing. Uninstall nothing. Show the police'],
    ['Tell your family\nespecially if told\nto keep it secret', 'en', 'Tell your family especially if told to keep it secret'],
    ['Never share\nyour screen', 'en', 'Never share your screen'],
    ['Don’t transfer\nThe more they rush,\nthe more you stop', 'en', 'Don’t transfer. The more they rush, the more you stop'],
    ['Money gone?\nCall 110 first', 'en', 'Money gone? Call 110 first'],
    ['Never lend your\nID or bank card', 'en', 'Never lend your ID or bank card'],
  ] as const)('puts %j on one line (%s)', (short, lang, line) => expect(shortLine(short, lang)).toBe(line));
});

describe('politeZh', () => {
  test.each([
    ['不转账，对方催得越急，越要停下。', '不转账，对方催得越急，越要停下。'],
    ['请银行冻结你自己的卡。', '请银行冻结您自己的卡。'],
    ['对方让你装的App都留着，你们一家人都要知道。', '对方让您装的App都留着，你们一家人都要知道。'],
  ])('%j → %j', (text, polite) => expect(politeZh(text)).toBe(polite));
});

describe('adviceUsage', () => {
  test('an unknown id names the file; an unused rule is listed', () => {
    expect(
      adviceUsage(['a', 'b'], [
        { path: 'content/scams/x.mdx', ids: ['a', 'nope'] },
        { path: 'content/clips/y.yaml', ids: ['a'] },
      ]),
    ).toEqual({ unknown: ['content/scams/x.mdx: unknown advice id "nope": there is no content/advice/nope.yaml'], unused: ['b'] });
  });
});

describe('adviceSetIdsIn', () => {
  test('finds the sets an MDX body lists, in order, and nothing else', () => {
    const body = '<AdviceList set="not-sure" ordered />\n<AdviceList ids={["a-b"]} />\n<AdviceList ordered set=\'first-ten-minutes\' urgent />';
    expect(adviceSetIdsIn(body)).toEqual(['not-sure', 'first-ten-minutes']);
  });
});

describe('namedSourcesOf', () => {
  const shaoxing = { publisher: '绍兴市公安局', title: '防范常识', date: new Date('2025-05-12'), url: 'https://ga.sx.gov.cn/a.html' };
  const nantong = { publisher: '南通市公安局', title: '别让孩子的寒假，成了骗子的“工作日”！', date: new Date('2026-01-30'), url: 'https://gaj.nantong.gov.cn/b.html' };
  const sources: Record<string, unknown> = {
    'no-safe-account': shaoxing,
    'authorities-never-by-phone': shaoxing,
    'no-free-skins': nantong,
    'call-110-to-ask': { release: { id: 'shanghai-police-release' }, quote: '如果实在不确定,请及时拨打110报警电话咨询。' },
    'hang-up': 'general',
  };
  test('lists each named source once, in order of first use, and skips quotes and general rules', () => {
    expect(namedSourcesOf(['hang-up', 'no-free-skins', 'call-110-to-ask', 'no-safe-account', 'authorities-never-by-phone', 'no-free-skins'], (id) => sources[id])).toEqual([nantong, shaoxing]);
  });
  test('gives nothing for a page whose rules have no named source', () => {
    expect(namedSourcesOf(['hang-up', 'call-110-to-ask'], (id) => sources[id])).toEqual([]);
  });
});
