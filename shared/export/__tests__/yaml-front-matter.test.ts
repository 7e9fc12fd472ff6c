import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlFrontMatter } from '../yaml-front-matter';

describe('yamlFrontMatter', () => {
  it('writes the keys in order, every string double-quoted', () => {
    const { type, value } = yamlFrontMatter([
      ['title', 'Risk: MSFT'],
      ['count', 3],
      ['missing', null],
      ['tickers', ['MSFT', 'SAP.DE']],
      ['none', []],
    ]);
    expect(type).toBe('yaml');
    expect(value).toBe(
      [
        'title: "Risk: MSFT"',
        'count: 3',
        'missing: null',
        'tickers:',
        '  - "MSFT"',
        '  - "SAP.DE"',
        'none: []',
      ].join('\n'),
    );
  });

  it('keeps every value on one line, so nothing can end the front matter', () => {
    const hostile = `${'long '.repeat(30)}\n---\nkey: value\n...\n# not a comment`;
    const { value } = yamlFrontMatter([
      ['title', hostile],
      ['list', [hostile]],
    ]);
    expect(value.split('\n')).toHaveLength(3);
    expect(value).not.toMatch(/^(?:---|\.\.\.)/m);
    expect(parse(value)).toEqual({ title: hostile, list: [hostile] });
  });

  it('does not fold long strings', () => {
    const long = 'word '.repeat(100).trim();
    expect(yamlFrontMatter([['title', long]]).value).toBe(`title: "${long}"`);
  });

  it('reads as plain text in a viewer that renders front matter as Markdown, HTML allowed', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '<javascript:alert(1)>',
      '`code` & &lt;',
      '![i](https://example.com/x.png)',
      '\\<script>',
    ];
    const fields = hostile.map((value, i) => [`field${i}`, value] as const);
    const { value } = yamlFrontMatter([...fields, ['list', hostile]]);
    const html = new MarkdownIt({ html: true, linkify: false }).render(`---\n${value}\n---\n`);
    expect(html).not.toMatch(/<(?:a|img|script|code)\b/i);
    expect(parse(value)).toEqual({ ...Object.fromEntries(fields), list: hostile });
  });
});
