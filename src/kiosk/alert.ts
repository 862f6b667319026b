/** An operator's message that covers the screen until it expires. */
export interface Alert {
  message: { zh: string; en: string };
  startsAtMs: number;
  expiresAtMs: number;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const time = (v: unknown) => (typeof v === 'string' && /\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : Number.NaN);

/** One alert from the file, or null when it is malformed or not for this venue. */
function parseAlert(raw: unknown, venue: string): Alert | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const a = raw as Record<string, unknown>;
  const message = a.message as Record<string, unknown> | undefined;
  const zh = text(message?.zh);
  const en = text(message?.en);
  if (!zh || !en) return null;
  const venues = a.venues;
  const forVenue = venues === 'all' || (Array.isArray(venues) && (venues.includes(venue) || venues.includes('all')));
  if (!forVenue) return null;
  const startsAtMs = time(a.startsAt);
  const expiresAtMs = time(a.expiresAt);
  if (!Number.isFinite(startsAtMs) || !Number.isFinite(expiresAtMs) || expiresAtMs <= startsAtMs) return null;
  return { message: { zh, en }, startsAtMs, expiresAtMs };
}

/**
 * The alert this venue shows at `nowMs`, from the parsed contents of /kiosk/alert.json: a single
 * alert object, or `{ "alerts": [...] }`. Anything missing, malformed, expired or for other venues
 * gives null, and the loop goes on. With several active alerts, the one that started last wins.
 */
export function activeAlert(file: unknown, venue: string, nowMs: number): Alert | null {
  const list = Array.isArray((file as { alerts?: unknown })?.alerts) ? (file as { alerts: unknown[] }).alerts : [file];
  let best: Alert | null = null;
  for (const raw of list) {
    const alert = parseAlert(raw, venue);
    if (!alert || nowMs < alert.startsAtMs || nowMs >= alert.expiresAtMs) continue;
    if (!best || alert.startsAtMs > best.startsAtMs) best = alert;
  }
  return best;
}

/** Why the file shows nothing at `nowMs`, for the installer's log; null when it has no alerts. */
export function whyNoAlert(file: unknown, venue: string, nowMs: number): string | null {
  const list = Array.isArray((file as { alerts?: unknown })?.alerts) ? (file as { alerts: unknown[] }).alerts : [file];
  if (list.length === 0) return null;
  const reasons = new Set<string>();
  for (const raw of list) {
    const forAll = parseAlert(raw, venue) ?? parseAlert({ ...(raw as object), venues: 'all' }, venue);
    if (!forAll) reasons.add('malformed');
    else if (!parseAlert(raw, venue)) reasons.add(`not for ${venue}`);
    else if (nowMs >= forAll.expiresAtMs) reasons.add('expired');
    else if (nowMs < forAll.startsAtMs) reasons.add('not started');
  }
  return [...reasons].join(', ') || null;
}
