/** Scam categories, in the order the site lists them. Slugs are public URLs. */
export const SCAM_SLUGS = [
  'online-shopping',
  'online-loans',
  'part-time-jobs',
  'fake-customer-service',
  'impersonating-contacts',
  'online-romance',
  'impersonating-authorities',
  'investment',
  'ai-impersonation',
  'money-mule',
  'government-services',
  'ticket-refund',
  'game-trading',
  'sextortion',
] as const;
export type ScamSlug = (typeof SCAM_SLUGS)[number];

/** Audiences, in the order the site lists them. Slugs are public URLs. */
export const AUDIENCE_SLUGS = ['finance-staff', 'residents', 'students', 'seniors', 'parents'] as const;
export type AudienceSlug = (typeof AUDIENCE_SLUGS)[number];

/** How a scam reaches people, as the source counts them. */
export const CHANNELS = ['network', 'phone', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Groups of figures on /stats/, in page order. */
export const FACT_GROUPS = ['channels', 'shares', 'year', 'december', 'money', 'warnings', 'finance', 'campaign'] as const;

/** Lesson age bands, youngest first. */
export const AGE_BANDS = ['primary', 'middle', 'high', 'university'] as const;

/** Kinds of news item. */
export const NEWS_KINDS = ['alert', 'news', 'explainer'] as const;

/** Kinds of page the search can filter by. */
export const PAGE_TYPES = ['scam', 'audience', 'guide', 'news', 'video', 'lesson', 'stats'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** Venues with a kiosk reel. Slugs are public URLs: /kiosk/<venue>/. */
export const VENUES = ['bank', 'telecom', 'subway', 'bus'] as const;
export type Venue = (typeof VENUES)[number];

/** Scene layouts of a campaign clip that show text on a colour: hook opens, point explains, action tells what to do. */
export const CLIP_TEXT_LAYOUTS = ['hook', 'point', 'action'] as const;
/** Scene layouts that draw a phone showing the scam's own screen. */
export const CLIP_PHONE_LAYOUTS = ['call', 'chat', 'sms', 'prompt', 'payment', 'document'] as const;
/** Every scene layout of a campaign clip. */
export const CLIP_LAYOUTS = [...CLIP_TEXT_LAYOUTS, ...CLIP_PHONE_LAYOUTS] as const;

/** A reel lasts six minutes, give or take half a second, measured from the media files. */
export const REEL_SECONDS = 360;
export const REEL_TOLERANCE_SECONDS = 0.5;
