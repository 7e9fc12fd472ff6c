import { ARTICLE_TEXT_MAX_CHARS } from '../../../../shared/domain/import-limits';
import { ImportError } from './import-error';

/** The error for a source whose text is over Margin's limit for one article. */
export function textTooLong(length: number): ImportError {
  return new ImportError(
    'TOO_LARGE',
    `its text is ${length.toLocaleString('en')} characters long; Margin imports articles of up to ${ARTICLE_TEXT_MAX_CHARS.toLocaleString('en')} characters`,
  );
}
