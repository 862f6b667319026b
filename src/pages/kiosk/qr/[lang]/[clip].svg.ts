import type { APIRoute } from 'astro';
import { allClips } from '../../../../queries/clips';
import { qrSvg } from '../../../../lib/qr';
import { absoluteUrl, KIOSK_SITE_QR, localePath } from '../../../../lib/routes';

/**
 * One QR code per clip and caption language, pointing at the page the clip points to, and one
 * for the hold card.
 */
export async function getStaticPaths() {
  const clips = await allClips();
  const taken = clips.find((c) => c.id === KIOSK_SITE_QR);
  if (taken) throw new Error(`content/clips/${KIOSK_SITE_QR}.yaml: the clip id "${KIOSK_SITE_QR}" is the kiosk hold card's QR code; rename the clip`);
  const pages = [...clips.map((clip) => ({ id: clip.id, page: clip.page })), { id: KIOSK_SITE_QR, page: '/' }];
  return pages.flatMap(({ id, page }) => (['zh', 'en'] as const).map((lang) => ({ params: { lang, clip: id }, props: { page, lang } })));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { page, lang } = props as { page: string; lang: 'zh' | 'en' };
  const svg = await qrSvg(absoluteUrl(localePath(lang === 'en' ? 'en' : 'zh-CN', page), site));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
