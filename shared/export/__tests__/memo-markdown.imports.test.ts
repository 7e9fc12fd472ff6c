import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module memo-markdown.ts loads, following relative imports that are not type-only. */
function runtimeModules(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, clause, from] of source.matchAll(
      /^(?:import|export)\s+([^;]*?)\s+from\s+'([^']+)';/gm,
    )) {
      if (/^type\b/.test(clause!) || !from!.startsWith('.')) continue;
      stack.push(`${resolve(dirname(file), from!)}.ts`);
    }
  }
  return [...seen];
}

describe('memo-markdown imports', () => {
  it('loads no zod schema (the renderer imports it, and zod trips its CSP)', () => {
    const modules = runtimeModules(join(import.meta.dirname, '..', 'memo-markdown.ts'));
    expect(modules.length).toBeGreaterThan(10);
    for (const file of modules) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from 'zod'/);
    }
  });
});
