import QRCode from 'qrcode';

/**
 * A QR code for `url` as SVG markup, drawn at build time so no page needs a QR library.
 * Black on white with the standard four-module quiet zone: phones read it from a screen or paper.
 */
export async function qrSvg(url: string): Promise<string> {
  if (!/^https?:\/\//.test(url)) throw new Error(`qrSvg: needs an absolute http(s) URL, got ${JSON.stringify(url)}`);
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  return svg.trim();
}
