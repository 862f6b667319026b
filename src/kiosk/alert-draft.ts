/**
 * The body of an operator's alert, from the options of `npm run alert`, checked the way the
 * kiosk will read it. Bad input throws naming the option. Pure: the clock is passed in.
 */

/** Longest text a language may have: two lines on the cover, read from across a hall. */
export const ALERT_MAX_CHARS = 80;
/** Longest an alert may stay up; an operator renews it rather than forgetting it. */
export const ALERT_MAX_MS = 7 * 86_400_000;

export interface AlertDraft {
  zh?: string;
  en?: string;
  /** How long from now: "90m", "2h", "3d". */
  expires?: string;
  /** Venue slugs, comma-separated, or "all". */
  venues?: string;
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds in "<number><m|h|d>", or NaN. A leading minus sign gives a negative time. */
export function durationMs(text: string): number {
  const m = /^(-?\d+(?:\.\d+)?)\s*([mhd])$/.exec(text.trim());
  return m ? Number(m[1]) * UNITS[m[2]!]! : Number.NaN;
}

function message(text: string | undefined, field: '--zh' | '--en'): string {
  const t = (text ?? '').trim();
  if (!t) throw new Error(`${field}: the alert text is empty`);
  const length = [...t].length;
  if (length > ALERT_MAX_CHARS) throw new Error(`${field}: ${length} characters, at most ${ALERT_MAX_CHARS}`);
  return t;
}

/** The alert file's body as text: exactly what is signed. */
export function alertBody(draft: AlertDraft, nowMs: number, knownVenues: readonly string[]): string {
  const zh = message(draft.zh, '--zh');
  const en = message(draft.en, '--en');
  const ms = durationMs(draft.expires ?? '');
  if (!Number.isFinite(ms)) throw new Error(`--expires: must be a time from now such as 90m, 2h or 3d, got ${JSON.stringify(draft.expires ?? '')}`);
  if (ms <= 0) throw new Error(`--expires: ${draft.expires} is in the past`);
  if (ms > ALERT_MAX_MS) throw new Error(`--expires: ${draft.expires} is more than 7 days`);
  const list = (draft.venues ?? 'all').split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = list.filter((v) => v !== 'all' && !knownVenues.includes(v));
  if (list.length === 0 || unknown.length) throw new Error(`--venues: unknown venue ${JSON.stringify(unknown[0] ?? '')}; use ${knownVenues.join(', ')} or all`);
  const venues = list.includes('all') ? 'all' : list;
  const alert = {
    message: { zh, en },
    venues,
    startsAt: new Date(nowMs).toISOString(),
    expiresAt: new Date(nowMs + ms).toISOString(),
  };
  return JSON.stringify({ alerts: [alert] });
}
