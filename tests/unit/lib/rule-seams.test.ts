import { describe, expect, test } from 'vitest';
import { closeRuleSeams } from '../../../src/lib/rule-seams';

describe('closeRuleSeams', () => {
  test('two rule spans side by side lose the line break between them', () => {
    const html = '<li><span class="fz-advice" data-advice="a">不转账。</span>\n<span class="fz-advice" data-advice="b">不共享。</span></li>';
    expect(closeRuleSeams(html)).toBe('<li><span class="fz-advice" data-advice="a">不转账。</span><span class="fz-advice" data-advice="b">不共享。</span></li>');
  });
  test('other spaces stay', () => {
    const html = '<p>拨打 110</p>\n<p><span class="fz-advice" data-advice="a">不转账。</span> 其他</p>';
    expect(closeRuleSeams(html)).toBe(html);
  });
});
