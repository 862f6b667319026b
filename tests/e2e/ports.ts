import { test } from '@playwright/test';

/** The nginx server every spec shares (playwright.config.ts starts it). */
export const BASE_PORT = Number(process.env.E2E_PORT ?? 4329);

/** Ports a spec's own servers may take, in each worker: E2E_PORT+2 … E2E_PORT+17 hold two workers' ranges. */
const PER_WORKER = 8;
export const MAX_WORKERS = 2;

/**
 * The port for a server a test starts (`slot` 0 to 7), unique to the worker that runs it, so two
 * workers never start servers on the same port. Call it in a test or a hook.
 */
export function workerPort(slot: number): number {
  const index = test.info().parallelIndex;
  if (slot < 0 || slot >= PER_WORKER) throw new Error(`port slot ${slot} is outside 0–${PER_WORKER - 1}`);
  if (index >= MAX_WORKERS) throw new Error(`worker ${index}: only ${MAX_WORKERS} workers have ports of their own (E2E_PORT+2 … +17)`);
  return BASE_PORT + 2 + index * PER_WORKER + slot;
}

/** The slots of the specs that start servers. */
export const SLOT = { serve: 0, serveRoot: 1, kioskOffline: 2, kioskReceiver: 3, kioskKitDebug: 4, kioskPortrait: 5 } as const;
