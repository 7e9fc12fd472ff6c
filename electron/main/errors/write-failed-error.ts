import { AppError } from './app-error';

/** Saving to the data folder failed; `what` names what could not be saved ("the highlight"). */
export class WriteFailedError extends AppError {
  constructor(
    readonly what: string,
    message: string,
    cause: unknown,
  ) {
    super('STORE_WRITE_FAILED', message, { cause });
    this.name = 'WriteFailedError';
  }
}
