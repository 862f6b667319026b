import type { APIRoute } from 'astro';
import { picturePaths } from '../../../queries/posters';
import { pictureResponse } from '../../../queries/page-pictures';

/** /scams/<slug>/poster.png, /scams/<slug>/og.png and the same for /audiences/. */
export const getStaticPaths = () => picturePaths('zh-CN');
export const GET: APIRoute = ({ props, site }) => pictureResponse(props as Awaited<ReturnType<typeof picturePaths>>[number]['props'], 'zh-CN', site);
