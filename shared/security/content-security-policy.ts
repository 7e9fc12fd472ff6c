/**
 * The renderer's Content-Security-Policy. Production allows nothing but the app's own
 * scripts, styles, fonts and images (plus `data:` images): no inline script or style,
 * no remote origin, no plugins, no `<base>`, no form posts. Development (the page is then
 * served by the Vite dev server, so `'self'` is that server) adds only what Vite needs:
 * inline styles and its React-refresh preamble, and its hot-reload socket.
 */
export function contentSecurityPolicy({ dev = false }: { dev?: boolean } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': dev ? ["'self'"] : ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
