import { join } from 'node:path';

/** docs/examples/: exported reports made from the seed article and memo (see write-examples.ts). */
export const examplesDir = join(import.meta.dirname, '../../docs/examples');
