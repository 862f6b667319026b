import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtPages, fileFor, htmlOf } from './dist';

/**
 * First paint in one round trip (#19): article, guide, news and lesson pages carry their CSS
 * in the HTML, the page's own Content-Security-Policy allows exactly that inline code by hash,
 * nothing is fetched before first paint (no stylesheet, no icon), and the first response fits a
 * first TCP flight.
 */
const FIRST_FLIGHT = 14 * 1024;
const ONE_TRIP = /^(\/en)?\/((scams|audiences|news)\/[^/]+\/|report\/|lessons\/[^/]+\/(handout\/)?)$/;
const pages = builtPages().filter((p) => ONE_TRIP.test(p));

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** The sources a directive of the page's meta policy allows. */
function allowed(html: string, directive: string): string[] {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(html)?.[1] ?? '';
  return policy.split(/;\s*/).find((d) => d.startsWith(`${directive} `))?.split(' ').slice(1) ?? [];
}

test('there are article, guide, news and lesson pages to check', () => {
  expect(pages.filter((p) => /\/lessons\//.test(p)).length).toBeGreaterThanOrEqual(8);
  expect(pages.length).toBeGreaterThanOrEqual(40);
});

for (const path of pages) {
  test(`${path}: no stylesheet or icon to fetch, inline code allowed by hash, first response ≤ 14 KB gzip`, () => {
    const html = htmlOf(path);
    const head = html.slice(0, html.indexOf('</head>'));
    // 长者模式's rules are the one stylesheet a page may load, and only in that mode: written in
    // by the head script when it is on, or, in a browser without JavaScript, linked in <noscript>
    // (which a browser that runs scripts reads as text).
    const noscript = [...html.matchAll(/<noscript>([\s\S]*?)<\/noscript>/g)].map((m) => m[1]!);
    expect(noscript.join('').match(/<link\b[^>]*\brel="stylesheet"[^>]*>/g) ?? []).toEqual(['<link rel="stylesheet" href="/elder-noscript.css">']);
    const markup = html.replace(/<noscript>[\s\S]*?<\/noscript>/g, '').replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    expect(markup.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/g) ?? []).toEqual([]);
    // A classic script in the head would hold up rendering as a stylesheet does.
    expect(head.match(/<script\b(?![^>]*\b(type="module"|defer|async)\b)[^>]*\bsrc=[^>]*>/g) ?? []).toEqual([]);
    expect(head.match(/<link\b[^>]*\brel="icon"[^>]*>/g)?.every((link) => /href="data:image\/svg\+xml,/.test(link))).toBe(true);

    const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]!));
    expect(styles.length).toBeGreaterThan(0);
    expect(styles.filter((hash) => !allowed(html, 'style-src').includes(hash))).toEqual([]);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]!)).map((m) => sha256(m[2]!));
    expect(scripts.filter((hash) => !allowed(html, 'script-src').includes(hash))).toEqual([]);
    expect(allowed(html, 'style-src').concat(allowed(html, 'script-src'))).not.toContain("'unsafe-inline'");

    // What nginx and `npm start` send a browser that accepts gzip: the build's .gz copy.
    const gz = statSync(`${fileFor(path)}.gz`).size;
    expect(gz, `${path}: ${gz} B gzip`).toBeLessThanOrEqual(FIRST_FLIGHT);
  });
}

// In Chromium, through nginx with the headers it sends, one page of each type (the kiosk screens
// aside) is styled from the first response with no Content-Security-Policy violation: checked in
// pages.spec.ts, in the one visit each page gets.
