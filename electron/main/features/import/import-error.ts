import type { ErrorCode } from '../../../../shared/ipc/error-codes';
import { AppError } from '../../errors/app-error';

/**
 * A failed import, with a reason the analyst can act on. `reason` completes the sentence
 * "Couldn't import '<name>': …", which the import handler builds once it knows the name.
 */
export class ImportError extends AppError {
  constructor(
    code: ErrorCode,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(code, reason, options);
    this.name = 'ImportError';
  }
}
