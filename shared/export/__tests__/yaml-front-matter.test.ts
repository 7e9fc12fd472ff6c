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
});
