/**
 * The frames of a campaign clip, drawn as SVG from its storyboard: text scenes (hook, point,
 * action) and phone scenes that show the scam's own screens with the dangerous part ringed.
 * Pure: a scene, a moment in it and a typesetter go in, SVG comes out. Layout decisions use
 * LAYOUT_MEASURE, which is never narrower than the font, so the storyboard checks (run by the
 * schema without loading fonts) and the render agree on what fits.
 */
import { circle, contrastRatio, n, rect, svgDocument, textLines, type TextStyle, type Typesetter } from '../svg/draw.ts';
import { FitError, fitText, type Measure } from '../svg/text-fit.ts';
import { CLIP_PHONE_LAYOUTS, CLIP_TEXT_LAYOUTS } from '../taxonomy.ts';

export const FRAME = { width: 1280, height: 720, fps: 25 } as const;
/** Title-safe area: 5% in from every edge (EBU R 95 graphics-safe). */
export const SAFE = { x: 64, y: 36, width: 1152, height: 648 } as const;
/** The smallest text on any frame: 4.5% of the frame height, readable from three metres. */
export const MIN_TEXT_PX = Math.ceil(FRAME.height * 0.045);
/** Text colour against its ground, at least (WCAG AAA for normal text). */
export const MIN_CONTRAST = 7;

/**
 * The portrait cut (1080×1920) for station screens taller than wide, drawn from the same
 * storyboard: the phone fills the width, its flags' labels sit on the phone beside what they
 * ring, and the narration is left to the captions, which the kiosk shows below the picture.
 * Text keeps the same rules against this frame: 4.5% of 1920 px, 7:1, inside 5% margins.
 */
export const PORTRAIT = {
  width: 1080,
  height: 1920,
  safe: { x: 54, y: 96, width: 972, height: 1728 },
  /** The band at the bottom that holds only the 96110 rule and 报警 110, which the kiosk shows itself: captions may cover it. */
  captions: { y: 1481, height: 439 },
} as const;

export type Orientation = 'landscape' | 'portrait';
export const ORIENTATIONS = ['landscape', 'portrait'] as const;

/** Each orientation's frame: its size, title-safe area and smallest text. */
export const FRAMES: Record<Orientation, { width: number; height: number; safe: { x: number; y: number; width: number; height: number }; minText: number }> = {
  landscape: { width: FRAME.width, height: FRAME.height, safe: SAFE, minText: MIN_TEXT_PX },
  portrait: { width: PORTRAIT.width, height: PORTRAIT.height, safe: PORTRAIT.safe, minText: Math.ceil(PORTRAIT.height * 0.045) },
};

/** Colours; every text colour has at least 7:1 contrast on the ground it is drawn on (checked per frame). */
export const CLIP_COLOURS = {
  hook: '#0b3a75',
  point: '#1d2b3a',
  action: '#8e1b14',
  white: '#ffffff',
  ink: '#111827',
  paper: '#ffffff',
  tile: '#f1f3f5',
  bar: '#e5e7eb',
  dark: '#111827',
  grey: '#d1d5db',
  dim: '#374151',
  me: '#1e3a8a',
  link: '#1e3a8a',
  go: '#14532d',
  stop: '#8e1b14',
  alarm: '#8e1b14',
  ring: '#ef4444',
  body: '#05080d',
} as const;

export const TEXT_LAYOUTS = CLIP_TEXT_LAYOUTS;
export const PHONE_LAYOUTS = CLIP_PHONE_LAYOUTS;
export type TextLayout = (typeof TEXT_LAYOUTS)[number];
export type PhoneLayout = (typeof PHONE_LAYOUTS)[number];

export interface ChatMessage {
  /** `them` on the left (the scammer), `me` on the right. */
  from: 'them' | 'me';
  text: string;
  /** Second of the scene at which the bubble appears; by default one every 1.5 s from 0. */
  at?: number;
}

/** What each phone layout draws, as the storyboard gives it. */
export interface PhoneData {
  call?: { name: string; number: string };
  chat?: { title: string; messages: ChatMessage[] };
  sms?: { sender: string; text: string; link?: string };
  prompt?: { title: string; body: string; confirm: string; cancel: string };
  payment?: { title: string; payee: string; account: string; amount: string; note?: string; confirm: string };
  document?: { title: string; body: string; issuer?: string };
}

export interface Flag {
  /** Second of the scene at which the ring appears. */
  at: number;
  /** An element of the scene's phone screen, e.g. `name`, `link`, `message-2`. */
  element: string;
  /** A short warning beside the phone: 危险！… */
  label: string;
  /** A ring round the element (default) or a line under it. */
  mark?: 'ring' | 'underline';
}

/** A scene as drawn: a rule's words already filled in (resolveScenes). */
export interface ClipScene extends PhoneData {
  seconds: number;
  layout: string;
  screen: string;
  flags?: Flag[];
}

