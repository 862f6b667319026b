/**
 * Read aloud with the browser's own speech synthesis and a voice on this device only, so the
 * text never leaves the phone. The controls stay hidden until such a voice is found. Each
 * sentence is one utterance; the one being read is highlighted (CSS Custom Highlight API, or
 * the selection where that is missing).
 */
import { pickVoice, splitSentences, type Sentence } from '../lib/read-aloud';

const HIGHLIGHT = 'fz-read-aloud';

/**
 * The highlight's colours, added by the script that draws it: pages carry their CSS inline (#19),
 * and the W3C HTML checker's CSS parser stops at ::highlight(). A stylesheet built in script is
 * not inline code, so the Content-Security-Policy needs no hash for it.
 */
function paintHighlight(): void {
  if (document.adoptedStyleSheets.some((sheet) => sheet.cssRules[0]?.cssText.includes(HIGHLIGHT))) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`::highlight(${HIGHLIGHT}) { background-color: #ffe066; color: #000; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
/** What is not read: navigation, link lists, sources, the controls themselves, hidden text. */
const SKIP = 'nav, svg, script, style, template, [hidden], [aria-hidden="true"], .fz-print-only, .fz-linkcards, .fz-read, [data-read-skip]';
/** Elements that end a sentence even without a full stop: a heading is read on its own. */
const BLOCK = /^(P|LI|H[1-6]|DT|DD|TD|TH|CAPTION|FIGCAPTION|BLOCKQUOTE|PRE|SUMMARY|LEGEND|DIV|SECTION|ARTICLE|HEADER|FOOTER|ASIDE|UL|OL|DL|TABLE|TR|FIGURE|FORM|FIELDSET)$/;

type State = 'idle' | 'reading' | 'paused';

/** The text of `root` as blocks, with the text nodes each block's characters come from. */
function collect(root: Element) {
  const blocks: { text: string; nodes: { node: Text; from: number }[] }[] = [];
  let current: (typeof blocks)[number] | undefined;
  const walk = (el: Element) => {
    for (const child of el.childNodes) {
      if (child instanceof Text) {
        const value = child.data;
        if (!value.trim() && !current) continue;
        current ??= blocks[blocks.push({ text: '', nodes: [] }) - 1];
        current!.nodes.push({ node: child, from: current!.text.length });
        current!.text += value;
      } else if (child instanceof Element && !child.matches(SKIP)) {
        const block = BLOCK.test(child.tagName);
        if (block) current = undefined;
        walk(child);
        if (block) current = undefined;
      }
    }
  };
  walk(root);
  return blocks;
}

/** A DOM range over one sentence. */
function rangeOf(block: ReturnType<typeof collect>[number], sentence: Sentence): Range {
  const at = (offset: number, end: boolean) => {
    const hit = block.nodes.findLast((n) => (end ? n.from < offset : n.from <= offset)) ?? block.nodes[0]!;
    return [hit.node, Math.min(offset - hit.from, hit.node.length)] as const;
  };
  const range = document.createRange();
  range.setStart(...at(sentence.start, false));
  range.setEnd(...at(sentence.end, true));
  return range;
}

export function enhanceReadAloud(box: HTMLElement): void {
  const synth = window.speechSynthesis;
  const target = document.getElementById(box.dataset.for ?? '');
  const locale = box.dataset.locale === 'en' ? 'en' : 'zh-CN';
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined' || !target) return;
  const [start, pause, stop] = (['start', 'pause', 'stop'] as const).map((name) => box.querySelector<HTMLButtonElement>(`[data-read="${name}"]`)!);
  const status = box.querySelector<HTMLElement>('[data-read="status"]')!;
  const labels = { pause: box.dataset.pause!, resume: box.dataset.resume! };
  let voice: SpeechSynthesisVoice | undefined;
  let state: State = 'idle';
  let queue: Range[] = [];
  let index = 0;
  /** Bumped on every start and stop, so the events of a cancelled utterance are ignored. */
  let run = 0;

  const highlight = (range: Range | undefined) => {
    const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
    if (registry) {
      paintHighlight();
      if (range) registry.set(HIGHLIGHT, new Highlight(range));
      else registry.delete(HIGHLIGHT);
      return;
    }
    const selection = window.getSelection();
    selection?.removeAllRanges();
    if (range) selection?.addRange(range);
  };

  const show = (next: State) => {
    // A button that hides itself would drop keyboard focus on the page: hand it to the one that replaces it.
    const focused = box.contains(document.activeElement) ? document.activeElement : null;
    state = next;
    start.hidden = next !== 'idle';
    pause.hidden = stop.hidden = next === 'idle';
    pause.textContent = next === 'paused' ? labels.resume : labels.pause;
    status.textContent = box.dataset[next] ?? '';
    if (focused instanceof HTMLElement && focused.hidden) (next === 'idle' ? start : pause).focus();
  };

  const end = () => {
    run++;
    synth.cancel();
    highlight(undefined);
    show('idle');
  };

  const speak = (current: number) => {
    const range = queue[index];
    if (!range || !voice) return end();
    const utterance = new SpeechSynthesisUtterance(range.toString().replace(/\s+/g, ' '));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onstart = () => {
      if (current !== run) return;
      highlight(range);
      const el = range.startContainer.parentElement;
      const rect = range.getBoundingClientRect();
      if (el && (rect.top < 0 || rect.bottom > window.innerHeight)) el.scrollIntoView({ block: 'center' });
    };
    utterance.onend = () => {
      if (current !== run) return;
      index++;
      speak(current);
    };
    utterance.onerror = (event) => {
      if (current === run && event.error !== 'interrupted' && event.error !== 'canceled') end();
    };
    synth.speak(utterance);
  };

  start.addEventListener('click', () => {
    synth.cancel();
    const blocks = collect(target);
    queue = splitSentences(blocks.map((b) => b.text)).map((s) => rangeOf(blocks[s.block]!, s));
    index = 0;
    show('reading');
    speak(++run);
  });
  pause.addEventListener('click', () => {
    if (state === 'reading') {
      synth.pause();
      show('paused');
    } else if (state === 'paused') {
      synth.resume();
      show('reading');
    }
  });
  stop.addEventListener('click', end);
  // A checker result that is replaced while it is read would highlight text that is gone.
  new MutationObserver((records) => {
    if (state !== 'idle' && records.some((r) => !box.contains(r.target))) end();
  }).observe(target, { childList: true, subtree: true, characterData: true });
  window.addEventListener('pagehide', () => state !== 'idle' && end());

  const findVoice = () => {
    voice = pickVoice(synth.getVoices(), locale);
    box.hidden = !voice;
    if (!voice && state !== 'idle') end();
  };
  findVoice();
  synth.addEventListener?.('voiceschanged', findVoice);
}
