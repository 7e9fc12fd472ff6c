/** Legal-form words that turn a common word into a company name: "Apple Inc", "Allianz SE". */
const SUFFIXES = new Set([
  'Inc',
  'Incorporated',
  'Corp',
  'Corporation',
  'Co',
  'Company',
  'AG',
  'SE',
  'KGaA',
  'GmbH',
  'plc',
  'PLC',
  'Ltd',
  'Limited',
  'LLC',
  'NV',
  'SA',
  'SpA',
  'ASA',
  'AB',
  'Group',
  'Gruppe',
  'Holding',
  'Holdings',
  'Platforms',
]);

/** Whether a word, exactly as written, is a legal form or group word after a company name. */
export function isLegalSuffix(word: string): boolean {
  return SUFFIXES.has(word);
}
