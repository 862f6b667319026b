import { describe, expect, test } from 'vitest';
import { check } from '../../../src/lib/check/match';
import { SCAM_SLUGS } from '../../../src/lib/taxonomy';
import { readYaml } from '../helpers';
import { contentCheckData } from './content-data';

interface Corpus {
  scam: { category: string; text: string }[];
  ordinary: { kind: string; text: string }[];
}
const corpus = readYaml<Corpus>('../tests/fixtures/check/messages.yaml');
const data = contentCheckData();
const scams = corpus.scam;
const share = (n: number, of: number) => n / of;

describe('the checker on the written corpus (tests/fixtures/check/messages.yaml)', () => {
  test('names only the site’s scam categories', () => {
    expect(scams.map((m) => m.category).filter((c) => !(SCAM_SLUGS as readonly string[]).includes(c))).toEqual([]);
  });

  test('has at least 80 scam messages and 40 ordinary ones, and every scam category has five or more', () => {
    expect(corpus.scam.length).toBeGreaterThanOrEqual(80);
    expect(corpus.ordinary.length).toBeGreaterThanOrEqual(40);
    for (const slug of SCAM_SLUGS) expect(scams.filter((m) => m.category === slug).length, slug).toBeGreaterThanOrEqual(5);
  });

  test('warns or cautions on at least 90% of scam messages', () => {
    const flagged = scams.filter((m) => check(m.text, data).verdict !== 'no-known-signs');
    expect(share(flagged.length, scams.length)).toBeGreaterThanOrEqual(0.9);
  });

  test('names the right category first for at least 80% of scam messages', () => {
    const right = scams.filter((m) => check(m.text, data).categories[0] === m.category);
    expect(share(right.length, scams.length)).toBeGreaterThanOrEqual(0.8);
  });

  test('warns on at most 10% of ordinary messages', () => {
    const warned = corpus.ordinary.filter((m) => check(m.text, data).verdict === 'warning');
    expect(share(warned.length, corpus.ordinary.length)).toBeLessThanOrEqual(0.1);
  });
});
