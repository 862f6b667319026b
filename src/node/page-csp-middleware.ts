import { defineMiddleware } from 'astro:middleware';
import { withInlineHashes } from './page-csp';

/**
 * At build time, every HTML page leaves rendering with its meta policy allowing its own inline
 * styles and scripts by hash (see page-csp.ts). The dev server's pages are left as they are.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (import.meta.env.DEV || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = withInlineHashes(await response.text(), `${context.url.pathname} (the page's HTML)`);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
