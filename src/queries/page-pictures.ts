import type { CollectionEntry } from 'astro:content';
import type { Locale } from '../lib/i18n';
import { ogSvg, posterSvg } from '../lib/poster/layout';
import { picturePath, posterWords, type PagePicture } from './posters';
import { FitError } from '../lib/svg/text-fit';
import { renderPng, typesetterFor } from '../node/picture';

/**
 * The PNG response for one picture of a scam or audience page. Text that does not fit its box
 * fails the build, naming the picture, the article and the field.
 */
export async function pictureResponse(
  props: { entry: CollectionEntry<'scams'> | CollectionEntry<'audiences'>; picture: PagePicture },
  locale: Locale,
  site: URL | undefined,
): Promise<Response> {
  const { entry, picture } = props;
  const words = await posterWords(entry, locale, site);
  const name = picturePath(locale, entry.collection, entry.data.key, picture);
  let svg: string;
  try {
    svg = (picture === 'poster' ? posterSvg : ogSvg)(words, typesetterFor(words.lang));
  } catch (error) {
    if (error instanceof FitError) throw new Error(`${name} (${entry.filePath}): ${error.message}`);
    throw error;
  }
  return new Response(new Uint8Array(renderPng(svg, name)), { headers: { 'Content-Type': 'image/png' } });
}
