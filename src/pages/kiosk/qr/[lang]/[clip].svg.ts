import type { APIRoute } from 'astro';
import { allClips } from '../../../../lib/clips';
import { qrSvg } from '../../../../lib/qr';
import { absoluteUrl, localePath } from '../../../../lib/routes';

/** One QR code per clip and caption language, pointing at the page the clip points to. */
export async function getStaticPaths() {
  const clips = await allClips();
  return clips.flatMap((clip) => (['zh', 'en'] as const).map((lang) => ({ params: { lang, clip: clip.id }, props: { page: clip.page, lang } })));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { page, lang } = props as { page: string; lang: 'zh' | 'en' };
  const svg = await qrSvg(absoluteUrl(localePath(lang === 'en' ? 'en' : 'zh-CN', page), site));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
