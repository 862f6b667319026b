import { createHash } from 'node:crypto';
import type { AstroIntegration } from 'astro';

/**
 * Each page's CSS is inlined (issue #19), so each page's `<meta>` Content-Security-Policy must
 * allow exactly its own `<style>` and `<script>` elements. Astro's `security.csp` would do it,
 * but lists the hashes of every inline style and script chunk of the whole site on every page
 * (37 here, about 1.4 KB gzip, a tenth of the first-flight budget); this lists only the page's own.
 */

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
/** Script elements that only carry data; the browser runs nothing from them. */
const DATA_SCRIPT = /\btype="application\/(ld\+)?json"/i;

export const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** What a page's meta policy must list: the hashes of its inline styles and scripts. */
export function inlineCode(html: string): { styles: string[]; scripts: string[] } {
  const styles = [...html.matchAll(STYLE)].map((m) => cspHash(m[1]!));
  const scripts = [...html.matchAll(SCRIPT)].filter((m) => !/\bsrc=/i.test(m[1]!) && !DATA_SCRIPT.test(m[1]!)).map((m) => cspHash(m[2]!));
  return { styles: [...new Set(styles)], scripts: [...new Set(scripts)] };
}

/** Adds `sources` to one directive of a policy; throws when the policy has no such directive. */
function extend(policy: string, directive: string, sources: string[], name: string): string {
  if (sources.length === 0) return policy;
  const parts = policy.split(/;\s*/);
  const at = parts.findIndex((p) => p.split(' ')[0] === directive);
  if (at < 0) throw new Error(`${name}: the page has inline code but its Content-Security-Policy has no ${directive}`);
  parts[at] = [parts[at], ...sources].join(' ');
  return parts.join('; ');
}

/**
 * The page with its meta policy allowing its own inline styles and scripts by hash. Throws,
 * naming the page, when there is not exactly one meta policy, when inline code comes before it
 * (a policy applies only to what follows it), or when an element carries a `style` attribute or
 * an event handler attribute, which no hash can allow without 'unsafe-hashes'.
 */
export function withInlineHashes(html: string, name: string): string {
  const metas = [...html.matchAll(META)];
  if (metas.length !== 1) throw new Error(`${name}: expected one <meta http-equiv="Content-Security-Policy">, found ${metas.length}`);
  const meta = metas[0]!;
  const firstCode = html.search(/<(style|script)\b/i);
  if (firstCode >= 0 && firstCode < meta.index) throw new Error(`${name}: a <style> or <script> comes before the Content-Security-Policy meta tag`);
  const attribute = /<[a-z][\w-]*\s(?:[^>]*\s)?(style|on[a-z]+)=/i.exec(html.replace(STYLE, '').replace(SCRIPT, ''));
  if (attribute) throw new Error(`${name}: an element has a ${attribute[1]}="" attribute, which the Content-Security-Policy refuses; use a class`);
  const { styles, scripts } = inlineCode(html);
  const policy = extend(extend(meta[1]!, 'style-src', styles, name), 'script-src', scripts, name);
  return html.slice(0, meta.index) + meta[0].replace(meta[1]!, () => policy) + html.slice(meta.index + meta[0].length);
}

/**
 * Each page gets the hashes of its own inline code as it is rendered, through a middleware: the
 * HTML is changed before Astro writes it, instead of every page being read and written again
 * after the build (with 5,000 pages, that second pass took longer than rendering them).
 */
export function pageCsp(): AstroIntegration {
  return {
    name: 'fanzha:page-csp',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL('./page-csp-middleware.ts', import.meta.url), order: 'post' });
      },
    },
  };
}
