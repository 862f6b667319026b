/**
 * The /check/ page in the browser: checks the text in the box against the signals shipped in
 * the page and shows the answer. Nothing leaves the page: no request, no storage, no URL change.
 * The reader's text only ever reaches the page as text nodes.
 */
import { check, type CheckData, type CheckResult } from '../lib/check/match';
import { receiveMessage } from './message-hand-over';

/**
 * What CheckView.astro puts in `[data-check-payload]`. Each signal's label and meaning are
 * read from the page's own checklist (`[data-label-of]`, `[data-meaning-of]`), not sent twice.
 */
export interface CheckPayload {
  data: CheckData;
  categories: Record<string, { name: string; href: string }>;
  /** Interface strings, by the part of the `check.` key after the prefix. */
  t: Record<string, string>;
}

const root = document.querySelector<HTMLElement>('[data-check]');
if (root) start(root);

function start(root: HTMLElement): void {
  const payload = JSON.parse(root.querySelector('[data-check-payload]')!.textContent!) as CheckPayload;
  const t = (key: string, n?: number) => (payload.t[key] ?? key).replace('{n}', String(n ?? ''));
  const form = root.querySelector<HTMLFormElement>('[data-check-form]')!;
  const box = form.querySelector<HTMLTextAreaElement>('textarea[name="message"]')!;
  const error = root.querySelector<HTMLElement>('[data-check-error]')!;
  const result = root.querySelector<HTMLElement>('[data-check-result]')!;
  // Read aloud for the answer (ReadAloud.astro), shown under its heading; it hides itself where the device has no voice.
  const readAloud = root.querySelector<HTMLElement>('[data-read-aloud]');

  // The page says checking needs JavaScript; it has it, so the note goes and the starters come.
  root.querySelector<HTMLElement>('[data-check-noscript]')!.hidden = true;
  const starters = root.querySelector<HTMLElement>('[data-check-starters]')!;
  starters.hidden = false;
  starters.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-starter]');
    if (!button) return;
    const start = button.dataset.starter!;
    box.value = box.value.trim() ? `${box.value.replace(/\s+$/, '')}\n${start}` : start;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    hideError();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!box.value.trim()) {
      clearResult();
      error.textContent = t('empty');
      error.hidden = false;
      box.setAttribute('aria-invalid', 'true');
      box.focus();
      return;
    }
    hideError();
    show(check(box.value, payload.data));
  });
  box.addEventListener('input', hideError);
  // A description typed into the search arrives in the box; the reader came for the answer, so check it now.
  if (receiveMessage(root)) form.requestSubmit();
  form.querySelector('[data-check-clear]')!.addEventListener('click', () => {
    box.value = '';
    hideError();
    clearResult();
    box.focus();
  });

  function textOf(part: 'label' | 'meaning', id: string): string {
    const node = root.querySelector(`[data-${part}-of="${id}"]`);
    if (!node) throw new Error(`the checklist has no ${part} for signal "${id}"`);
    return node.textContent!.trim();
  }

  function hideError(): void {
    error.hidden = true;
    error.textContent = '';
    box.removeAttribute('aria-invalid');
  }

  function clearResult(): void {
    // The read-aloud controls go back to where they wait, hidden, for the next answer.
    if (readAloud) root.querySelector('[data-check-read]')!.append(readAloud);
    result.replaceChildren();
    result.removeAttribute('data-verdict');
    result.removeAttribute('data-categories');
  }

  function show(answer: CheckResult): void {
    const parts: Node[] = [];
    const verdict = answer.verdict === 'no-known-signs' ? 'none' : answer.verdict;
    const heading = el('h2', t(`${verdict}.title`));
    heading.tabIndex = -1;
    parts.push(heading, ...(readAloud ? [readAloud] : []), el('p', t(`${verdict}.text`)));
    if (answer.truncated) parts.push(el('p', t('truncated', answer.checked.length), 'check-truncated'));

    if (answer.found.length) {
      parts.push(el('h3', t('found')));
      const list = el('ol', undefined, 'check-found');
      for (const f of answer.found) {
        const item = el('li');
        item.append(el('strong', textOf('label', f.id)));
        const quotes = el('p', undefined, 'check-quotes');
        quotes.append(t('quoted'), ...f.quotes.flatMap((q, i) => [...(i ? [t('sep')] : []), el('mark', q)]));
        item.append(quotes, el('p', textOf('meaning', f.id)));
        list.append(item);
      }
      parts.push(list);

      // The reader's own message, marked: read aloud skips it, since the quotes above already say what was found.
      const inText = el('h3', t('inText'));
      inText.dataset.readSkip = '';
      parts.push(inText);
      const copy = el('div', undefined, 'check-text');
      copy.dataset.readSkip = '';
      let at = 0;
      for (const mark of answer.marks) {
        copy.append(answer.checked.slice(at, mark.start), el('mark', answer.checked.slice(mark.start, mark.end)));
        at = mark.end;
      }
      copy.append(answer.checked.slice(at));
      parts.push(copy);
    }

    if (answer.categories.length) {
      parts.push(el('h3', t('likely')));
      const list = el('ul', undefined, 'check-likely');
      for (const slug of answer.categories) {
        const link = el('a', payload.categories[slug]!.name) as HTMLAnchorElement;
        link.href = payload.categories[slug]!.href;
        const item = el('li');
        item.append(link);
        list.append(item);
      }
      parts.push(list);
    }

    result.replaceChildren(...parts);
    result.dataset.verdict = answer.verdict;
    result.dataset.categories = answer.categories.join(' ');
    // The answer starts at the top of the screen, however long the text above it.
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }
}

function el(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}
