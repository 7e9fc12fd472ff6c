import { PasswordResponses } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportError } from '../../import-error';

/** What pdf.js rejects with when a password is missing or wrong. */
function passwordResponse(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'PasswordException' && typeof code === 'number' ? code : null;
}

/**
 * Turns whatever pdf.js threw into an ImportError the analyst can act on; the library's own
 * message stays in `cause`, for the log.
 */
export function pdfImportError(error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  switch (passwordResponse(error)) {
    case PasswordResponses.NEED_PASSWORD:
      return new ImportError('PASSWORD_REQUIRED', 'the PDF is protected by a password', {
        cause: error,
      });
    case PasswordResponses.INCORRECT_PASSWORD:
      return new ImportError('PASSWORD_INCORRECT', 'the password is not correct for this PDF', {
        cause: error,
      });
    default:
      return new ImportError('DAMAGED_FILE', 'the file is damaged or is not a PDF', {
        cause: error,
      });
  }
}
