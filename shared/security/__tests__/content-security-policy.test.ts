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

  it('adds only inline styles, the refresh preamble and the dev socket in development', () => {
    const policy = directives(contentSecurityPolicy({ dev: true }));
    expect(policy['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(contentSecurityPolicy({ dev: true })).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
