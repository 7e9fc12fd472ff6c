import type { Logger } from '../logging/logger';

/** A real Logger that keeps what was logged, so tests can assert on it and stay quiet. */
export function collectingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => {
    lines.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  };
  return { lines, info: keep, warn: keep, error: keep };
}
