// Runs in the page before its scripts (Playwright init script): builds `window.workbench`
// with the same factory the preload uses, over a transport that calls the real main
// handlers in the test process through the `__marginInvoke` binding.
import { createWorkbenchApi } from '../../shared/ipc/create-workbench-api';

type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
const page = window as unknown as {
  __marginInvoke: Invoke;
  __marginCspViolation: (report: string) => Promise<void>;
};

// Every CSP violation goes to the test process, which fails the test on any (see fixtures).
document.addEventListener('securitypolicyviolation', (event) => {
  void page.__marginCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
  );
});

Object.defineProperty(window, 'workbench', {
  value: createWorkbenchApi((channel, payload) => page.__marginInvoke(channel, payload)),
  writable: false,
  configurable: false,
});
