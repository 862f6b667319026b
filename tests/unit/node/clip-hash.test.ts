import { describe, expect, test } from 'vitest';
import { CORNER_RULE, cornerLines, storyboardHash, storyboardSource, type AdviceWords } from '../../../src/node/clip-hash';

const board = 'scenes:\n  - seconds: 7\n    layout: action\n    advice: call-110\n';
const rule = {
  text: { zh: '拿不准就打110问。', en: 'Not sure? Call 110 and ask.' },
  short: { zh: '拿不准\n打110', en: 'Not sure?\nCall 110' },
  source: { publisher: '上海市公安局', title: '通报', date: '2026-01-01', url: 'https://example.org/a' },
};
const hash = (r: AdviceWords & Record<string, unknown>) => storyboardHash(storyboardSource(board, ['call-110', 'call-110'], () => r));

describe('the render hash of a clip that shows a rule', () => {
  test('stays the same when only the rule’s source or the order of its fields changes', () => {
    const moved = { source: { ...rule.source, url: 'https://example.org/b', date: '2026-02-02' }, short: rule.short, text: { en: rule.text.en, zh: rule.text.zh } };
    expect(hash(moved)).toBe(hash(rule));
  });

  test.each([
    ['text.zh', { ...rule, text: { ...rule.text, zh: '拿不准，就打110问。' } }],
    ['text.en', { ...rule, text: { ...rule.text, en: 'Unsure? Call 110.' } }],
    ['short.zh', { ...rule, short: { ...rule.short, zh: '拿不准\n就打110' } }],
    ['short.en', { ...rule, short: { ...rule.short, en: 'Unsure?\nCall 110' } }],
  ])('changes when the rule’s %s changes', (_field, changed) => {
    expect(hash(changed)).not.toBe(hash(rule));
  });

  test('of a storyboard that names no rule still covers the rule in every frame’s corner', () => {
    const read: string[] = [];
    const plain = storyboardSource('title: x\n', [], (id) => (read.push(id), rule));
    expect(read).toEqual([CORNER_RULE]);
    expect(storyboardHash(plain)).not.toBe(storyboardHash('title: x\n'));
    const reworded = storyboardSource('title: x\n', [], () => ({ ...rule, short: { ...rule.short, zh: '拿不准\n就打110' } }));
    expect(storyboardHash(reworded)).not.toBe(storyboardHash(plain));
  });

  test('the corner shows that rule’s Chinese short form, line by line', () => {
    expect(cornerLines((id) => (id === CORNER_RULE ? rule : null!))).toEqual(['拿不准', '打110']);
  });
});
