import { AppError } from '../errors/app-error';

/** Refuses writes while the library is open read-only, saying why. */
export type ReadOnlyGuard = () => void;

export function readOnlyGuard(reason: () => string | null): ReadOnlyGuard {
  return () => {
    const why = reason();
    if (why) throw new AppError('STORE_READ_ONLY', `This library is read-only: ${why}`);
  };
}
