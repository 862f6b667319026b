import { qrSvg } from './qr';
import { absoluteUrl } from './routes';

/** Where the QR code of the lesson page at `lessonPagePath` is served. */
export const lessonQrPath = (lessonPagePath: string) => `${lessonPagePath}qr.svg`;

/**
 * The handout's QR code as a file of its own: the lesson page prints the handout, and an image
 * it loads after first paint keeps the page's first response within one TCP flight (issue #19).
 */
export async function lessonQrResponse(lessonPagePath: string, site: URL | undefined): Promise<Response> {
  const svg = await qrSvg(absoluteUrl(lessonPagePath, site));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
}
