import { defineMiddleware } from 'astro:middleware';
import { closeRuleSeams } from '../lib/rule-seams';
import { withInlineHashes } from './page-csp';

/**
 * At build time, every HTML page leaves rendering with its meta policy allowing its own inline
 * styles and scripts by hash (see page-csp.ts), and Chinese pages lose the space MDX leaves between
 * two rules (rule-seams.ts). The dev server's pages are left as they are.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (import.meta.env.DEV || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const text = await response.text();
  const zh = !/^\/en(\/|$)/.test(context.url.pathname);
  const html = withInlineHashes(zh ? closeRuleSeams(text) : text, `${context.url.pathname} (the page's HTML)`);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
