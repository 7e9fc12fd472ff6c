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

  it.each([
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' \u0000javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'smb://server/share',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'ms-msdt:/id',
    'http://',
    'not a url',
  ])('refuses %j', (raw) => {
    expect(toSafeExternalUrl(raw)).toBeNull();
  });
});
