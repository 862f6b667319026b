import { describe, expect, test } from 'vitest';
import { signalProblems, type SignalSource } from '../../../src/lib/check/compile';
import { check } from '../../../src/lib/check/match';
import { SCAM_SLUGS } from '../../../src/lib/taxonomy';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readArticles, readYaml, ROOT } from '../helpers';
import { contentCheckData } from './content-data';

const source = (id: string, phrases: string[], categories: string[] = []): SignalSource => ({ id, weight: 1, phrases, categories, own: false, file: 'content/signals.yaml' });

describe('signals in content', () => {
  const data = contentCheckData();

  test('compile with no repeated id, no phrase in two signals and no unknown category', () => {
    expect(data.signals.length).toBeGreaterThan(20);
  });

  test.each(readArticles('scams').map((f) => [f.slug, f] as const))('scams/%s.mdx declares at least two signals', (_slug, file) => {
    expect(((file.data.signals ?? []) as unknown[]).length).toBeGreaterThanOrEqual(2);
  });

  test('every scam category has an article with signals', () => {
    expect(readArticles('scams').filter((f) => ((f.data.signals ?? []) as unknown[]).length > 0).map((f) => f.slug).sort()).toEqual([...SCAM_SLUGS].sort());
  });

  test.each(readArticles('scams', true).map((f) => [f.slug, f] as const))('en/scams/%s.mdx leaves signals to the zh article', (_slug, file) => {
    expect(file.data.signals ?? []).toEqual([]);
  });

  test('a signal explained by a rule of advice names a rule that exists', () => {
    const written = [...readYaml<{ id: string; advice?: string }[]>('signals.yaml'), ...readArticles('scams').flatMap((f) => (f.data.signals ?? []) as { id: string; advice?: string }[])];
    const missing = written.filter((s) => s.advice && !existsSync(join(ROOT, 'content/advice', `${s.advice}.yaml`)));
    expect(missing.map((s) => `${s.id}: ${s.advice}`)).toEqual([]);
    expect(written.filter((s) => s.advice).length).toBeGreaterThan(5);
  });

  test('traditional forms of the phrases come with the page, as a small fold table', () => {
    expect(check('請把驗證碼發給我', data).found.map((f) => f.id)).toContain('code-asked');
    expect(check('打開螢幕共享', data).found.map((f) => f.id)).toContain('screen-share');
    expect(Array.from(data.fold).length / 2).toBeLessThan(600);
  });
});

describe('signal problems', () => {
  test.each([
    [[source('a', ['验证码']), source('a', ['屏幕共享'])], 'content/signals.yaml: signals: id "a" is also used in content/signals.yaml'],
    [[source('a', ['验证码']), source('b', ['验 证 码'])], 'content/signals.yaml: signals: b: phrase "验 证 码" is also in signal "a"'],
    [[source('a', ['“码”'])], 'content/signals.yaml: signals: a: phrase "“码”" has fewer than 2 letters once spaces and punctuation go'],
    [[source('a', ['验证码'], ['no-such-scam'])], 'content/signals.yaml: signals: a: unknown scam category "no-such-scam"'],
  ])('%#: %s', (signals, problem) => {
    expect(signalProblems(signals, ['online-shopping'])).toEqual([problem]);
  });
});
