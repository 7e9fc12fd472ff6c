const TEXT_FIELDS =
  'textarea, select, [contenteditable=""], [contenteditable="true"], input:not([type="radio"], [type="checkbox"], [type="button"], [type="submit"], [type="reset"])';

/**
 * True where a key press is typing (text fields) or belongs to a dialog or a form that
 * handles its own keys (`data-own-keys`), rather than being a global shortcut.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest(TEXT_FIELDS)) return true;
  return target.closest('[role="dialog"], [data-own-keys]') !== null;
}
