const NAMES: Record<string, string> = {
  darwin: 'macOS',
  win32: 'Windows',
  linux: 'Linux',
  freebsd: 'FreeBSD',
  openbsd: 'OpenBSD',
};

/** The OS as people name it ("macOS"), for Node's `process.platform` ("darwin"). */
export function platformName(platform: string): string {
  return NAMES[platform] ?? platform;
}
