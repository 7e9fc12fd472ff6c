import fc from 'fast-check';
import { HOSTILE_FRAGMENTS } from './hostile-memo';

/**
 * One piece of text a hostile or careless author might write: a known attack fragment,
 * any code units (lone surrogates included), or one character Markdown reacts to.
 */
export const hostileTextUnit = fc.oneof(
  fc.constantFrom(...HOSTILE_FRAGMENTS),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 4 }),
  fc.constantFrom(...' \n\t`*_[]()<>&#|\\-~!:^=„«'),
);
