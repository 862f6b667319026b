import type { APIRoute } from 'astro';
import { newsFeed } from '../queries/feed';

export const GET: APIRoute = ({ site }) => newsFeed('zh-CN', site);
