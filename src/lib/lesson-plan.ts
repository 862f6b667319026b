/**
 * The minutes of each step of a lesson's class plan, read from its `### Step (N 分钟)` /
 * `### Step (N min)` headings under the first `##` heading.
 */
export function planMinutes(body: string): { step: string; minutes: number }[] {
  const plan = body.split(/^## /m)[1] ?? '';
  return [...plan.matchAll(/^### (.+?)[（(]\s*(\d+)\s*(?:分钟|min)\s*[)）]\s*$/gm)].map((m) => ({ step: m[1]!.trim(), minutes: Number(m[2]) }));
}
