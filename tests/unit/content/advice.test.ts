import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ADVICE_ID, quoteProblem } from '../../../src/lib/advice-rules';
import { screenTextProblem } from '../../../src/lib/clip-text';
import { readYaml, ROOT } from '../helpers';

/**
 * Where a named source may be published: a government site (some still serve plain http), one of
 * the central state media that carry official advisories (新华网, 人民网, 央视网, 光明网), a
 * provincial or municipal Party/government news portal that quotes the police body giving the
 * advice (中原网, 杭州网, 绍兴网), or a city newspaper group's own e-paper or site carrying police
 * advice (平顶山日报社's 平顶山晚报; 北京日报报业集团's 北晚新视觉网). Each host is listed because a
 * rule cites it.
 */
const OFFICIAL_URL =
  /^https?:\/\/([a-z0-9-]+\.)+(gov\.cn|xinhuanet\.com|news\.cn|people\.com\.cn|cctv\.com|gmw\.cn|zynews\.cn|hangzhou\.com\.cn|shaoxing\.com\.cn|pdsxww\.com|takefoto\.cn)\//;

interface Rule {
  text: { zh: string; en: string };
  short: { zh: string; en: string };
  source: 'general' | { release: string; quote: string } | { publisher: string; title: string; date: string; url: string };
}

const dir = join(ROOT, 'content/advice');
const rules = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ id: f.replace(/\.yaml$/, ''), rule: parse(readFileSync(join(dir, f), 'utf8')) as Rule }));
const sources = new Map(readYaml<{ id: string; file: string }[]>('sources.yaml').map((s) => [s.id, readFileSync(join(ROOT, s.file), 'utf8')]));
const sets = readYaml<{ id: string; advice: string[] }[]>('advice-sets.yaml');
const table = rules.map((r) => [r.id, r.rule] as const);

describe('content/advice', () => {
  test('covers the rules issue #12 lists', () => {
    const ids = rules.map((r) => r.id);
    for (const id of [
      'no-safe-account', 'authorities-never-by-phone', 'never-share-screen', 'never-tell-codes', 'call-back-known-number',
      'ai-can-fake-voice-video', 'loan-upfront-fee', 'brushing-is-illegal', 'report-to-110', 'bank-lock-own-card',
      'keep-evidence', 'recovery-is-second-scam', 'answer-96110',
    ]) expect(ids).toContain(id);
  });

  test.each(table)('%s: the id is kebab-case', (id) => expect(id).toMatch(ADVICE_ID));

  test.each(table)('%s: full sentences in zh and en', (_id, rule) => {
    expect(rule.text.zh).toMatch(/[。？！]$/);
    expect(rule.text.en).toMatch(/[.?!]$/);
  });

  test.each(table)('%s: the short forms fit a screen', (_id, rule) => {
    expect(screenTextProblem(rule.short.zh)).toBeNull();
    expect(screenTextProblem(rule.short.en)).toBeNull();
  });

  test.each(table)('%s: has a source, and a quoted one is word for word in its release', (_id, rule) => {
    expect(rule.source).toBeDefined();
    if (rule.source === 'general') return;
    if ('quote' in rule.source) {
      const text = sources.get(rule.source.release);
      expect(text, `unknown release ${rule.source.release}`).toBeDefined();
      expect(quoteProblem(rule.source.quote, text!)).toBeNull();
    } else {
      expect(rule.source.url).toMatch(OFFICIAL_URL);
      expect(rule.source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('no Chinese rule uses 红旗 or 今年以来', () => {
    expect(rules.filter((r) => /红旗|今年以来/.test(r.rule.text.zh + r.rule.short.zh)).map((r) => r.id)).toEqual([]);
  });
});

describe('content/advice-sets.yaml', () => {
  const ids = new Set(rules.map((r) => r.id));
  test('has the sets the site shows', () => {
    expect(sets.map((s) => s.id)).toEqual(expect.arrayContaining(['first-ten-minutes', 'not-sure', 'kiosk-hold']));
  });
  test.each(sets.map((s) => [s.id, s] as const))('%s names only known rules, each once', (_id, set) => {
    expect(set.advice.filter((id) => !ids.has(id))).toEqual([]);
    expect(new Set(set.advice).size).toBe(set.advice.length);
  });
  test('money gone: 110 first, then the bank', () => {
    const first = sets.find((s) => s.id === 'first-ten-minutes')!.advice;
    expect(first.slice(0, 2)).toEqual(['report-to-110', 'bank-lock-own-card']);
  });
});
