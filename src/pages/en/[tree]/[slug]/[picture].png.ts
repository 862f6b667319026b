import type { APIRoute } from 'astro';
import { picturePaths } from '../../../../queries/posters';
import { pictureResponse } from '../../../../queries/page-pictures';

/** /en/scams/<slug>/poster.png, /en/scams/<slug>/og.png and the same for /en/audiences/. */
export const getStaticPaths = () => picturePaths('en');
export const GET: APIRoute = ({ props, site }) => pictureResponse(props as Awaited<ReturnType<typeof picturePaths>>[number]['props'], 'en', site);
