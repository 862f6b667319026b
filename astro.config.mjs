// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

/**
 * The public address the site is served from. Canonical links, hreflang, feeds and the
 * sitemap are absolute, so a production build must set SITE_URL (see README).
 */
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Every style and script is a file of our own origin, so the Content-Security-Policy needs
  // no 'unsafe-inline' and no hashes.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  i18n: {
    defaultLocale: 'zh-CN',
    locales: ['zh-CN', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'zh-CN', locales: { 'zh-CN': 'zh-CN', en: 'en' } },
      filter: (page) => !/\/404\/?$/.test(page),
    }),
  ],
  devToolbar: { enabled: false },
});
