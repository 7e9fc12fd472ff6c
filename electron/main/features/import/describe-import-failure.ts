import { AppError } from '../../errors/app-error';
import { ImportError } from './import-error';

/**
 * Names what failed to import: "Couldn't import 'Q3 note.pdf': the PDF has no text layer
 * (a scan). Margin cannot read it yet." Other errors (a full disk) already say what to do.
 */
export function describeImportFailure(subject: string, error: unknown): unknown {
  if (!(error instanceof ImportError)) return error;
  const reason = /[.!?]$/.test(error.reason) ? error.reason : `${error.reason}.`;
  return new AppError(error.code, `Couldn't import ${subject}: ${reason}`, { cause: error });
}
