const isMac = navigator.userAgent.includes('Mac');

/** "Ctrl+N" on Windows and Linux, "⌘N" on macOS, for a `mod+n`-style shortcut. */
export function shortcutLabel(shortcut: string): string {
  const keys = shortcut.split('+').map((key) => (key.length === 1 ? key.toUpperCase() : key));
  if (isMac) return keys.map((k) => (k === 'mod' ? '⌘' : k === 'shift' ? '⇧' : k)).join('');
  return keys.map((k) => (k === 'mod' ? 'Ctrl' : k === 'shift' ? 'Shift' : k)).join('+');
}
