import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

/** axe-core itself, injected into the page under test. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rules of the WCAG 2.0, 2.1 and 2.2 A and AA success criteria. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * axe's violations on the page as it is now, each as "rule: the selectors of its nodes": with
 * `options` (the rules to run), over the elements `scope` selects or the whole document.
 *
 * axe-core is injected once and `axe.run` runs in the page. @axe-core/playwright runs axe in each
 * frame and opens a blank page to put the frames' results together (about 2 s a page here), or in
 * its legacy mode injects axe twice; either costs more than the run itself (about 0.25 s). With a
 * single frame there is nothing to put together and the results are the same, so a page with frames
 * fails here rather than being checked in part.
 */
export async function axeViolations(page: Page, options: RunOptions, scope?: string): Promise<string[]> {
  expect(page.frames().map((frame) => frame.url()), 'axeViolations() checks pages without frames').toHaveLength(1);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ options, scope }) => {
      const { axe } = window as unknown as { axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> } };
      const { violations } = await axe.run(scope ? { include: [scope] } : document, options);
      return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    { options, scope },
  );
}