/** The elements a flag may point at, per phone layout. */
export function elementNames(scene: Pick<ClipScene, 'layout' | 'chat' | 'sms' | 'payment' | 'document'>): string[] {
  switch (scene.layout) {
    case 'call':
      return ['name', 'number', 'accept', 'decline'];
    case 'chat':
      return ['title', ...(scene.chat?.messages ?? []).map((_, i) => `message-${i + 1}`)];
    case 'sms':
      return ['sender', 'text', ...(scene.sms?.link ? ['link'] : [])];
    case 'prompt':
      return ['title', 'body', 'confirm', 'cancel'];
    case 'payment':
      return ['payee', 'account', 'amount', ...(scene.payment?.note ? ['note'] : []), 'confirm'];
    case 'document':
      return ['title', 'body', ...(scene.document?.issuer ? ['issuer', 'stamp'] : [])];
    default:
      return [];
  }
}

/**
 * Advance widths in em of printable ASCII (space to ~) in Noto Sans CJK SC, the wider of regular
 * and bold, rounded up to 0.05 em. Everything else (CJK, full-width punctuation, · and …) is 1 em.
 */
const ASCII_EM = [
  0.25, 0.4, 0.6, 0.6, 0.6, 1, 0.75, 0.35, 0.4, 0.4, 0.55, 0.6, 0.35, 0.4, 0.35, 0.4, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6,
  0.6, 0.6, 0.35, 0.35, 0.6, 0.6, 0.6, 0.55, 1.05, 0.65, 0.7, 0.7, 0.75, 0.65, 0.6, 0.75, 0.8, 0.35, 0.6, 0.7, 0.6, 0.9, 0.75,
  0.8, 0.7, 0.8, 0.7, 0.65, 0.65, 0.75, 0.65, 0.95, 0.65, 0.6, 0.65, 0.4, 0.4, 0.4, 0.6, 0.6, 0.65, 0.6, 0.65, 0.55, 0.65, 0.6,
  0.4, 0.6, 0.65, 0.35, 0.35, 0.65, 0.35, 1, 0.65, 0.65, 0.65, 0.65, 0.45, 0.5, 0.45, 0.65, 0.6, 0.9, 0.6, 0.6, 0.55, 0.4, 0.3,
  0.4, 0.6,
];

/**
 * Widths used to lay text out, never narrower than the font draws them, so a line laid out to fit
 * still fits when the font's own widths set it, and checks need no font file.
 */
export const LAYOUT_MEASURE: Measure = (text, fontSize) => {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    em += code >= 32 && code < 127 ? ASCII_EM[code - 32]! : 1;
  }
  return em * fontSize;
};

