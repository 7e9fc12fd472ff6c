import { ClaimClass } from '../domain/highlight';

/** Class codes are indexes into this list, which is also the order of class groups. */
export const CLASS_ORDER: readonly ClaimClass[] = ClaimClass.options;
