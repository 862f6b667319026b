import type { APIRoute } from 'astro';
import elder from '../styles/elder.css?raw';
import { noScriptElderCss } from '../node/elder-css';

/** 长者模式 for a browser without JavaScript: the rules of elder.css on the checked switch. */
export const GET: APIRoute = () => new Response(noScriptElderCss(elder), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
