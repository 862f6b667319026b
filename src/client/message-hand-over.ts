/**
 * Carries what a reader typed into the search over to the message checker on /check/ without
 * sending it anywhere: the text rides in the tab's window name for the one navigation, which is
 * never part of a request or the URL and is not web storage. /check/ reads it into its
 * `textarea[name=message]` on load and empties the name at once, so the text lives on only in
 * the form. (The Navigation API's `state` would be the natural place, but Chromium drops it on a
 * navigation to another document.) A click that opens a new tab or window carries nothing.
 */

const PREFIX = 'fz:message:';

/** Follows a plain click on a link to /check/ with `text` handed over; other clicks are left alone. */
export function carryMessage(event: MouseEvent, text: string): void {
  const link = event.currentTarget as HTMLAnchorElement;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || !text) return;
  event.preventDefault();
  window.name = `${PREFIX}${text}`;
  location.assign(link.href);
}

/**
 * On /check/, after the checker's own script: puts a handed-over text into
 * `textarea[name=message]`, submits its form (the reader asked for the check by following the
 * link) and empties the window name. Returns whether a text arrived.
 */
export function receiveMessage(root: ParentNode = document): boolean {
  if (!window.name.startsWith(PREFIX)) return false;
  const text = window.name.slice(PREFIX.length);
  window.name = '';
  const box = root.querySelector<HTMLTextAreaElement>('textarea[name="message"]');
  if (!box || !text || box.value) return false;
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.form?.requestSubmit();
  return true;
}
