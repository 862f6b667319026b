/** One line of a screen's play log, for the installer's ?debug=1 view. */
export interface LogEntry {
  atMs: number;
  event: 'start' | 'play' | 'skip' | 'nudge' | 'hold' | 'reload' | 'alert' | 'reel' | 'offline' | 'turn';
  detail: string;
}

/** Keep the newest `max` entries: the log lives in memory for months and must not grow. */
export function appendLog(log: readonly LogEntry[], entry: LogEntry, max = 100): LogEntry[] {
  const next = log.length >= max ? log.slice(log.length - max + 1) : log.slice();
  next.push(entry);
  return next;
}
