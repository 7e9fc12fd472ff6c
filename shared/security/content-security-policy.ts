/**
 * The renderer's Content-Security-Policy. Production allows nothing but the app's own
 * scripts, styles, fonts and images (plus `data:` images): no inline script or style,
 * no remote origin, no plugins, no `<base>`, no form posts. Development adds only the
 * Vite dev server, which injects inline styles and a hot-reload socket.
 */
export function contentSecurityPolicy(options: { devServerOrigin?: string } = {}): string {
  const dev = options.devServerOrigin;
  const devSocket = dev?.replace(/^http/, 'ws');
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"],
    'style-src': dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': dev && devSocket ? ["'self'", dev, devSocket] : ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
