/**
 * The 备案 numbers a site served from mainland China shows in its footer: the MIIT ICP number
 * (SITE_ICP, linked to the MIIT 备案 site) and the public security record (SITE_PSB, linked to its
 * record on the 公安备案 site, as the official badge links it). Read at build time; a page shows
 * them only when they are set, and a malformed number fails the build naming the variable.
 */
export interface BeianLink {
  /** The number as the authority issued it, e.g. 沪ICP备12345678号-1. */
  text: string;
  /** Where it is looked up. */
  href: string;
}

const ICP = /^[\u4e00-\u9fff]ICP备\d{4,}号(-\d+)?$/;
const PSB = /^[\u4e00-\u9fff]公网安备\s?(\d{10,})\s?号$/;

/** SITE_ICP as a footer link, or null when unset. */
export function icpLink(value: string | undefined): BeianLink | null {
  const text = value?.trim();
  if (!text) return null;
  if (!ICP.test(text)) throw new Error(`SITE_ICP: expected an ICP number such as 沪ICP备12345678号 or 沪ICP备12345678号-1, got ${JSON.stringify(value)}`);
  return { text, href: 'https://beian.miit.gov.cn/' };
}

/** SITE_PSB as a footer link, or null when unset. */
export function psbLink(value: string | undefined): BeianLink | null {
  const text = value?.trim();
  if (!text) return null;
  const code = PSB.exec(text)?.[1];
  if (!code) throw new Error(`SITE_PSB: expected a record such as 沪公网安备31010402000001号, got ${JSON.stringify(value)}`);
  return { text, href: `https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${code}` };
}

/** Both links, in the order Chinese sites show them; empty when neither is set. */
export const beianLinks = (env: { SITE_ICP?: string; SITE_PSB?: string }): BeianLink[] =>
  [icpLink(env.SITE_ICP), psbLink(env.SITE_PSB)].filter((l): l is BeianLink => l !== null);
