import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';
import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';

export interface SharedWindow {
  window: DOMWindow;
  purify: DOMPurify;
}

let shared: SharedWindow | null = null;

/**
 * One jsdom window and one DOMPurify bound to it, made on first use and reused: building a
 * window costs far more than parsing a page. The window never runs scripts (no
 * `runScripts`) and never loads subresources (no `resources`); its console goes nowhere,
 * so CSS parse warnings from imported pages stay out of the log.
 */
export function sharedWindow(): SharedWindow {
  if (shared === null) {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>', {
      virtualConsole: new VirtualConsole(),
    });
    shared = { window, purify: createDOMPurify(window as unknown as WindowLike) };
  }
  return shared;
}