/** A text drawn on a frame, for the legibility checks. */
export interface FrameText {
  field: string;
  text: string;
  fontSize: number;
  fill: string;
  ground: string;
  box: Box;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A scene laid out: everything that does not move, the pieces that do, and the text for the checks. */
interface Laid {
  /** Drawn under everything, from the start. */
  ground: string;
  /** The still picture of the scene (without the parts that appear later). */
  still: string;
  /** Parts that appear at a second of the scene, with the element boxes flags point at. */
  later: { at: number; svg: string }[];
  boxes: Record<string, Box>;
  texts: FrameText[];
}

const FADE = 0.4;
const lh = (size: number, ratio = 1.3) => Math.round(size * ratio);
const st = (fontSize: number, fill: string, anchor?: TextStyle['anchor'], weight: 400 | 700 = 700, ratio = 1.3): TextStyle => ({
  fontSize,
  lineHeight: lh(fontSize, ratio),
  weight,
  fill,
  anchor,
});

class Texts {
  readonly list: FrameText[] = [];
  private readonly type: Typesetter;
  constructor(type: Typesetter) {
    this.type = type;
  }
  /** Fits `text` in a box and draws it; the box is centred on x for anchor middle. */
  put(field: string, text: string, x: number, top: number, width: number, maxLines: number, sizes: readonly number[], fill: string, ground: string, anchor?: TextStyle['anchor'], weight: 400 | 700 = 700) {
    const fitted = fitText(text, { width, maxLines, sizes, weight }, LAYOUT_MEASURE, field);
    const style = st(fitted.fontSize, fill, anchor, weight);
    const used = Math.max(...fitted.lines.map((l) => LAYOUT_MEASURE(l, fitted.fontSize)));
    const left = anchor === 'middle' ? x - used / 2 : anchor === 'end' ? x - used : x;
    const box = { x: left, y: top, w: used, h: fitted.lines.length * style.lineHeight };
    this.list.push({ field, text, fontSize: fitted.fontSize, fill, ground, box });
    return { svg: textLines(this.type, x, top, fitted.lines, style), box, lines: fitted.lines.length, style };
  }
}

/** A phone's body, the width of its bezel and the padding inside its screen. */
interface PhoneBox {
  x: number;
  y: number;
  w: number;
  h: number;
  bezel: number;
  pad: number;
}
/** The phone's body and screen, centred in the frame. */
export const PHONE: PhoneBox = { x: 430, y: 70, w: 420, h: 556, bezel: 12, pad: 14 };
const screenOf = (p: PhoneBox) => ({ x: p.x + p.bezel, y: p.y + p.bezel, w: p.w - 2 * p.bezel, h: p.h - 2 * p.bezel });
/** Flag labels to the right of the phone, the scene's words to the left. */
const LABELS = { x: PHONE.x + PHONE.w + 40, w: SAFE.x + SAFE.width - (PHONE.x + PHONE.w + 40) };
const HEADING = { x: SAFE.x + 8, w: PHONE.x - 36 - (SAFE.x + 8) };
const TEXT_SIZES = [34] as const;

function phoneLayout(scene: ClipScene, type: Typesetter, field: (name: string) => string, phone: PhoneBox = PHONE): Laid {
  const t = new Texts(type);
  const c = CLIP_COLOURS;
  const SCREEN = screenOf(phone);
  const PAD = phone.pad;
  const parts: string[] = [rect(phone.x, phone.y, phone.w, phone.h, c.body, 44)];
  const later: Laid['later'] = [];
  const boxes: Record<string, Box> = {};
  const sx = SCREEN.x + PAD;
  const sw = SCREEN.w - 2 * PAD;
  const mid = SCREEN.x + SCREEN.w / 2;
  const bottom = SCREEN.y + SCREEN.h;
  const screenRect = (fill: string) => rect(SCREEN.x, SCREEN.y, SCREEN.w, SCREEN.h, fill, 34);
  /** The bar across the top of a chat or a text message, under its title. */
  const topBar = `<path d="M${SCREEN.x} ${SCREEN.y + 34}a34 34 0 0 1 34 -34h${SCREEN.w - 68}a34 34 0 0 1 34 34v52h-${SCREEN.w}z" fill="${c.bar}"/>`;
  const need = <T>(value: T | undefined, name: string): T => {
    if (!value) throw new FitError(`${name}: a ${scene.layout} scene needs ${name}`);
    return value;
  };
  const button = (name: string, label: string, x: number, y: number, w: number, fill: string) => {
    const h = 64;
    parts.push(rect(x, y, w, h, fill, 32));
    const text = t.put(field(`${scene.layout}.${name}`), label, x + w / 2, y + (h - lh(34)) / 2, w - 24, 1, TEXT_SIZES, c.white, fill, 'middle');
    parts.push(text.svg);
    boxes[name] = { x, y, w, h };
  };

  switch (scene.layout) {
    case 'call': {
      const d = need(scene.call, 'call');
      parts.push(screenRect(c.dark));
      const name = t.put(field('call.name'), d.name, mid, SCREEN.y + 110, sw, 2, [44, 40, 36], c.white, c.dark, 'middle');
      const number = t.put(field('call.number'), d.number, mid, name.box.y + name.box.h + 16, sw, 1, TEXT_SIZES, c.grey, c.dark, 'middle');
      parts.push(name.svg, number.svg);
      boxes.name = name.box;
      boxes.number = number.box;
      // Decline (red, the handset lying down as phones draw hang-up) and accept (green, the handset
      // tilted up) as round buttons with no words.
      const y = bottom - 110;
      for (const [key, cx, fill, rot] of [['decline', SCREEN.x + 90, c.stop, 0], ['accept', SCREEN.x + SCREEN.w - 90, c.go, 135]] as const) {
        parts.push(circle(cx, y, 42, fill));
        parts.push(`<path transform="translate(${cx} ${y}) rotate(${rot})" d="M-20 -6c10-10 30-10 40 0l-6 8-8-4v-6c-4-2-8-2-12 0v6l-8 4z" fill="${c.white}"/>`);
        boxes[key] = { x: cx - 42, y: y - 42, w: 84, h: 84 };
      }
      break;
    }
    case 'chat': {
      const d = need(scene.chat, 'chat');
      parts.push(screenRect(c.tile));
      parts.push(topBar);
      const title = t.put(field('chat.title'), d.title, mid, SCREEN.y + 28, sw, 1, TEXT_SIZES, c.ink, c.bar, 'middle');
      parts.push(title.svg);
      boxes.title = title.box;
      let y = SCREEN.y + 86 + 16;
      const maxBubble = sw - 40;
      d.messages.forEach((m, i) => {
        const name = `message-${i + 1}`;
        const fill = m.from === 'me' ? c.me : c.paper;
        const ink = m.from === 'me' ? c.white : c.ink;
        const fitted = fitText(m.text, { width: maxBubble - 28, maxLines: 3, sizes: TEXT_SIZES, weight: 700 }, LAYOUT_MEASURE, field(`chat.messages[${i}].text`));
        const w = Math.max(...fitted.lines.map((l) => LAYOUT_MEASURE(l, fitted.fontSize))) + 28;
        const h = fitted.lines.length * lh(34) + 20;
        if (y + h > bottom - 16) throw new FitError(`${field(`chat.messages[${i}].text`)}: "${m.text}" does not fit on the screen below the messages before it`);
        const x = m.from === 'me' ? SCREEN.x + SCREEN.w - PAD - w : sx;
        const text = t.put(field(`chat.messages[${i}].text`), m.text, x + 14, y + 10, w - 28 + 0.5, fitted.lines.length, TEXT_SIZES, ink, fill);
        later.push({ at: m.at ?? i * 1.5, svg: rect(x, y, w, h, fill, 18) + text.svg });
        boxes[name] = { x, y, w, h };
        y += h + 14;
      });
      break;
    }
    case 'sms': {
      const d = need(scene.sms, 'sms');
      parts.push(screenRect(c.paper));
      parts.push(topBar);
      const sender = t.put(field('sms.sender'), d.sender, mid, SCREEN.y + 28, sw, 1, TEXT_SIZES, c.ink, c.bar, 'middle');
      parts.push(sender.svg);
      boxes.sender = sender.box;
      const bx = sx;
      const by = SCREEN.y + 86 + 24;
      const text = t.put(field('sms.text'), d.text, bx + 16, by + 14, sw - 40, 6, TEXT_SIZES, c.ink, c.tile);
      let bh = text.box.h + 28;
      const drawn = [text.svg];
      if (d.link) {
        const link = t.put(field('sms.link'), d.link, bx + 16, text.box.y + text.box.h + 16, sw - 40, 1, TEXT_SIZES, c.link, c.tile);
        bh += link.box.h + 16;
        drawn.push(link.svg, rect(link.box.x, link.box.y + link.box.h - 4, link.box.w, 3, c.link));
        boxes.link = link.box;
      }
      if (by + bh > bottom - 16) throw new FitError(`${field('sms.text')}: the text and link do not fit on the screen`);
      parts.push(rect(bx, by, sw - 8, bh, c.tile, 18), ...drawn);
      boxes.text = text.box;
      break;
    }
    case 'prompt': {
      const d = need(scene.prompt, 'prompt');
      parts.push(screenRect(c.dim));
      const dx = SCREEN.x + 16;
      const dw = SCREEN.w - 32;
      const title = t.put(field('prompt.title'), d.title, dx + dw / 2, 0, dw - 40, 2, [40, 36, 34], c.ink, c.paper, 'middle');
      const body = t.put(field('prompt.body'), d.body, dx + 20, 0, dw - 40, 4, TEXT_SIZES, c.ink, c.paper, undefined, 400);
      const dh = 28 + title.box.h + 14 + body.box.h + 24 + 64 + 24;
      const dy = SCREEN.y + (SCREEN.h - dh) / 2;
      parts.push(rect(dx, dy, dw, dh, c.paper, 24));
      // Laid out at y 0 to measure; drawn at their place.
      parts.push(`<g transform="translate(0 ${n(dy + 28)})">${title.svg}</g>`, `<g transform="translate(0 ${n(dy + 28 + title.box.h + 14)})">${body.svg}</g>`);
      boxes.title = { ...title.box, y: dy + 28 };
      boxes.body = { ...body.box, y: dy + 28 + title.box.h + 14 };
      t.list.at(-2)!.box.y = boxes.title.y;
      t.list.at(-1)!.box.y = boxes.body.y;
      const bw = (dw - 60) / 2;
      const by = dy + dh - 24 - 64;
      button('cancel', d.cancel, dx + 20, by, bw, c.dim);
      button('confirm', d.confirm, dx + 40 + bw, by, bw, c.me);
      break;
    }
    case 'payment': {
      const d = need(scene.payment, 'payment');
      parts.push(screenRect(c.paper));
      parts.push(topBar);
      const title = t.put(field('payment.title'), d.title, mid, SCREEN.y + 28, sw, 1, TEXT_SIZES, c.ink, c.bar, 'middle');
      parts.push(title.svg);
      let y = SCREEN.y + 86 + 20;
      const payee = t.put(field('payment.payee'), d.payee, sx, y, sw, 1, [40, 36, 34], c.ink, c.paper);
      y += payee.box.h + 4;
      const account = t.put(field('payment.account'), d.account, sx, y, sw, 1, TEXT_SIZES, c.dim, c.paper, undefined, 400);
      y += account.box.h + 24;
      const amount = t.put(field('payment.amount'), d.amount, sx, y, sw, 1, [56, 48, 40], c.ink, c.paper);
      y += amount.box.h + 16;
      parts.push(payee.svg, account.svg, amount.svg);
      Object.assign(boxes, { payee: payee.box, account: account.box, amount: amount.box });
      if (d.note) {
        const note = t.put(field('payment.note'), d.note, sx, y, sw, 2, TEXT_SIZES, c.dim, c.paper, undefined, 400);
        parts.push(note.svg);
        boxes.note = note.box;
        y += note.box.h;
      }
      if (y > bottom - 104) throw new FitError(`${field('payment')}: payee, account, amount and note do not fit above the button`);
      button('confirm', d.confirm, sx, bottom - 24 - 64, sw, c.me);
      break;
    }
    case 'document': {
      const d = need(scene.document, 'document');
      parts.push(screenRect(c.tile));
      parts.push(rect(SCREEN.x + 14, SCREEN.y + 40, SCREEN.w - 28, SCREEN.h - 70, c.paper, 6));
      const title = t.put(field('document.title'), d.title, mid, SCREEN.y + 64, sw - 20, 1, [48, 44, 40], c.alarm, c.paper, 'middle');
      const body = t.put(field('document.body'), d.body, sx + 6, title.box.y + title.box.h + 18, sw - 12, 5, TEXT_SIZES, c.ink, c.paper, undefined, 400);
      parts.push(title.svg, body.svg);
      Object.assign(boxes, { title: title.box, body: body.box });
      if (d.issuer) {
        const issuer = t.put(field('document.issuer'), d.issuer, SCREEN.x + SCREEN.w - PAD - 6, body.box.y + body.box.h + 16, sw - 140, 1, TEXT_SIZES, c.ink, c.paper, 'end');
        if (issuer.box.y + issuer.box.h > bottom - 40) throw new FitError(`${field('document.body')}: the notice does not fit on the screen`);
        // A round red seal with a star and no words, left of the issuer: looks official, names no one.
        const sealX = issuer.box.x - 60;
        const sealY = issuer.box.y + issuer.box.h / 2;
        parts.push(issuer.svg);
        parts.push(`<circle cx="${n(sealX)}" cy="${n(sealY)}" r="46" fill="none" stroke="${c.ring}" stroke-width="5" opacity="0.75"/>`);
        parts.push(`<path transform="translate(${n(sealX)} ${n(sealY)})" d="M0 -22l6.5 13.5 15 2-11 10.5 2.6 14.8L0 11.5l-13.1 7.3 2.6-14.8-11-10.5 15-2z" fill="${c.ring}" opacity="0.75"/>`);
        Object.assign(boxes, { issuer: issuer.box, stamp: { x: sealX - 46, y: sealY - 46, w: 92, h: 92 } });
      } else if (body.box.y + body.box.h > bottom - 40) {
        throw new FitError(`${field('document.body')}: the notice does not fit on the screen`);
      }
      break;
    }
    default:
      throw new FitError(`${field('layout')}: unknown layout "${scene.layout}"`);
  }
  return { ground: CLIP_COLOURS.point, still: parts.join(''), later, boxes, texts: t.list };
}

/** The ring or underline round a flagged element. */
function flagMark(flag: Flag, box: Box): string {
  const pad = 8;
  return flag.mark === 'underline'
    ? rect(box.x, box.y + box.h + 2, box.w, 6, CLIP_COLOURS.ring)
    : `<rect x="${n(box.x - pad)}" y="${n(box.y - pad)}" width="${n(box.w + 2 * pad)}" height="${n(box.h + 2 * pad)}" rx="14" fill="none" stroke="${CLIP_COLOURS.ring}" stroke-width="6"/>`;
}

/** The element box a flag points at; a flag at an element the scene lacks names the scene and the field. */
function flagged(scene: ClipScene, laid: Laid, field: (name: string) => string, flag: Flag, i: number): Box {
  const box = laid.boxes[flag.element];
  const known = elementNames(scene);
  if (!box || !known.includes(flag.element)) {
    throw new FitError(`${field(`flags[${i}].element`)}: a ${scene.layout} scene has no element "${flag.element}" (it has ${known.join(', ')})`);
  }
  return box;
}

/** The scene as laid out, with the flags' rings and labels and the words beside the phone. */
function layScene(scene: ClipScene, type: Typesetter, field: (name: string) => string, orientation: Orientation = 'landscape'): Laid {
  if (orientation === 'portrait') return layPortrait(scene, type, field);
  const c = CLIP_COLOURS;
  if ((TEXT_LAYOUTS as readonly string[]).includes(scene.layout)) {
    const ground = c[scene.layout as TextLayout];
    const t = new Texts(type);
    const lines = scene.screen.split('\n');
    const size = scene.layout === 'hook' ? 76 : 68;
    const height = lines.length * lh(size, 1.35);
    const top = (FRAME.height - height) / 2 - 20;
    // Each line fits on its own: a storyboard line is one line on screen.
    const svg = lines.map((line, i) => t.put(field('screen'), line, FRAME.width / 2, top + i * lh(size, 1.35), SAFE.width, 1, [size], c.white, ground, 'middle').svg);
    return { ground, still: svg.join(''), later: [], boxes: {}, texts: t.list };
  }
  const laid = phoneLayout(scene, type, field);
  const t = new Texts(type);
  if (scene.screen) {
    const heading = t.put(field('screen'), scene.screen, HEADING.x, 0, HEADING.w, 4, [44, 40, 36, 34], c.white, laid.ground);
    const y = (FRAME.height - heading.box.h) / 2 - 10;
    laid.still = `<g transform="translate(0 ${n(y)})">${heading.svg}</g>${laid.still}`;
    t.list.at(-1)!.box.y = y;
  }
  // Labels right of the phone, each level with its element where it can be, never overlapping.
  let free = SAFE.y + 56;
  for (const [i, flag] of (scene.flags ?? []).entries()) {
    const box = flagged(scene, laid, field, flag, i);
    const label = t.put(field(`flags[${i}].label`), flag.label, LABELS.x + 16, 0, LABELS.w - 32, 2, TEXT_SIZES, c.alarm, c.paper);
    const h = label.box.h + 20;
    const y = Math.max(free, Math.min(box.y + box.h / 2 - h / 2, SAFE.y + SAFE.height - 90 - h));
    if (y + h > SAFE.y + SAFE.height - 80) throw new FitError(`${field(`flags[${i}].label`)}: no room left for this label beside the phone`);
    free = y + h + 12;
    t.list.at(-1)!.box.y = y + 10;
    const pad = 8;
    const fromX = flag.mark === 'underline' ? box.x + box.w : box.x + box.w + pad;
    const fromY = flag.mark === 'underline' ? box.y + box.h + 5 : box.y + box.h / 2;
    const line = `<path d="M${n(fromX)} ${n(fromY)}L${n(LABELS.x)} ${n(y + h / 2)}" stroke="${c.ring}" stroke-width="4" fill="none"/>`;
    laid.later.push({ at: flag.at, svg: `${flagMark(flag, box)}${line}${rect(LABELS.x, y, LABELS.w, h, c.paper, 10)}${rect(LABELS.x, y, 8, h, c.ring)}<g transform="translate(0 ${n(y + 10)})">${label.svg}</g>` });
  }
  laid.texts.push(...t.list);
  return laid;
}

/**
 * Portrait: the phone is laid out as in landscape but narrower and shorter in its own units, then
 * drawn P_SCALE times larger, so its 34-unit text is 87 px, 4.5% of 1920. It fills the safe width.
 */
const P_SCALE = 2.56;
const P = PORTRAIT.safe;
const P_LINE = lh(FRAMES.portrait.minText);
/** The header row (the site's name or address) and the footer's three rows (the 96110 rule's two lines, then 报警 110). */
const P_HEADER_TOP = P.y + 8;
/** The footer's rows are set closer than text lines elsewhere: three rows of one line each. */
const P_ROW = Math.round(FRAMES.portrait.minText * 1.15);
const P_FOOTER_TOP = P.y + P.height - 8 - P_LINE - 2 * (P_ROW + 6);
/** The room between them, where the phone or a text scene's words go. */
const P_AREA = { top: P_HEADER_TOP + P_ROW + 12, bottom: PORTRAIT.captions.y - 2 };
/** The phone, in its own units, as tall as that room allows. */
const P_PHONE: PhoneBox = { x: 0, y: 0, w: Math.floor(P.width / P_SCALE), h: Math.floor((P_AREA.bottom - P_AREA.top) / P_SCALE), bezel: 8, pad: 6 };

function layPortrait(scene: ClipScene, type: Typesetter, field: (name: string) => string): Laid {
  const c = CLIP_COLOURS;
  const minText = FRAMES.portrait.minText;
  if ((TEXT_LAYOUTS as readonly string[]).includes(scene.layout)) {
    const ground = c[scene.layout as TextLayout];
    const t = new Texts(type);
    const lines = scene.screen.split('\n');
    // One size for every line, the largest at which each storyboard line stays one line, or else
    // the smallest, at which a line that does not fit wraps onto a second.
    const width = P.width - 16;
    const size = (scene.layout === 'hook' ? [112, 100] : [100]).find((s) => lines.every((l) => LAYOUT_MEASURE(l, s) <= width)) ?? minText;
    const blocks = lines.map((line) => t.put(field('screen'), line, PORTRAIT.width / 2, 0, width, 2, [size], c.white, ground, 'middle'));
    const gap = 16;
    const height = blocks.reduce((sum, b) => sum + b.box.h, 0) + gap * (blocks.length - 1);
    let y = (P_AREA.top + P_AREA.bottom - height) / 2;
    const svg = blocks.map((b, i) => {
      t.list[i]!.box.y = y;
      const placed = `<g transform="translate(0 ${n(y)})">${b.svg}</g>`;
      y += b.box.h + gap;
      return placed;
    });
    return { ground, still: svg.join(''), later: [], boxes: {}, texts: t.list };
  }
  const laid = phoneLayout(scene, type, field, P_PHONE);
  const screen = screenOf(P_PHONE);
  const t = new Texts(type);
  // Labels lie on the phone: just below what they flag, or just above, or else next to another
  // part of the screen or in the lowest free place, the nearest to what they flag; never on another
  // label, another flagged element (which would hide what its own ring shows) or any other part.
  const taken: Box[] = [];
  // Every element a flag may point at, and every other text on the screen, such as a page's title.
  const parts = [...Object.values(laid.boxes), ...laid.texts.map((text) => text.box)];
  for (const [i, flag] of (scene.flags ?? []).entries()) {
    const box = flagged(scene, laid, field, flag, i);
    const x = screen.x + 6;
    const w = screen.w - 12;
    const label = t.put(field(`flags[${i}].label`), flag.label, x + 22, 0, w - 34, 2, TEXT_SIZES, c.alarm, c.paper);
    const h = label.box.h + 20;
    const hits = (y: number, others: Box[]) => others.filter((o) => y < o.y + o.h + 8 && y + h + 8 > o.y).length;
    const low = screen.y + screen.h - 4 - h;
    const beside = [box, ...parts.filter((b) => b !== box)].flatMap((b) => [b.y + b.h + 14, b.y - 14 - h]);
    const free = [...beside, ...[0, 1, 2, 3].map((k) => low - k * (h + 8))].filter(
      (y) => y >= screen.y + 4 && y <= low && hits(y, [...taken, ...parts]) === 0,
    );
    const distance = (y: number) => Math.abs(y + h / 2 - (box.y + box.h / 2));
    const y = free.reduce<number | undefined>((best, y) => (best === undefined || distance(y) < distance(best) ? y : best), undefined);
    if (y === undefined) {
      throw new FitError(`${field(`flags[${i}].label`)}: no free place on the portrait phone for this label, beside the screen's parts and other labels; shorten it to one line`);
    }
    taken.push({ x, y, w, h });
    t.list.at(-1)!.box.y = y + 10;
    const card = `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="10" fill="${c.paper}" stroke="${c.ring}" stroke-width="4"/>${rect(x, y, 12, h, c.ring)}`;
    laid.later.push({ at: flag.at, svg: `${flagMark(flag, box)}${card}<g transform="translate(0 ${n(y + 10)})">${label.svg}</g>` });
  }
  laid.texts.push(...t.list);
  const px = P.x + (P.width - P_PHONE.w * P_SCALE) / 2;
  const py = P_AREA.top;
  const map = (b: Box): Box => ({ x: px + b.x * P_SCALE, y: py + b.y * P_SCALE, w: b.w * P_SCALE, h: b.h * P_SCALE });
  const g = (svg: string) => `<g transform="translate(${n(px)} ${n(py)}) scale(${P_SCALE})">${svg}</g>`;
  return {
    ground: laid.ground,
    still: g(laid.still),
    later: laid.later.map((part) => ({ at: part.at, svg: g(part.svg) })),
    boxes: Object.fromEntries(Object.entries(laid.boxes).map(([k, b]) => [k, map(b)])),
    texts: laid.texts.map((x) => ({ ...x, fontSize: x.fontSize * P_SCALE, box: map(x.box) })),
  };
}

/**
 * The words in every frame's corner: the short form of the rule on 96110 calls (content/advice,
 * CORNER_RULE in clip-hash.ts), one string per line. Checks that need no picture pass none.
 */
export type Corner = readonly string[];

/** The fixed parts of every frame: the site's name, the 96110 rule, and 报警 110. */
function fixedParts(type: Typesetter, address: string | null, orientation: Orientation, corner: Corner): { svg: string; texts: FrameText[] } {
  const t = new Texts(type);
  const c = CLIP_COLOURS;
  if (orientation === 'portrait') {
    const size = FRAMES.portrait.minText;
    // At 87 px a row holds 11 Chinese characters: the address, once there is one, stands for the name.
    const name = t.put('site name', address ?? '反诈提醒 · 上海', P.x + 8, P_HEADER_TOP, P.width - 16, 1, [size], c.white, c.point);
    // The rule's lines, one per row, then 报警 110 at the right of the last row.
    if (corner.length > 2) throw new FitError(`96110 line: the rule's short form has ${corner.length} lines; the portrait corner holds two`);
    const warn = corner.map((line, i) => t.put('96110 line', line, P.x + 8, P_FOOTER_TOP + i * (P_ROW + 6), P.width - 16, 1, [size], c.white, c.point));
    const hotline = t.put('110', '报警 110', P.x + P.width - 22, P_FOOTER_TOP + 2 * (P_ROW + 6), 400, 1, [size], c.alarm, c.paper, 'end');
    const b = hotline.box;
    const svg = `${name.svg}${warn.map((w) => w.svg).join('')}${rect(b.x - 14, b.y - 6, b.w + 28, b.h + 12, c.paper, 8)}${hotline.svg}`;
    return { svg, texts: t.list };
  }
  const name = t.put('site name', `反诈提醒 · ${address ?? '上海'}`, SAFE.x + 8, SAFE.y + 6, 560, 1, [34], c.white, c.point);
  // The rule's lines on one line, bottom left, beside 报警 110.
  const warn = corner.length ? [t.put('96110 line', corner.join(' '), SAFE.x + 8, SAFE.y + SAFE.height - 12 - lh(34), 620, 1, [34], c.white, c.point)] : [];
  const hotline = t.put('110', '报警 110', SAFE.x + SAFE.width - 22, SAFE.y + SAFE.height - 24 - lh(44), 300, 1, [44], c.alarm, c.paper, 'end');
  const b = hotline.box;
  const svg = `${name.svg}${warn.map((w) => w.svg).join('')}${rect(b.x - 14, b.y - 8, b.w + 28, b.h + 16, c.paper, 6)}${hotline.svg}`;
  return { svg, texts: t.list };
}

/** The ground under each fixed text, given the scene's ground. */
function fixedTexts(texts: FrameText[], ground: string): FrameText[] {
  return texts.map((x) => (x.field === '110' ? x : { ...x, ground }));
}

/**
 * Everything that can be wrong with a scene as drawn, in both orientations, as `field: message`
 * strings: text that does not fit its box, a flag at an element the scene lacks or after its end,
 * and text that is too small, too faint or outside the title-safe area. A problem only the portrait
 * cut has says so.
 */
export function sceneProblems(scene: ClipScene, type?: Typesetter): string[] {
  const problems: string[] = [];
  for (const [i, flag] of (scene.flags ?? []).entries()) {
    if (flag.at < 0 || flag.at >= scene.seconds) problems.push(`flags[${i}].at: ${flag.at} s is outside the ${scene.seconds} s scene`);
  }
  for (const [i, m] of (scene.chat?.messages ?? []).entries()) {
    if (m.at !== undefined && (m.at < 0 || m.at >= scene.seconds)) problems.push(`chat.messages[${i}].at: ${m.at} s is outside the ${scene.seconds} s scene`);
  }
  for (const orientation of ORIENTATIONS) {
    let found: string[];
    try {
      const laid = layScene(scene, type ?? measureOnly, (f) => f, orientation);
      found = legibilityProblems([...laid.texts, ...fixedTexts(fixedParts(measureOnly, null, orientation, []).texts, laid.ground)], orientation);
    } catch (error) {
      if (!(error instanceof FitError)) throw error;
      // The landscape layout's fit errors stand alone, as before: the scene cannot be drawn.
      if (orientation === 'landscape') return [error.message];
      found = [error.message];
    }
    const suffix = orientation === 'portrait' ? ' (portrait)' : '';
    for (const p of found) if (!problems.includes(p) && !problems.includes(p.replace(/ \(portrait\)$/, ''))) problems.push(p.endsWith(' (portrait)') ? p : p + suffix);
  }
  return problems;
}

/** Text too small, of too little contrast, or outside the title-safe area of its frame. */
export function legibilityProblems(texts: readonly FrameText[], orientation: Orientation = 'landscape'): string[] {
  const problems: string[] = [];
  const { safe, minText, height } = FRAMES[orientation];
  for (const x of texts) {
    if (x.fontSize < minText) problems.push(`${x.field}: "${x.text}" is set at ${n(x.fontSize)} px, at least ${minText} px (4.5% of the frame height of ${height} px) is needed`);
    const ratio = contrastRatio(x.fill, x.ground);
    if (ratio < MIN_CONTRAST) problems.push(`${x.field}: "${x.text}" has contrast ${ratio.toFixed(2)}:1 on its ground, at least ${MIN_CONTRAST}:1 is needed`);
    const { x: bx, y, w, h } = x.box;
    if (bx < safe.x || y < safe.y || bx + w > safe.x + safe.width || y + h > safe.y + safe.height) {
      problems.push(`${x.field}: "${x.text}" reaches outside the title-safe area`);
    }
  }
  return problems;
}

/** A typesetter that only measures, for checks that need no picture. */
const measureOnly: Typesetter = { measure: LAYOUT_MEASURE, line: () => '' };

/** How far an animation starting at `at` has got at `t`, from 0 to 1, eased. */
function progress(t: number, at: number, length = FADE): number {
  if (t < at) return 0;
  if (t >= at + length) return 1;
  const p = (t - at) / length;
  return 1 - (1 - p) * (1 - p);
}

/**
 * Draws a scene's frames in one orientation. `frame(t)` gives the SVG at `t` seconds into the
 * scene; frames in which nothing moves are the same string, so the renderer rasterises each
 * distinct frame once.
 */
export function sceneFrames(scene: ClipScene, type: Typesetter, address: string | null, where: string, orientation: Orientation, corner: Corner) {
  let laid: Laid;
  const size = FRAMES[orientation];
  try {
    laid = layScene(scene, type, (f) => `${where}.${f}`, orientation);
  } catch (error) {
    if (error instanceof FitError) throw new FitError(orientation === 'portrait' ? `${error.message} (portrait)` : error.message);
    throw error;
  }
  const fixed = fixedParts(type, address, orientation, corner);
  const isText = (TEXT_LAYOUTS as readonly string[]).includes(scene.layout);
  return {
    texts: [...laid.texts, ...fixedTexts(fixed.texts, laid.ground)],
    frame(t: number): string {
      // Quantised so that the eased values, and therefore the SVG, repeat exactly once still.
      const enter = Math.round(progress(t, 0) * 100) / 100;
      const body = [rect(0, 0, size.width, size.height, laid.ground)];
      const opacity = enter < 1 ? ` opacity="${n(enter)}"` : '';
      // Text scenes slide up 24 px as they fade in; phones fade in where they stand.
      const shift = isText && enter < 1 ? ` transform="translate(0 ${n(24 * (1 - enter))})"` : '';
      body.push(opacity || shift ? `<g${opacity}${shift}>${laid.still}</g>` : laid.still);
      for (const part of laid.later) {
        const p = Math.round(progress(t, part.at, 0.3) * 100) / 100;
        if (p === 0) continue;
        body.push(p < 1 ? `<g opacity="${n(p)}">${part.svg}</g>` : part.svg);
      }
      body.push(fixed.svg);
      return svgDocument(size.width, size.height, 'zh', body.join(''));
    },
  };
}
