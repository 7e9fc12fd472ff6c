import { afterEach, describe, expect, it } from 'vitest';
import { citationSourceLabel, formatCitationDate } from '../source-label';

const full = {
  source: 'Handelsblatt',
  articleTitle: 'SAP hebt Prognose an',
  publishedAt: '2026-11-24',
  locator: '¶4',
};

describe('citationSourceLabel', () => {
  it('names the publisher, the date and the place', () => {
    expect(citationSourceLabel(full)).toBe('Handelsblatt, 24 Nov 2026, ¶4');
    expect(citationSourceLabel({ ...full, locator: 'p. 3' })).toBe(
      'Handelsblatt, 24 Nov 2026, p. 3',
    );
  });

  it('falls back to the article title, cut to 60 characters', () => {
    expect(citationSourceLabel({ ...full, source: null })).toBe(
      'SAP hebt Prognose an, 24 Nov 2026, ¶4',
    );
    expect(citationSourceLabel({ ...full, source: '  ' })).toBe(
      'SAP hebt Prognose an, 24 Nov 2026, ¶4',
    );
    const title =
      'Quartalszahlen: Der Softwarekonzern übertrifft die Erwartungen deutlich und hebt die Prognose an';
    const label = citationSourceLabel({ ...full, source: null, articleTitle: title });
    expect(label).toBe(
      'Quartalszahlen: Der Softwarekonzern übertrifft die Erwartun…, 24 Nov 2026, ¶4',
    );
    expect(label.split(', ')[0]).toHaveLength(60);
  });

  it('does not split an emoji when cutting the title', () => {
    const title = `${'x'.repeat(58)}📈 more`;
    const label = citationSourceLabel({
      source: null,
      articleTitle: title,
      publishedAt: null,
      locator: null,
    });
    expect(label).toBe(`${'x'.repeat(58)}…`);
    expect(label.isWellFormed()).toBe(true);
  });

  it('leaves out what is missing, without stray commas', () => {
    expect(citationSourceLabel({ ...full, publishedAt: null })).toBe('Handelsblatt, ¶4');
    expect(citationSourceLabel({ ...full, locator: null })).toBe('Handelsblatt, 24 Nov 2026');
    expect(citationSourceLabel({ ...full, source: null, articleTitle: null })).toBe(
      '24 Nov 2026, ¶4',
    );
    expect(
      citationSourceLabel({ source: null, articleTitle: '', publishedAt: null, locator: null }),
    ).toBe('');
  });

  it('leaves out a date that is not a calendar date', () => {
    expect(citationSourceLabel({ ...full, publishedAt: '2026-02-30' })).toBe('Handelsblatt, ¶4');
    expect(citationSourceLabel({ ...full, publishedAt: 'yesterday' })).toBe('Handelsblatt, ¶4');
  });
});

describe('formatCitationDate', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('shows the same day in every time zone', () => {
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'UTC']) {
      process.env.TZ = tz;
      expect(formatCitationDate('2026-11-24')).toBe('24 Nov 2026');
      expect(formatCitationDate('2027-01-01')).toBe('1 Jan 2027');
    }
  });

  it('keeps years before 100 as they are', () => {
    expect(formatCitationDate('0026-11-24')).toBe('24 Nov 26');
  });
});
