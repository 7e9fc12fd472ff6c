import { describe, expect, it } from 'vitest';
import { contextAgreement } from '../context-agreement';

const prefix = 'Der Umsatz mit Cloud-Diensten st';
const suffix = ' um 33 Prozent auf 24 Milliarden';
const quote = 'ieg im Quartal';

/** Agreement of the context around `quote` placed in `text`. */
function agreementIn(text: string): number {
  const start = text.indexOf(quote);
  return contextAgreement(text, start, start + quote.length, { exact: quote, prefix, suffix });
}

describe('contextAgreement', () => {
  it('counts every character when prefix and suffix are where they were', () => {
    expect(agreementIn(prefix + quote + suffix + ' Dollar.')).toBe(64);
  });

  it('counts nothing for a side without context', () => {
    const text = `${quote}${suffix}`;
    expect(contextAgreement(text, 0, quote.length, { exact: quote, prefix: '', suffix })).toBe(32);
    expect(contextAgreement(text, 0, quote.length, { exact: quote, prefix: '', suffix: '' })).toBe(
      0,
    );
  });

  it('loses one character per edited character near the quote', () => {
    expect(agreementIn(prefix.replace('Cloud', 'Claud') + quote + suffix)).toBe(63);
    expect(agreementIn(prefix + quote + suffix.replace('33', '35'))).toBe(63);
  });

  it('loses only a little when words were inserted next to the quote', () => {
    const inserted = `Der Umsatz mit Cloud-Diensten, so der Konzern am Dienstag, st${quote}${suffix}`;
    expect(agreementIn(inserted)).toBeGreaterThanOrEqual(64 - 8);
    const after = `${prefix}${quote} nach Angaben des Konzerns${suffix}`;
    expect(agreementIn(after)).toBeGreaterThanOrEqual(64 - 8);
  });

  it('does not take the context of the next copy of the quote for its own', () => {
    // The suffix is found again, but past another copy of the quote: that copy's context.
    const repeated = `Fremder Satz vorab: ${quote} nichts dergleichen. ${prefix}${quote}${suffix}`;
    const first = repeated.indexOf(quote);
    const agreeing = contextAgreement(repeated, first, first + quote.length, {
      exact: quote,
      prefix,
      suffix,
    });
    expect(agreeing).toBeLessThan(20);
  });

  it('agrees little with unrelated context', () => {
    const other = `Die Aktie fiel nach der Meldung k${quote}, sagte ein Analyst der Deutschen Bank.`;
    expect(agreementIn(other)).toBeLessThan(32);
  });

  it('does not read context from before the start of the text', () => {
    expect(
      contextAgreement(`st${quote}`, 2, 2 + quote.length, { exact: quote, prefix, suffix: '' }),
    ).toBeLessThan(4);
  });
});
