import type { Logger } from '../logging/logger';
import { createParserPool, type ParserPool } from '../features/import/worker/parser-pool';
import { importWorkerFile } from './import-worker-file';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The real parser worker pool, running the TypeScript worker entry. Close it after the test. */
export function createTestParserPool(logger: Logger = quiet): ParserPool {
  return createParserPool({ workerFile: importWorkerFile, logger });
}
