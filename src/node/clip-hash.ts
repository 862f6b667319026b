import { createHash } from 'node:crypto';

/**
 * Changes when a storyboard or the way clips are drawn changes. Bump RENDERER_VERSION with any
 * change to scripts/render-clips.ts that alters the picture, so every clip is rendered again.
 */
export const RENDERER_VERSION = 3;

/** The hash stored beside a rendered clip; a test compares it with the storyboard's. */
export function storyboardHash(storyboardText: string): string {
  return createHash('sha256').update(`renderer ${RENDERER_VERSION}\n`).update(storyboardText).digest('hex').slice(0, 16);
}

/** A storyboard scene as written: either its own screen text and caption, or a rule id. */
export interface StoryboardScene {
  seconds: number;
  layout: string;
  /** Phone layouts: the screen's data (call, chat, sms, prompt, payment, document) and flags. */
  [data: string]: unknown;
  screen?: string;
  caption?: { zh: string; en: string };
  advice?: string;
}

/** A rule's words as content/advice/<id>.yaml gives them. */
export interface AdviceWords {
  text: { zh: string; en: string };
  short: { zh: string; en: string };
}

/**
 * The scenes with every `advice` scene filled in from its rule: the rule's Chinese short form
 * is drawn on screen and its full sentence is the caption. `rule` reads one rule by id and
 * throws on an unknown one.
 */
export function resolveScenes(scenes: readonly StoryboardScene[], rule: (id: string) => AdviceWords) {
  return scenes.map((scene) => {
    const { advice, ...rest } = scene;
    if (!advice) return { ...rest, screen: scene.screen ?? '', caption: scene.caption ?? { zh: '', en: '' } };
    const words = rule(advice);
    return { ...rest, screen: words.short.zh, caption: words.text };
  });
}

/** The rule whose short form every frame shows in its corner, beside 报警 110. */
export const CORNER_RULE = 'answer-96110';

/** The corner's lines: the Chinese short form of CORNER_RULE, one string per line. */
export function cornerLines(rule: (id: string) => AdviceWords): string[] {
  return rule(CORNER_RULE).short.zh.split('\n');
}

/**
 * The text a clip's render hash is taken over: the storyboard, then the words of every rule its
 * scenes name (text and short form, zh and en), so rewording a rule makes the clips that show it
 * stale while an edit to its source, which no clip shows, does not. `readRule` reads a rule by id.
 * Every frame's corner shows CORNER_RULE, so its words are always part of it.
 */
export function storyboardSource(storyboardText: string, ids: readonly string[], readRule: (id: string) => AdviceWords): string {
  return [storyboardText, ...[...new Set([...ids, CORNER_RULE])].map((id) => `\n# advice ${id}\n${ruleWords(readRule(id))}`)].join('');
}

/** A rule's drawn and spoken words in a fixed order, whatever order or extra fields its file has. */
function ruleWords(rule: AdviceWords): string {
  return JSON.stringify([rule.text.zh, rule.text.en, rule.short.zh, rule.short.en]);
}
