import { StoreFileError, type StoreFileSpec } from './store-file-spec';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new StoreFileError('corrupt', 'it is not valid UTF-8 text');
  }
}

function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') throw new StoreFileError('corrupt', 'it is empty');
  if (text.includes('\0')) {
    throw new StoreFileError(
      'corrupt',
      'it contains NUL bytes (typical of a write cut off by a crash)',
    );
  }
  if (text.startsWith('\uFEFF')) {
    throw new StoreFileError(
      'corrupt',
      'it starts with a byte-order mark, so another program rewrote it',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoreFileError('corrupt', 'it is not complete JSON (it may have been cut off)');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StoreFileError('corrupt', 'it does not hold a Margin store object');
  }
  return value as Record<string, unknown>;
}

/**
 * Reads a store file's bytes into a validated, migrated value. Nothing on disk is trusted
 * as a cast: every failure becomes a StoreFileError saying why, in plain words.
 */
export function parseStoreFile<T extends { schemaVersion: number }>(
  spec: StoreFileSpec<T>,
  bytes: Uint8Array,
): T {
  let data = parseJsonObject(decode(bytes));
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoreFileError('corrupt', 'it has no valid schema version');
  }
  if (version > spec.currentVersion) {
    throw new StoreFileError(
      'newer-version',
      `it was written by a newer version of Margin (format ${version}; this one reads up to ${spec.currentVersion})`,
      data,
    );
  }
  for (let from = version; from < spec.currentVersion; from++) {
    const migrate = spec.migrations[from];
    if (!migrate) throw new StoreFileError('corrupt', `no migration from format ${from}`);
    data = { ...migrate(data), schemaVersion: from + 1 };
  }
  const result = spec.schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
    throw new StoreFileError('corrupt', `it does not match Margin's format${where}`);
  }
  const damage = spec.check?.(result.data);
  if (damage) throw new StoreFileError('corrupt', damage);
  return result.data;
}

/** The exact bytes Margin writes for a value: validated first, so nothing unreadable is ever written. */
export function serializeStoreFile<T extends { schemaVersion: number }>(
  spec: StoreFileSpec<T>,
  value: T,
): string {
  const checked = (spec.writeSchema ?? spec.schema).parse(value);
  return JSON.stringify(checked, null, spec.compact ? undefined : 2) + '\n';
}
