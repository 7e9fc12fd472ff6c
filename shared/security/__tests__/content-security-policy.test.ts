import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../content-security-policy';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((d) => {
      const [name, ...sources] = d.split(' ');
      return [name, sources];
    }),
  );

describe('contentSecurityPolicy', () => {
  it('allows only the app itself in production', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:']);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'none'"]);
    expect(policy['connect-src']).toEqual(["'none'"]);
  });

  it('never allows inline script, eval or remote origins in production', () => {
    const policy = contentSecurityPolicy();
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('adds only the dev server (and its socket) in development', () => {
    const policy = directives(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }));
    expect(policy['script-src']).toContain('http://localhost:5173');
    expect(policy['connect-src']).toEqual([
      "'self'",
      'http://localhost:5173',
      'ws://localhost:5173',
    ]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['script-src']).not.toContain("'unsafe-eval'");
  });
});
