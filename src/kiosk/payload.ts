/**
 * What the build tells a kiosk screen, and what it publishes about each venue's reels. Both come
 * from one builder, `kioskPayload()` in src/queries/kiosk.ts; the screen's driver reads
 * `KioskData` from its page, and /kiosk/<venue>.json is `ReelFile`.
 */

/** A clip as the screen plays it. */
export interface KioskClip {
  id: string;
  src: string;
  captions: { zh: string; en: string };
  poster: string;
  durationSeconds: number;
  /** The portrait cut, for screens taller than wide; its SHA-256 is in `media` with the others. */
  portrait?: { src: string; durationSeconds: number };
}

/** A file the screen keeps for offline play. */
export interface MediaFile {
  url: string;
  /** Hex SHA-256 of the file, from the build. */
  sha256: string;
  /** The clip the file belongs to. */
  clip: string;
}

/** The data in a screen's page. */
export interface KioskData {
  venue: string;
  reels: { key: string; clips: KioskClip[] }[];
  schedule: unknown;
  /** Every file the screen needs offline, beyond what the service worker precaches, with its SHA-256. */
  media: MediaFile[];
  /** The Ed25519 public key alerts are checked with (32 bytes, base64); null shows no alerts. */
  alertKey: string | null;
  /** Where the heartbeat goes and which build this is; null sends none. */
  report: { url: string; build: string } | null;
}

/** A clip as /kiosk/<venue>.json lists it: what the screen plays, its title and page, and each file's SHA-256 by path. */
export interface ListedClip extends KioskClip {
  title: { zh: string; en: string };
  page: string;
  sha256: Record<string, string>;
}

/**
 * /kiosk/<venue>.json: `clips` is the default reel; `reels` and `schedule` add the reels picked by
 * time of day.
 */
export interface ReelFile {
  venue: string;
  name: { zh: string; en: string };
  totalSeconds: number;
  clips: ListedClip[];
  reels: Record<string, { name: { zh: string; en: string }; totalSeconds: number; clips: ListedClip[] }>;
  schedule: unknown;
}
