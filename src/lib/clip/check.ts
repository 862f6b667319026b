/**
 * Checks of a storyboard's scenes shared by the content schema (the build) and `npm run clips`:
 * the layout is known, phone screens show only masked numbers and links and no real brand,
 * flags point at what the screen has, and every text fits its box and is legible.
 */
import { screenTextProblem } from '../clip-text.ts';
import { PHONE_LAYOUTS, TEXT_LAYOUTS, sceneProblems, type ClipScene } from './frame.ts';

/** A number as a phone shows it, masked: `+00 ···· ····`, `1069 ····`; only 0 as a digit. */
export function maskedNumberProblem(value: string): string | null {
  if (!/^[+0-9 ·*()-]+$/.test(value)) return `"${value}" must be a masked number such as +00 ···· ····`;
  if (/[1-9]/.test(value)) return `"${value}" looks like a real number: write digits as 0 and mask the rest with ····`;
  if ((value.match(/[·*]/g) ?? []).length < 4) return `"${value}" must mask at least four digits with · or *`;
  return null;
}

// A link as a phone shows it, masked (http://***.***/…): no letters in the host or path.
export function maskedLinkProblem(value: string): string | null {
  if (!/^https?:\/\/[*.]+(\/[*…./]*)?$/.test(value) || !value.includes('*')) {
    return `"${value}" must be a masked link such as http://***.***/…, never a real or plausible domain`;
  }
  return null;
}

/** Brands, apps and banks a phone screen must not name: the scenes are neutral drawings. */
const BRANDS = ['微信', 'WeChat', '支付宝', 'Alipay', '淘宝', '天猫', '京东', '拼多多', '抖音', '快手', '美团', '闲鱼', 'QQ', '工商银行', '农业银行', '中国银行', '建设银行', '交通银行', '招商银行', '邮储银行', '浦发银行', '云闪付', '银联'];

/**
 * Free text that looks like a real number, a domain or (on the phone itself, `brands` true) a
 * brand. The words beside the phone are narration, like the captions, and may name an app.
 */
export function realLookingProblem(value: string, brands = true): string | null {
  const digits = value.replace(/[\s-]/g, '').match(/\d{5,}/g) ?? [];
  if (digits.some((d) => /[1-9]/.test(d))) return `"${value}" looks like a real phone or account number: show numbers only masked (+00 ···· ····)`;
  if (/\bwww\.|[a-z0-9-]+\.(com|cn|net|org|top|xyz|vip|cc|io|app|info|me|shop|club)\b/i.test(value)) return `"${value}" looks like a domain: show links only masked (http://***.***/…)`;
  const brand = brands ? BRANDS.find((b) => value.includes(b)) : undefined;
  if (brand) return `"${value}" names ${brand}: phone scenes name no real app, company or bank`;
  return null;
}

/** An amount as a payment page shows it: ¥ 50,000.00. */
const AMOUNT = /^¥ ?\d{1,3}(,\d{3})*(\.\d\d)?$/;

/** The masked fields and the free-text fields of each phone layout. */
const FIELDS: Record<(typeof PHONE_LAYOUTS)[number], { masked: Record<string, 'number' | 'link'>; text: string[] }> = {
  call: { masked: { number: 'number' }, text: ['name'] },
  chat: { masked: {}, text: ['title'] },
  sms: { masked: { sender: 'number', link: 'link' }, text: ['text'] },
  prompt: { masked: {}, text: ['title', 'body', 'confirm', 'cancel'] },
  payment: { masked: { account: 'number' }, text: ['title', 'payee', 'note', 'confirm'] },
  document: { masked: {}, text: ['title', 'body', 'issuer'] },
};

/** A scene as the storyboard writes it (before a rule's words are filled in). */
type Written = Partial<ClipScene> & { seconds: number; layout: string; advice?: string; caption?: unknown };

/**
 * Problems of one scene as `field: message`. `drawn` is the scene with a rule's words filled in
 * (resolveScenes); the schema, which does not read the rules, passes the written scene.
 */
export function sceneCheck(written: Written, drawn: ClipScene = written as ClipScene): string[] {
  const layout = written.layout;
  const isText = (TEXT_LAYOUTS as readonly string[]).includes(layout);
  const phone = (PHONE_LAYOUTS as readonly string[]).includes(layout) ? (layout as (typeof PHONE_LAYOUTS)[number]) : null;
  if (!isText && !phone) return [`layout: unknown layout "${layout}" (known: ${[...TEXT_LAYOUTS, ...PHONE_LAYOUTS].join(', ')})`];
  const problems: string[] = [];
  const record = written as unknown as Record<string, unknown>;
  for (const other of PHONE_LAYOUTS) {
    if (other !== phone && record[other] !== undefined) problems.push(`${other}: a ${layout} scene draws no ${other} screen`);
  }
  if (isText) {
    if (written.flags?.length) problems.push(`flags: a ${layout} scene shows no phone to flag`);
    if (!written.advice) {
      const problem = screenTextProblem(String(written.screen ?? ''));
      if (problem) problems.push(`screen: ${problem}`);
    }
  } else {
    if (written.advice) problems.push(`advice: a ${layout} scene shows a phone screen, not a rule`);
    if (!written.flags?.length) problems.push(`flags: a ${layout} scene rings at least one element`);
    const data = record[phone!] as Record<string, unknown> | undefined;
    if (!data) return [...problems, `${phone}: a ${layout} scene needs its ${phone} screen`];
    for (const [key, kind] of Object.entries(FIELDS[phone!].masked)) {
      if (phone === 'sms' && key === 'link' && data.link === undefined) continue;
      const problem = (kind === 'number' ? maskedNumberProblem : maskedLinkProblem)(String(data[key] ?? ''));
      if (problem) problems.push(`${phone}.${key}: ${problem}`);
    }
    const texts: [string, unknown][] = FIELDS[phone!].text.map((key) => [`${phone}.${key}`, data[key]]);
    if (phone === 'chat') (data.messages as { text?: string }[] | undefined)?.forEach((m, i) => texts.push([`chat.messages[${i}].text`, m.text]));
    texts.push(['screen', written.screen], ...(written.flags ?? []).map((f, i): [string, unknown] => [`flags[${i}].label`, f.label]));
    for (const [field, value] of texts) {
      const problem = typeof value === 'string' ? realLookingProblem(value, field !== 'screen') : null;
      if (problem) problems.push(`${field}: ${problem}`);
    }
    if (phone === 'payment' && !AMOUNT.test(String(data.amount ?? ''))) problems.push(`payment.amount: "${String(data.amount)}" must read like ¥ 50,000.00`);
  }
  if (problems.length) return problems;
  if (written.advice && drawn === (written as ClipScene)) return [];
  return sceneProblems({ ...drawn, screen: drawn.screen ?? '' });
}

/** Problems of every scene, as `scenes[i].field: message`. */
export function clipSceneProblems(written: readonly Written[], drawn: readonly ClipScene[] = written as ClipScene[]): string[] {
  return written.flatMap((scene, i) => sceneCheck(scene, drawn[i]).map((p) => `scenes[${i}].${p}`));
}
