// Loads the TypeScript worker entry through tsx (tests and e2e only; the app runs the bundle).
import { register } from 'tsx/esm/api';

register();
await import('../features/import/worker/import-worker.ts');
