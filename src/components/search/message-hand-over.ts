/**
 * Carries what a reader typed into the search over to the message checker on /check/ without
 * sending it anywhere: the text rides in the state of the tab's next history entry (the
 * Navigation API), which never leaves the browser, is not part of the URL and is not web
 * storage. /check/ takes it into its `textarea[name=message]` and then clears the state, so the
 * text lives on only in the form. Browsers without the Navigation API just open /check/.
 */

const KEY = 'fz:message';

interface NavigationLike {
  navigate(url: string, options: { state: unknown }): unknown;
  currentEntry: { getState(): unknown } | null;
  updateCurrentEntry(options: { state: unknown }): void;
}

const navigation = (): NavigationLike | undefined => (window as unknown as { navigation?: NavigationLike }).navigation;

/** Opens `href` with `text` handed over; false when this browser cannot, so the link opens plainly. */
export function carryMessage(href: string, text: string): boolean {
  const nav = navigation();
  if (!nav || typeof nav.navigate !== 'function') return false;
  nav.navigate(href, { state: { [KEY]: text } });
  return true;
}

/**
 * On /check/, after the checker's own script: puts a handed-over text into
 * `textarea[name=message]`, submits its form (the reader asked for the check by following the
 * link) and forgets the state. Returns whether a text arrived.
 */
export function receiveMessage(root: ParentNode = document): boolean {
  const nav = navigation();
  const state = nav?.currentEntry?.getState() as Record<string, unknown> | undefined;
  const text = state?.[KEY];
  if (typeof text !== 'string' || !text) return false;
  const box = root.querySelector<HTMLTextAreaElement>('textarea[name="message"]');
  if (!box) return false;
  nav!.updateCurrentEntry({ state: undefined });
  if (box.value) return false;
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  // The reader asked for the check when they followed the link: run it.
  box.form?.requestSubmit();
  return true;
}
