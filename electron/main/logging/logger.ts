/** Where main writes what the analyst does not see: electron-log in the app, the console in tests. */
export type Logger = Pick<Console, 'info' | 'warn' | 'error'>;
