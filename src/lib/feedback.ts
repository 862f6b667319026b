/**
 * How a reader reports a problem with the site, as the accessibility statement says it. The
 * operator sets the address at build time (SITE_FEEDBACK_EMAIL, SITE_FEEDBACK_URL; see README,
 * "Deploying"); the statement shows exactly that, and never an address nobody gave it. Without
 * one it says so, and points to what can honestly be found: the organisation behind the ICP
 * number in the footer, or the staff beside a screen.
 */
import { icpLink } from './beian';
import { t, type Locale, type StringKey } from './i18n';

/** A piece of a paragraph: plain text, or a link. */
export type Inline = string | { text: string; href: string };

export interface FeedbackEnv {
  SITE_FEEDBACK_EMAIL?: string;
  SITE_FEEDBACK_URL?: string;
  SITE_ICP?: string;
}

const EMAIL = /^[^\s@<>()[\]"',;:\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const MIIT = 'https://beian.miit.gov.cn/';

/** SITE_FEEDBACK_EMAIL as a mailto link, or null when unset. */
export function feedbackEmail(value: string | undefined): { text: string; href: string } | null {
  const text = value?.trim();
  if (!text) return null;
  if (!EMAIL.test(text)) throw new Error(`SITE_FEEDBACK_EMAIL: expected an email address such as feedback@example.com, got ${JSON.stringify(value)}`);
  return { text, href: `mailto:${text}` };
}

/** SITE_FEEDBACK_URL as a link, or null when unset. Only https: a feedback form sent in the clear could be read on the way. */
export function feedbackUrl(value: string | undefined): { text: string; href: string } | null {
  const text = value?.trim();
  if (!text) return null;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:' || /[\s<>"]/.test(text)) {
    throw new Error(`SITE_FEEDBACK_URL: expected an https:// address such as https://www.example.com/feedback/, got ${JSON.stringify(value)}`);
  }
  return { text, href: url.href };
}

/** A string with `{name}` slots, filled with text or links. */
function fill(template: string, values: Record<string, Inline | Inline[]>): Inline[] {
  return template.split(/(\{\w+\})/).flatMap((part): Inline[] => {
    const slot = /^\{(\w+)\}$/.exec(part)?.[1];
    if (slot === undefined) return part ? [part] : [];
    const value = values[slot];
    if (value === undefined) throw new Error(`feedback: no value for {${slot}} in ${JSON.stringify(template)}`);
    return Array.isArray(value) ? value : [value];
  });
}

/** The paragraphs that tell a reader how to report a problem, from what the operator set. */
export function reportProblem(locale: Locale, env: FeedbackEnv): Inline[][] {
  const s = (key: StringKey) => t(locale, key);
  const email = feedbackEmail(env.SITE_FEEDBACK_EMAIL);
  const url = feedbackUrl(env.SITE_FEEDBACK_URL);
  const icp = icpLink(env.SITE_ICP);
  const ways: Inline[][] = [];
  if (email) ways.push(fill(s('feedback.email'), { email }));
  if (url) ways.push(fill(s('feedback.url'), { url }));
  let first: Inline[];
  if (ways.length) {
    first = fill(s('feedback.ask'), { ways: ways.flatMap((way, i) => [...(i ? [s('feedback.or')] : []), ...way]) });
  } else if (icp) {
    first = fill(s('feedback.beian'), { icp: icp.text, miit: { text: 'beian.miit.gov.cn', href: MIIT } });
  } else {
    first = [s('feedback.none')];
  }
  return [first, [s('feedback.screen')]];
}
