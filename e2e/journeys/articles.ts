import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedsDir } from '../support/paths';

/** The reference article, exactly as shipped; the store keeps it but for its final newline. */
export const seedText = readFileSync(join(seedsDir, 'microsoft-openai-de.txt'), 'utf8').replace(
  /\n$/,
  '',
);
export const seedTitle =
  'Die Aktien von Microsoft erleben derzeit einen spürbaren Rückgang, der Investoren und…';
export const seedParagraphs = seedText.split('\n');
/** What Margin stores: one paragraph per line in the file, separated by a blank line. */
export const seedCanonicalText = seedParagraphs.join('\n\n');

/** A second article, pasted: French, with a headline, typographic quotes, a euro sign. */
export const frenchTitle = 'Airbus relève ses prévisions après un trimestre record';
export const frenchParagraphs = [
  frenchTitle,
  'Le constructeur aéronautique européen a livré 218 appareils au troisième trimestre, soit 12 % de plus qu’un an plus tôt, et vise désormais « environ 820 livraisons » sur l’année.',
  'Le chiffre d’affaires atteint 17,4 milliards d’euros ; la marge opérationnelle ajustée progresse à 9,1 %. Les analystes saluent une œuvre de redressement – mais s’inquiètent des retards de moteurs.',
];
export const frenchText = frenchParagraphs.join('\n\n');
