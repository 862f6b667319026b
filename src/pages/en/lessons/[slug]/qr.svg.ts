import type { APIRoute } from 'astro';
import { lessonQrResponse } from '../../../../lib/lesson-qr';
import { lessonPaths } from '../../../../lib/lessons';

export const getStaticPaths = () => lessonPaths('en');
export const GET: APIRoute = ({ params, site }) => lessonQrResponse('en', params.slug!, site);
