import type { ErrorCode } from '../../../shared/ipc/error-codes';

/**
 * An error the analyst should read: `message` says what happened, to which item, and what
 * they can do. It travels to the renderer as `{ code, message }`; anything else that is
 * thrown is logged and reported as INTERNAL without details.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}
