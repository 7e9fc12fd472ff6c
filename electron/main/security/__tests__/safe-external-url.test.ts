import { describe, expect, it } from 'vitest';
import { toSafeExternalUrl } from '../safe-external-url';

describe('toSafeExternalUrl', () => {
  it('passes http, https and mailto links', () => {
    expect(toSafeExternalUrl('https://www.handelsblatt.com/a?b=1')).toBe(
      'https://www.handelsblatt.com/a?b=1',
    );
    expect(toSafeExternalUrl('http://example.com')).toBe('http://example.com/');
    expect(toSafeExternalUrl('mailto:ir@example.com')).toBe('mailto:ir@example.com');
  });

  it('strips control characters before parsing, so a stray newline does not block a real link', () => {
    expect(toSafeExternalUrl('https://example.com/report\n')).toBe('https://example.com/report');
    expect(toSafeExternalUrl('ht\ttps://example.com/')).toBe('https://example.com/');
  });

  it('shows a look-alike host as the punycode it is', () => {
    expect(toSafeExternalUrl('https://bаnk.example/')).toBe('https://xn--bnk-6cd.example/');
  });

  it.each([
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    ' \u0000javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript\u0085:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'file:///etc/passwd',
    'file://server/share',
    '\\\\server\\share\\x',
    'smb://server/share',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'ms-msdt:/id',
    'ms-settings:',
    'app://margin/index.html',
    'https://bank.example@evil.example/',
    'https://user:pass@example.com/',
    'http://',
    '//evil.example/',
    'not a url',
  ])('refuses %j', (raw) => {
    expect(toSafeExternalUrl(raw)).toBeNull();
  });
});
