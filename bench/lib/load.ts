// Closed-loop load: `concurrency` workers each send the next request as soon as their previous
// one answered, until `maxRequests` were sent or `maxMs` elapsed, whichever comes first.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  concurrency: number;
  requests: number;
  /** outcome label → count (e.g. "201", "409 SLOT_FULL", "error") */
  outcomes: Record<string, number>;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  /** true when the time bound, not the request bound, ended the run */
  stoppedByTime: boolean;
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function summarise(latencies: number[]): LatencySummary {
  const s = [...latencies].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { p50: round(percentile(s, 50)), p90: round(percentile(s, 90)), p99: round(percentile(s, 99)), max: round(s[s.length - 1] ?? NaN), mean: round(mean) };
}

/** `run(i)` performs request i and returns an outcome label; throwing counts as "error: …". */
export async function runLoad(o: {
  concurrency: number;
  maxRequests: number;
  maxMs: number;
  run: (i: number) => Promise<string>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let next = 0;
  let stoppedByTime = false;
  const started = performance.now();
  const deadline = started + o.maxMs;
  async function worker(): Promise<void> {
    for (;;) {
      if (next >= o.maxRequests) return;
      if (performance.now() >= deadline) {
        stoppedByTime = true;
        return;
      }
      const i = next++;
      const t0 = performance.now();
      let outcome: string;
      try {
        outcome = await o.run(i);
      } catch (error) {
        outcome = `error: ${error instanceof Error ? error.message.slice(0, 120) : String(error)}`;
      }
      latencies.push(performance.now() - t0);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    concurrency: o.concurrency,
    requests: latencies.length,
    outcomes,
    seconds: round(seconds, 3),
    requestsPerSecond: round(latencies.length / seconds, 1),
    latencyMs: summarise(latencies),
    stoppedByTime,
  };
}

export const ratio = (a: number, b: number) => round(a / b, 2);

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    /** 1, 5 and 15 minute load averages when the results were written: other work on the machine shows here */
    loadAverage: os.loadavg().map((n) => round(n, 2)),
  };
}

export const RESULTS_DIR = path.resolve(__dirname, '../results');

/** Writes bench/results/<name>-<timestamp>.json and <name>-latest.json; returns the first path. */
export function writeResults(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(RESULTS_DIR, `${name}-${stamp}.json`);
  const text = JSON.stringify(data, null, 2) + '\n';
  writeFileSync(file, text);
  writeFileSync(path.join(RESULTS_DIR, `${name}-latest.json`), text);
  return file;
}

/** A hard stop for the whole benchmark, whatever happens (every run ends by itself). */
export function watchdog(seconds: number, onTimeout: () => Promise<void>): NodeJS.Timeout {
  const timer = setTimeout(() => {
    console.error(`benchmark exceeded ${seconds} s: stopping`);
    void onTimeout().finally(() => process.exit(2));
  }, seconds * 1000);
  timer.unref();
  return timer;
}

