/** A clip length as a clock: 45 → "0:45", 75.4 → "1:15". */
export function clock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The HTML a school pastes to show a clip in its own page. */
export function embedSnippet(url: string, title: string): string {
  const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attr(url)}" width="640" height="600" title="${attr(title)}" allowfullscreen></iframe>`;
}
