#!/usr/bin/env node
// Renders public/og-image.png, the 1200×630 picture shown when a page is shared.
// Run after changing the text: node scripts/render-og-image.mjs (needs Chromium and fonts-noto-cjk).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.mjs';

const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
  body { margin: 0; width: 1200px; height: 630px; display: grid; place-content: center; gap: 28px;
    background: #0b3a75; color: #fff; font-family: "Noto Sans CJK SC", sans-serif; text-align: center; }
  h1 { margin: 0; font-size: 96px; letter-spacing: 8px; }
  p { margin: 0; font-size: 40px; }
  .call { display: inline-block; margin-top: 20px; background: #b3261e; padding: 14px 40px; border-radius: 12px; font-size: 56px; font-weight: 800; }
</style><h1>反诈提醒</h1><p>Scam Alert Shanghai</p><p>不转账 · 不给验证码 · 不开屏幕共享</p><div><span class="call">拨打 110</span></div></html>`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: 'public/og-image.png' });
await browser.close();
console.log('wrote public/og-image.png');
