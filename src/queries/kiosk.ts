import type { KioskData, ListedClip, ReelFile } from '../kiosk/payload';
import type { Locale } from '../lib/i18n';
import { kioskReportUrl } from '../lib/kiosk-report';
import type { Venue } from '../lib/taxonomy';
import { kioskAlertKey } from '../node/kiosk-alert-key';
import { clipFileHashes } from '../node/media-hash';
import { adviceRule, adviceSetBoth, type Rule } from './advice';
import { venueReels, type Clip, type Reel } from './clips';

/** Names this build in heartbeats: when it was made. */
const BUILD_ID = new Date().toISOString().slice(0, 16).replace(/\D/g, '');

export interface KioskPayload {
  name: { zh: string; en: string };
  /** The venue's reels, the default first, with everything the page draws from them. */
  reels: Reel[];
  /** The data the screen's page carries for its driver. */
  screen: KioskData;
  /** The body of /kiosk/<venue>.json. */
  file: ReelFile;
  /**
   * The hold card, up when no clip can play: the kiosk-hold rules and what to do when 96110
   * calls, in their screen form, the same words as clips and cards.
   */
  hold: { rules: { zh: Rule[]; en: Rule[] }; answer96110: { zh: Rule; en: Rule } };
}

/**
 * Everything the build says about a venue's screens, in one place: the page's data for the
 * driver and the published reel file, both from the venue's checked reels.
 */
export async function kioskPayload(venue: Venue): Promise<KioskPayload> {
  const { name, reels, schedule } = await venueReels(venue);
  const [main, ...others] = reels;
  const listed = (clip: Clip): ListedClip => {
    const { id, title, src, captions, poster, durationSeconds, portrait, page } = clip;
    return { id, title, src, captions, poster, durationSeconds, ...(portrait && { portrait }), page, sha256: clipFileHashes(clip) };
  };
  const clips = [...new Map(reels.flatMap((r) => r.clips).map((c) => [c.id, c])).values()];
  const reportUrl = kioskReportUrl();
  const screen: KioskData = {
    venue,
    reels: reels.map((r) => ({
      key: r.key,
      clips: r.clips.map(({ id, src, captions, poster, durationSeconds, portrait }) => ({ id, src, captions, poster, durationSeconds, portrait })),
    })),
    schedule,
    // The service worker precaches the page and its QR codes; the driver caches these for offline
    // play (both cuts of a clip: a screen can be turned), each checked against its SHA-256 first.
    media: clips.flatMap((c) => Object.entries(clipFileHashes(c)).map(([url, sha256]) => ({ url, sha256, clip: c.id }))),
    alertKey: kioskAlertKey(),
    report: reportUrl ? { url: reportUrl, build: BUILD_ID } : null,
  };
  const file: ReelFile = {
    venue,
    name,
    totalSeconds: main!.totalSeconds,
    clips: main!.clips.map(listed),
    reels: Object.fromEntries(others.map((r) => [r.key, { name: r.name, totalSeconds: r.totalSeconds, clips: r.clips.map(listed) }])),
    schedule,
  };
  const holdRules = await adviceSetBoth('kiosk-hold', 'the kiosk hold card');
  const answer96110 = (locale: Locale) => adviceRule('answer-96110', locale, 'the kiosk hold card');
  const hold = { rules: { zh: holdRules.zh.rules, en: holdRules.en.rules }, answer96110: { zh: await answer96110('zh-CN'), en: await answer96110('en') } };
  return { name, reels, screen, file, hold };
}
