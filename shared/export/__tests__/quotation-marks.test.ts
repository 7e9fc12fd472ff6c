import { describe, expect, it } from 'vitest';
import { quotationMarks } from '../quotation-marks';

describe('quotationMarks', () => {
  it('uses German, French (narrow no-break spaces) and English marks', () => {
    expect(quotationMarks('de')).toEqual({ open: '„', close: '“' });
    expect(quotationMarks('deu')).toEqual({ open: '„', close: '“' });
    expect(quotationMarks('fr')).toEqual({ open: '«\u202F', close: '\u202F»' });
    expect(quotationMarks('FRA')).toEqual({ open: '«\u202F', close: '\u202F»' });
    expect(quotationMarks('en')).toEqual({ open: '“', close: '”' });
    expect(quotationMarks('und')).toEqual({ open: '“', close: '”' });
    expect(quotationMarks('')).toEqual({ open: '“', close: '”' });
  });
});
