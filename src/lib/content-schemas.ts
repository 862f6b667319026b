/**
 * The schemas of every content collection: what each file under content/ must hold. Pure, so the
 * build (src/content.config.ts), scripts and tests all check a file with the same schema.
 *
 * A field that names an entry of another collection (a source, a figure, a clip, a rule) is
 * read by `reference`: Astro's `reference()` in the build, which also checks that the entry
 * exists, or `idReference` in scripts and tests. Both give `{ collection, id }`.
 */
import { z } from 'astro/zod';
import { screenTextProblem } from './clip-text.ts';
import { clipSceneProblems } from './clip/check.ts';
import { ADVICE_ID } from './advice-rules.ts';
import { WEEKDAYS, windowProblem } from '../kiosk/schedule.ts';
import { AGE_BANDS, AUDIENCE_SLUGS, CHANNELS, CLIP_LAYOUTS, CLIP_PHONE_LAYOUTS, FACT_GROUPS, NEWS_KINDS, SCAM_SLUGS } from './taxonomy.ts';

/** The content collections, as src/content.config.ts names them. */
export const COLLECTIONS = ['scams', 'audiences', 'guides', 'news', 'lessons', 'sources', 'facts', 'clips', 'playlists', 'quizzes', 'signals', 'advice', 'adviceSets', 'searchWords', 'statements'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** Reads a field that names an entry of `collection` by its id, giving `{ collection, id }`. */
export type Reference = <C extends CollectionName>(collection: C) => z.ZodType<{ collection: C; id: string }, string>;

/** A reference for scripts and tests: the id, as Astro gives it, with no look-up. */
export const idReference: Reference = (collection) => z.string().min(1).transform((id) => ({ collection, id }));

/** The figures of content/facts.yaml, each numbered with its place in the file (the schema's `position`). */
export const numberedFacts = (list: readonly object[]) => list.map((fact, position) => ({ ...fact, position }));

/** Every collection's schema, with references read by `reference`. */
export function contentSchemas(reference: Reference) {
  /** Text in both languages, for data files that serve zh and en pages alike. */
  const bilingual = z.object({
    /** Simplified Chinese. */
    zh: z.string().min(1),
    /** English. */
    en: z.string().min(1),
  });

  /** Fields every article carries. */
  const articleFields = {
    /** Headline as readers see it. */
    title: z.string().min(4).max(60),
    /** One sentence under the headline; also the meta description. */
    summary: z.string().min(10).max(160),
    /** Last reviewed, YYYY-MM-DD. */
    updated: z.coerce.date(),
    /** Where the facts and tips come from; an unknown id fails the build. */
    sources: z.array(reference('sources')).min(1),
  };

  /** Fields of the articles that form the site's lists: scam categories and audiences. */
  const listedFields = <const Keys extends readonly [string, ...string[]]>(keys: Keys) => ({
    /** Stable key: the file name and URL slug, the same in zh and en. */
    key: z.enum(keys),
    /** Short name for cards, menus and the matrix. */
    name: z.string().min(2).max(30),
    /** Position in lists, from 1. */
    order: z.number().int().positive(),
  });

  /** Figure ids from facts.yaml shown with an article; an unknown id fails the build. */
  const figureIds = z.array(reference('facts')).default([]);

  /** A signal gives its meaning in its own words or as a rule of advice, not both. */
  const oneMeaning = (s: { meaning?: unknown; advice?: unknown }) => (s.meaning === undefined) !== (s.advice === undefined);
  const meaningIssue = { message: 'give either meaning (its own words) or advice (a rule id), not both', path: ['meaning'] };

  /** One sign the /check/ page looks for in a pasted message. */
  const signalFields = {
    /** Stable id, unique across every category and the shared list: `safe-account`. */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** The sign in a few words, as the result lists it. */
    label: bilingual,
    /** What the sign means, in one or two plain sentences; leave it out when `advice` says it. */
    meaning: bilingual.optional(),
    /** A rule id from content/advice/ shown as the sign's meaning, so the tip is written once. */
    advice: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
    /** Words that show it, zh and en, simplified only; `*` stands for up to 8 characters in between. */
    phrases: z.array(z.string().regex(/^(?=.*[^*].*[^*])[^*]+(\*[^*]+)*$/, 'a phrase has 2+ characters and no leading, trailing or double *')).min(1),
    /** How strongly it points to a scam: 1 worth a look, 2 suspicious, 3 a scam on its own. */
    weight: z.number().int().min(1).max(3),
  };

  const scams = z.object({
    ...articleFields,
    ...listedFields(SCAM_SLUGS),
    /** How the scam reaches people. */
    channels: z.array(z.enum(CHANNELS)).min(1),
    /** The audiences most at risk. */
    audiences: z.array(z.enum(AUDIENCE_SLUGS)).min(1),
    /**
     * The print card's highlighted lines, as rule ids, before the money-gone steps: the line for a
     * reader not yet sure (`when-unsure` says hang up, which fits a call; a scam met in a chat says
     * stop instead), and any rule only this scam needs. Required in the zh article, which gives
     * them for both languages; the English article leaves it out.
     */
    card: z
      .object({
        advice: z.array(z.string().regex(ADVICE_ID)).min(1).max(2),
        /** The card's title and the heading of its money-gone steps, when the usual ones (被骗了？前十分钟这样做, 钱已经转出去) do not fit its reader. */
        title: bilingual.optional(),
        steps: bilingual.optional(),
      })
      .strict()
      .optional(),
    /** Words people actually type or hear for this scam (杀猪盘, 刷单返利 …). */
    aliases: z.array(z.string().min(2)).min(3),
    /** Signs that give the scam away, one short sentence each, most telling first: the poster shows the first three, the print card four (three when it highlights two rules). */
    redFlags: z.array(z.string().min(4)).min(3).max(8),
    facts: figureIds,
    /** The /check/ page's signs of this scam; written once, in the zh article, for both languages. */
    signals: z.array(z.object(signalFields).refine(oneMeaning, meaningIssue)).default([]),
  });

  const audiences = z.object({
    ...articleFields,
    ...listedFields(AUDIENCE_SLUGS),
    /** Scam categories this article gives advice on: the matrix links these cells. */
    scams: z.array(z.enum(SCAM_SLUGS)).min(1),
    /** Opens in 长者模式 (large text, higher contrast): the article is written for older readers. */
    largeText: z.boolean().default(false),
    /** The Chinese page calls its reader 您: the rules it shows say 您 too. */
    politeYou: z.boolean().default(false),
    /** How readers ask for this page in their own words; shown on it and weighted up in search. */
    askedAs: z.array(z.string().min(2)).default([]),
    facts: figureIds,
  });

  /** Stand-alone guides such as /report/. */
  const guides = z.object({
    ...articleFields,
    /** Stable key: the file name and URL slug. */
    key: z.enum(['report']),
    /** How readers ask for this page in their own words; shown on it and weighted up in search. */
    askedAs: z.array(z.string().min(2)).default([]),
  });

  const news = z
    .object({
      ...articleFields,
      /** The real date of what an alert or a news item reports, YYYY-MM-DD; it dates the item in lists and feeds. */
      date: z.coerce.date().optional(),
      /**
       * An alert warns of a live scam; news reports results or campaigns on a known date; an
       * explainer reads a source whose date is not known, so it carries no date and stays out of feeds.
       */
      kind: z.enum(NEWS_KINDS),
      /** Scam categories the item concerns. */
      scams: z.array(z.enum(SCAM_SLUGS)).default([]),
      /** Audiences the item concerns. */
      audiences: z.array(z.enum(AUDIENCE_SLUGS)).default([]),
    })
    .refine((n) => (n.kind === 'explainer') === (n.date === undefined), {
      message: 'an alert or news item needs the real date of what it reports; an explainer has none',
      path: ['date'],
    });

  const lessons = z.object({
    ...articleFields,
    /** Stable key: the file name and URL slug, the same in zh and en. */
    key: z.string().regex(/^[a-z0-9-]+$/),
    /** Who the lesson is for. */
    ageBand: z.enum(AGE_BANDS),
    /** Length of the class in minutes. */
    durationMinutes: z.number().int().min(10).max(120),
    /**
     * What pupils can do afterwards, one line each. A line that ends in a rule gives the skill as
     * `text` and the rule's id as `advice`; the page shows the rule's screen form after it.
     */
    objectives: z
      .array(z.union([z.string().min(4), z.object({ text: z.string().min(4), advice: z.string().regex(ADVICE_ID) }).strict()]))
      .min(1),
    /** What the teacher needs in the room. */
    materials: z.array(z.string().min(2)).default([]),
    /** Campaign clips shown in class; an unknown id fails the build. */
    clips: z.array(reference('clips')).default([]),
    /** Scam categories the lesson covers. */
    scams: z.array(z.enum(SCAM_SLUGS)).default([]),
    /** Audience articles the lesson links. */
    audiences: z.array(z.enum(AUDIENCE_SLUGS)).default([]),
  });

  const sources = z.object({
    /** Headline of the source. */
    title: bilingual,
    /** Who published it. */
    publisher: bilingual,
    /** The period its figures cover. */
    period: bilingual,
    /** The full text, kept verbatim in the repository. */
    file: z.string().regex(/^content\/sources\/[a-z0-9-]+\.txt$/),
  });

  const facts = z.object({
    /** Place in facts.yaml, from 0; set by the loader. */
    position: z.number().int().min(0),
    /** Which chart or panel on /stats/ the figure belongs to. */
    group: z.enum(FACT_GROUPS),
    /** The number charts are drawn from (negative for a fall). */
    value: z.number(),
    /** The figure as readers see it, with its unit. */
    display: bilingual,
    /** What was counted. */
    label: bilingual,
    /** A shorter label for charts, where `label` is too long. */
    short: bilingual.optional(),
    /** Base, period or unit that qualifies the figure. */
    note: bilingual,
    /** A sentence shown above the figure wherever it appears, when its scope needs saying (a citywide total, not one scam's). */
    lead: bilingual.optional(),
    /** The sentence it comes from, word for word. */
    quote: z.string().min(8),
    /** Our English translation of `quote`, shown under it on English pages. */
    quoteEn: z.string().min(8),
    /** The source the quote is in. */
    source: reference('sources'),
  });

  /** One campaign clip: a storyboard that `npm run clips` renders into public/media/<id>.*. */
  const clips = z
    .object({
      /** Title of the clip, as listed in the library. */
      title: bilingual,
      /** The scam category the clip serves, if any. */
      scam: z.enum(SCAM_SLUGS).optional(),
      /** The audience the clip serves, if any. */
      audience: z.enum(AUDIENCE_SLUGS).optional(),
      /** The guide the clip serves, if any. */
      guide: z.enum(['report']).optional(),
      /** The zh page the clip points to (its QR code and links); the en page is /en + this. */
      page: z.string().regex(/^\/[a-z0-9/-]*\/$/),
      /**
       * An externally produced clip instead of scenes: its video, caption files in both languages
       * and poster, relative to public/. They are checked like rendered ones.
       */
      video: z
        .object({
          /** The MP4, e.g. `media/police-film-2026.mp4`; its length is measured from the file. */
          file: z.string().regex(/^media\/[\w.-]+\.mp4$/),
          /** WebVTT captions; cues must end within the video. */
          captions: z.object({ zh: z.string().regex(/^media\/[\w.-]+\.vtt$/), en: z.string().regex(/^media\/[\w.-]+\.vtt$/) }),
          /** A still for the library and the player, JPEG or PNG. */
          poster: z.string().regex(/^media\/[\w.-]+\.(jpg|png)$/),
          /** The portrait cut (1080×1920) for screens taller than wide, as long as `file`: it shares its captions. */
          portrait: z.string().regex(/^media\/[\w.-]+\.portrait\.mp4$/),
        })
        .optional(),
      /** The scenes in order; the clip lasts as long as they add up to. */
      scenes: z
        .array(
          z.object({
            /** How long the scene stays on screen. */
            seconds: z.number().positive().max(20),
            /**
             * Text on a colour (hook opens, point explains, action tells what to do) or a phone
             * showing the scam's own screen (call, chat, sms, prompt, payment, document).
             */
            layout: z.enum(CLIP_LAYOUTS),
            /**
             * Chinese text drawn on the picture, readable from three metres; lines split by \n. On a
             * phone scene, optional words beside the phone.
             */
            screen: z.string().optional(),
            /** The caption shown for the scene, in both languages; it says what the screen shows. */
            caption: bilingual.optional(),
            /**
             * A rule id from content/advice/: the scene then shows the rule's short form and has its
             * full sentence as the caption, instead of `screen` and `caption`.
             */
            advice: z.string().regex(ADVICE_ID).optional(),
            /** An incoming call: the name the caller claims and a masked number (+00 ···· ····). */
            call: z.object({ name: z.string().min(1), number: z.string() }).strict().optional(),
            /** A chat: its title and the messages, each appearing at its second (default every 1.5 s). */
            chat: z
              .object({
                title: z.string().min(1),
                messages: z.array(z.object({ from: z.enum(['them', 'me']), text: z.string().min(1), at: z.number().min(0).optional() }).strict()).min(1),
              })
              .strict()
              .optional(),
            /** A text message: a masked sender, the text and, if it has one, a link masked with stars (http://***.*** and a path of … or stars). */
            sms: z.object({ sender: z.string(), text: z.string().min(1), link: z.string().optional() }).strict().optional(),
            /** A system dialog such as 开始共享屏幕？ with its two buttons. */
            prompt: z.object({ title: z.string().min(1), body: z.string().min(1), confirm: z.string().min(1), cancel: z.string().min(1) }).strict().optional(),
            /** A transfer page: payee (安全账户, 保证金…), masked account, amount (¥ 50,000.00), note, button. */
            payment: z
              .object({ title: z.string().min(1), payee: z.string().min(1), account: z.string(), amount: z.string(), note: z.string().min(1).optional(), confirm: z.string().min(1) })
              .strict()
              .optional(),
            /** A fake notice such as 冻结通知: title, body and who it claims to come from (no real institution), drawn with a seal. */
            document: z.object({ title: z.string().min(1), body: z.string().min(1), issuer: z.string().min(1).optional() }).strict().optional(),
            /** Red flags on a phone scene: at a second, ring or underline an element with a short label. */
            flags: z
              .array(
                z
                  .object({
                    at: z.number().min(0),
                    element: z.string().min(1),
                    label: z.string().min(2),
                    mark: z.enum(['ring', 'underline']).optional(),
                  })
                  .strict(),
              )
              .optional(),
          })
          .refine((s) => (s.advice ? !s.screen && !s.caption : Boolean((s.screen || (CLIP_PHONE_LAYOUTS as readonly string[]).includes(s.layout)) && s.caption)), {
            message: 'give either advice (a rule id) or screen and caption (a phone scene needs only the caption)',
            path: ['advice'],
          }),
        )
        // Layout, masks, flags, fit and legibility: the same checks npm run clips makes.
        .superRefine((scenes, ctx) => {
          for (const problem of clipSceneProblems(scenes)) {
            const [, i, field] = /^scenes\[(\d+)\]\.([^:]*)/.exec(problem) ?? [];
            ctx.addIssue({ code: 'custom', message: problem, path: [Number(i), ...(field ? [field] : [])] });
          }
        })
        .min(2)
        .optional(),
    })
    .refine((c) => [c.scam, c.audience, c.guide].filter(Boolean).length === 1, {
      message: 'name exactly one of scam, audience or guide',
      path: ['scam'],
    })
    .refine((c) => !c.scenes !== !c.video, { message: 'give either scenes (a storyboard) or video (an external file), not both', path: ['scenes'] })
    .refine((c) => {
      if (!c.scenes) return true;
      const total = c.scenes.reduce((sum, s) => sum + s.seconds, 0);
      return total >= 20 && total <= 60;
    }, { message: 'scenes must add up to 20–60 seconds', path: ['scenes'] });

  /** The clips of one reel, in play order; an unknown id fails the build. */
  const reelClips = z.array(reference('clips')).min(2);

  /** The six-minute reel of one venue, and the other reels its schedule picks by weekday and time. */
  const playlists = z
    .object({
      /** The venue as named on screen. */
      name: bilingual,
      /** The default reel, played whenever no schedule window is open. */
      clips: reelClips,
      /** Other six-minute reels, by key (e.g. `commuter`). */
      reels: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.object({ name: bilingual, clips: reelClips })).default({}),
      /** Windows in Shanghai time in which another reel plays; the first open window wins. */
      schedule: z
        .array(
          z.object({
            /** The key of a reel under `reels`. */
            reel: z.string(),
            /** Days the window opens; a window past midnight belongs to the day it opens. */
            days: z.array(z.enum(WEEKDAYS)).min(1),
            /** Opening time, "HH:MM". */
            from: z.string(),
            /** Closing time, "HH:MM"; earlier than `from` runs past midnight. */
            to: z.string(),
          }),
        )
        .default([]),
    })
    .superRefine((playlist, ctx) => {
      for (const [i, window] of playlist.schedule.entries()) {
        const problem = windowProblem(window, Object.keys(playlist.reels));
        if (!problem) continue;
        const [field, ...rest] = problem.split(': ');
        ctx.addIssue({ code: 'custom', message: rest.join(': ') || problem, path: ['schedule', i, ...(rest.length ? [field!] : [])] });
      }
    });

  /** A self-check quiz for one audience, both languages in one file: content/quizzes/<audience>.yaml. */
  const quizzes = z.object({
    /** Heading of the quiz page. */
    title: bilingual,
    /** One or two sentences on how to use it. */
    intro: bilingual,
    /** The Chinese quiz calls its reader 您: the rules its answers show say 您 too. */
    politeYou: z.boolean().default(false),
    /** The situations, in order. */
    questions: z
      .array(
        z.object({
          /** A short, realistic situation, in the second person. */
          scenario: bilingual,
          /** What the reader might do; exactly one is right. */
          choices: z
            .array(
              z.object({
                text: bilingual,
                correct: z.boolean(),
                /**
                 * Why, action first. The page already says right or wrong, so don't open with
                 * 做得对/Right. Leave it out when the rules below say it all.
                 */
                explain: bilingual.optional(),
                /** Rules from content/advice/ shown after the explanation, instead of restating them. */
                advice: z.array(z.string().regex(ADVICE_ID)).default([]),
              })
              .refine((c) => c.explain || c.advice.length, { message: 'give an explanation, a rule (advice), or both', path: ['explain'] }),
            )
            .min(2)
            .max(4)
            .refine((cs) => cs.filter((c) => c.correct).length === 1, { message: 'exactly one choice must be correct' }),
          /** The zh page that explains this scam; the en page is /en + this. */
          link: z.string().regex(/^\/[a-z0-9/-]*\/$/),
        }),
      )
      .min(4),
  });

  /** Signs the /check/ page looks for that belong to no one scam: content/signals.yaml. */
  const signals = z.object({
    ...signalFields,
    /** Scam categories the sign points to, if any; each gets the sign's weight. */
    suggests: z.array(z.enum(SCAM_SLUGS)).default([]),
  }).refine(oneMeaning, meaningIssue);

  /** Text for screens: at most 3 lines of 14 full-width characters, as clip screen text. */
  const screenText = z.string().superRefine((text, ctx) => {
    const problem = screenTextProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

  /** One rule of advice, written once and reused by id: content/advice/<id>.yaml. */
  const advice = z.object({
    /** The rule as one or two full sentences, action first, in both languages. */
    text: bilingual,
    /** The rule for screens (kiosk, clips): at most 3 lines of 14 full-width characters, lines split by \n. */
    short: z.object({ zh: screenText, en: screenText }),
    /** Where the rule comes from: `general`, a sentence of a release, or a named official source. */
    source: z.union(
      [
        /** Standard advice not yet matched to an official text; listed on /sources/ for review. */
        z.literal('general'),
        z
          .object({
            /** The release in content/sources.yaml the sentence is in. */
            release: reference('sources'),
            /** The sentence the rule rests on, word for word as the release has it. */
            quote: z.string().min(8),
          })
          .strict(),
        z
          .object({
            /** Who published it, as they name themselves (e.g. 绍兴市公安局). */
            publisher: z.string().min(2),
            /** Its title, exactly as published. */
            title: z.string().min(2),
            /** Its publication date, YYYY-MM-DD. */
            date: z.coerce.date(),
            /** Where it is published. */
            url: z.url(),
          })
          .strict(),
      ],
      { error: 'give a source: general, {release, quote} or {publisher, title, date, url}' },
    ),
  });

  /**
   * Ordered lists of rules that several places show alike (the first ten minutes on /report/,
   * the cards, handouts, the kiosk and the checker): content/advice-sets.yaml.
   */
  const adviceSets = z.object({
    /** Heading the list goes under. */
    title: bilingual,
    /** The rules, in order; an unknown id fails the build. */
    advice: z.array(reference('advice')).min(1),
  });

  /** Words the site search knows in one language: content/search/<zh|en>.yaml. */
  const searchWords = z.object({
    /** Groups of words readers use for the same thing; a word is also searched as the others. */
    synonyms: z.array(z.array(z.string().min(1)).min(2)),
    /** Words that carry no topic, left out when a sentence is searched word by word. */
    filler: z.array(z.string().min(1)),
    /** Words that mark a description of something happening, which offers the message checker. */
    situation: z.array(z.string().min(1)).min(1),
    /** Words that name who a question is about (爸妈, 女儿, 老板): they count less than what happened. */
    people: z.array(z.string().min(1)).default([]),
  });

  /** Statements about the site itself, linked from the footer: /accessibility/, /privacy/. */
  const statements = z.object({
    /** Headline as readers see it. */
    title: z.string().min(4).max(60),
    /** One sentence under the headline; also the meta description. */
    summary: z.string().min(10).max(160),
    /** Last reviewed, YYYY-MM-DD. */
    updated: z.coerce.date(),
    /** Stable key: the file name and URL slug. */
    key: z.enum(['accessibility', 'privacy']),
  });

  return { scams, audiences, guides, news, lessons, sources, facts, clips, playlists, quizzes, signals, advice, adviceSets, searchWords, statements };
}

/** The schemas as scripts and tests use them: references are ids, unchecked. */
export const schemas = contentSchemas(idReference);
