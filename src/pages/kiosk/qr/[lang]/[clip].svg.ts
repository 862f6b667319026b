import type { APIRoute } from 'astro';
import { allClips } from '../../../../lib/clips';
import { qrSvg } from '../../../../lib/qr';
import { absoluteUrl, localePath } from '../../../../lib/routes';

/** The code the hold card shows, under no clip: the site's home page. */
export const HOLD_QR = 'site';

/**
 * One QR code per clip and caption language, pointing at the page the clip points to, and one
 * for the hold card.
 */
export async function getStaticPaths() {
  const clips = await allClips();
  const taken = clips.find((c) => c.id === HOLD_QR);
  if (taken) throw new Error(`content/clips/${HOLD_QR}.yaml: the clip id "${HOLD_QR}" is the kiosk hold card's QR code; rename the clip`);
  const pages = [...clips.map((clip) => ({ id: clip.id, page: clip.page })), { id: HOLD_QR, page: '/' }];
  return pages.flatMap(({ id, page }) => (['zh', 'en'] as const).map((lang) => ({ params: { lang, clip: id }, props: { page, lang } })));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { page, lang } = props as { page: string; lang: 'zh' | 'en' };
  const svg = await qrSvg(absoluteUrl(localePath(lang === 'en' ? 'en' : 'zh-CN', page), site));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
