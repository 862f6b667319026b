import type { APIRoute } from 'astro';
import { lessonQrResponse } from '../../../../lib/lesson-qr';
import { lessonPath, lessonPaths } from '../../../../queries/lessons';

export const getStaticPaths = () => lessonPaths('en');
export const GET: APIRoute = ({ props, site }) => lessonQrResponse(lessonPath('en', props.entry), site);
