/**
 * Two rules shown side by side in Chinese text (`<Advice id="a" /><Advice id="b" />`) come out
 * of MDX with a line break between their spans, which the browser shows as a space after the
 * first rule's 。. Chinese puts no space between sentences: the break between two rule spans goes.
 * English keeps it, as the space between two sentences.
 */
export function closeRuleSeams(html: string): string {
  return html.replace(/(<span class="fz-advice"[^>]*>[^<]*<\/span>)\s+(?=<span class="fz-advice")/g, '$1');
}
