import type { APIRoute } from 'astro';
import { lessonQrResponse } from '../../../lib/lesson-qr';
import { lessonPath, lessonPaths } from '../../../queries/lessons';

export const getStaticPaths = () => lessonPaths('zh-CN');
export const GET: APIRoute = ({ props, site }) => lessonQrResponse(lessonPath('zh-CN', props.entry), site);
