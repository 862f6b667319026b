import type { APIRoute } from 'astro';
import { filterCss } from '../lib/filter-css';
import { AGE_BANDS, SCAM_SLUGS } from '../lib/taxonomy';

/** The no-JavaScript filter rules for /lessons/ (age bands) and /videos/ (categories). */
export const GET: APIRoute = () =>
  new Response(`${filterCss([...AGE_BANDS, ...SCAM_SLUGS, 'audience', 'guide'])}\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
