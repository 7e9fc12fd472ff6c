/**
 * Neighbouring words (any case) that show a name is used as an everyday word, whatever else
 * the text says: "Apple pie", "the Amazon rainforest", "Shell script", "Oracle of Delphi",
 * "Diese Allianz". They veto that one mention of an ambiguous alias only. `phrases` are
 * names that contain a company name but are people, places or things ("Nikola Tesla"); they
 * are matched like aliases, case-sensitively, and hide the company name inside them.
 */
export const commonWordCues: {
  readonly before: ReadonlySet<string>;
  readonly after: ReadonlySet<string>;
  readonly phrases: readonly string[];
} = {
  before: new Set([
    // Demonstratives rarely precede a company name.
    'this',
    'these',
    'those',
    'diese',
    'dieser',
    'dieses',
    'diesem',
    'diesen',
    'jene',
    'jener',
    'jenes',
    'solche',
    'solchen',
    'cette',
    'ces',
  ]),
  after: new Set([
    // Food and nature.
    'pie',
    'pies',
    'crumble',
    'cake',
    'tart',
    'juice',
    'cider',
    'sauce',
    'strudel',
    'tree',
    'trees',
    'orchard',
    'kuchen',
    'saft',
    'baum',
    'rainforest',
    'river',
    'basin',
    'jungle',
    'forest',
    'delta',
    'regenwald',
    'fluss',
    'forêt',
    'amazonienne',
    // Everyday nouns.
    'script',
    'scripts',
    'scripting',
    'application',
    'applications',
    'waiver',
    'requirements',
    'audience',
    'audiences',
    'of',
    'analysis',
    'analyse',
    'daten',
    'ebene',
    'study',
    'studie',
  ]),
  phrases: [
    'Nikola Tesla',
    'Hieronymus Bosch',
    'Harrison Ford',
    'Gerald Ford',
    'Tom Ford',
    'Leonardo da Vinci',
    'da Vinci',
    'Big Apple',
    'Continental Europe',
    'Continental Airlines',
    'Orange County',
    'Target Date',
    'Mars Rover',
    // A surname ("Julia La Roche") and L'Oréal's La Roche-Posay; the company is "Roche".
    'La Roche',
  ],
};
