import type { APIRoute } from 'astro';
import { lessonQrResponse } from '../../../lib/lesson-qr';
import { lessonPaths } from '../../../lib/lessons';

export const getStaticPaths = () => lessonPaths('zh-CN');
export const GET: APIRoute = ({ params, site }) => lessonQrResponse('zh-CN', params.slug!, site);
