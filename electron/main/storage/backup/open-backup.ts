import { open } from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { libraryFileSpec } from '../store-files';
import { BackupError } from './backup-error';
import { BACKUP_LIMITS } from './backup-limits';
import { BACKUP_FORMAT_VERSION, BACKUP_MANIFEST_NAME, BackupManifest } from './backup-manifest';
import { BlockReader } from './block-reader';
import { parseLibraryStorePath, type LibraryStorePath } from './library-store-path';
import { readEntryBytes } from './read-entry-bytes';

/** One file of a checked backup: its manifest record, where it goes, and its zip entry. */
export interface BackupFile {
  path: string;
  storePath: LibraryStorePath;
  size: number;
  sha256: string;
  entry: Entry;
}

/** A backup whose structure was checked; nothing of it has been unpacked but its manifest. */
export interface OpenBackup {
  manifest: BackupManifest;
  /** Every file but the manifest, in the zip's order. */
  files: BackupFile[];
  /** The zip file's size. */
  bytes: number;
  zip: ZipFile;
  /** The zip file's bytes (read its entries with readEntryBytes). */
  reader: BlockReader;
  close(): void;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gib = (bytes: number) => `${bytes / 1024 ** 3} GiB`;
/** A name as the analyst may see it: quoted, control characters escaped, not too long. */
const shown = (name: string) => JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);

const notABackup = () => new BackupError('UNSUPPORTED_FORMAT', 'This file is not a Margin backup.');
const damaged = (what: string) => BackupError.damaged(what);
const altered = (what: string) =>
  new BackupError(
    'DAMAGED_FILE',
    `This backup cannot be restored: ${what}. It was not made by Margin, or it was altered; nothing was restored.`,
  );
const looksLikeABomb = (what: string) =>
  new BackupError(
    'TOO_LARGE',
    `This backup ${what}, far more than a Margin library holds. It looks like a zip bomb, so nothing was restored.`,
  );

/** A name that, unpacked naively, would land outside the folder it is unpacked into. */
function leavesTheFolder(name: string): boolean {
  return (
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.includes('\\') ||
    name.includes('\0') ||
    name.split('/').includes('..')
  );
}

/** Only regular files: a symbolic link (or device, or folder) in a backup is refused. */
function isRegularFile(entry: Entry): boolean {
  const type = (entry.externalFileAttributes >>> 16) & 0o170000;
  return type === 0 || type === 0o100000;
}

/**
 * Deflate never grows data by more than a few bytes per 16 KiB block: a larger compressed
 * size is a lie, and reading it would hold the zip's bytes in memory for nothing.
 */
const compressedSizeIsPlausible = (entry: Entry) =>
  entry.compressedSize <= entry.uncompressedSize * 1.01 + 1024;

function ratioTooHigh(inflated: number, compressed: number): boolean {
  return (
    inflated > BACKUP_LIMITS.ratioFloorBytes &&
    inflated > BACKUP_LIMITS.maxRatio * Math.max(compressed, 1)
  );
}

async function openZip(path: string): Promise<{ zip: ZipFile; reader: BlockReader }> {
  const handle = await open(path, 'r');
  let reader: BlockReader;
  try {
    reader = new BlockReader(handle, (await handle.stat()).size);
  } catch (error) {
    await handle.close();
    throw error;
  }
  try {
    // Names are decoded and checked here, so that each refusal can say what is wrong.
    const zip = await yauzl.fromRandomAccessReaderPromise(reader, reader.size, {
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    });
    return { zip, reader };
  } catch (error) {
    const head = await reader.bytes(0, 4).catch(() => null);
    await handle.close();
    if (typeof (error as NodeJS.ErrnoException).code === 'string') throw error; // the file system's
    // The first bytes of a zip, but no zip directory at its end: the file was cut off.
    if (head?.readUInt32LE(0) === 0x04034b50) {
      throw new BackupError(
        'DAMAGED_FILE',
        'This backup is incomplete: the file was cut off, perhaps while it was copied or downloaded. Nothing was restored; try another copy of the backup.',
        { cause: error },
      );
    }
    throw notABackup();
  }
}

async function readManifest(
  zip: ZipFile,
  reader: BlockReader,
  entry: Entry,
): Promise<BackupManifest> {
  if (!compressedSizeIsPlausible(entry)) {
    throw damaged(`its list of contents (${BACKUP_MANIFEST_NAME}) has an impossible size`);
  }
  if (entry.uncompressedSize > BACKUP_LIMITS.maxManifestBytes) {
    throw looksLikeABomb(
      `lists more than ${BACKUP_LIMITS.maxManifestBytes / 1024 ** 2} MiB of contents`,
    );
  }
  let data: unknown;
  try {
    const bytes = await readEntryBytes(zip, reader, entry, entry.uncompressedSize);
    data = JSON.parse(strictUtf8.decode(bytes));
  } catch {
    throw damaged(`its list of contents (${BACKUP_MANIFEST_NAME}) cannot be read`);
  }
  const { format, formatVersion } = (data ?? {}) as Record<string, unknown>;
  if (format !== 'margin-backup') throw notABackup();
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      'UNSUPPORTED_FORMAT',
      `This backup was made by a newer Margin (format ${formatVersion}); update Margin to restore it.`,
    );
  }
  const parsed = BackupManifest.safeParse(data);
  if (!parsed.success) {
    throw damaged(`its list of contents (${BACKUP_MANIFEST_NAME}) is not in Margin's format`);
  }
  const manifest = parsed.data;
  if (manifest.libraryFormat > libraryFileSpec.currentVersion) {
    throw new BackupError(
      'UNSUPPORTED_FORMAT',
      `This backup holds a library from a newer Margin (library format ${manifest.libraryFormat}; this Margin reads up to ${libraryFileSpec.currentVersion}); update Margin to restore it.`,
    );
  }
  return manifest;
}

/** The manifest's files by path; refuses a list that could not describe a real backup. */
function listedFiles(manifest: BackupManifest): Map<string, BackupManifest['files'][number]> {
  if (manifest.files.length >= BACKUP_LIMITS.maxEntries) {
    throw looksLikeABomb(
      `lists more than ${BACKUP_LIMITS.maxEntries.toLocaleString('en-US')} files`,
    );
  }
  const listed = new Map<string, BackupManifest['files'][number]>();
  let total = 0;
  for (const file of manifest.files) {
    if (listed.has(file.path)) {
      throw damaged(`its list of contents names ${shown(file.path)} twice`);
    }
    listed.set(file.path, file);
    total += file.size;
  }
  if (total > BACKUP_LIMITS.maxTotalBytes) {
    throw looksLikeABomb(`would expand to more than ${gib(BACKUP_LIMITS.maxTotalBytes)}`);
  }
  return listed;
}

/** Checks one content entry against the rules and the manifest; returns its file. */
function checkEntry(
  entry: Entry,
  listed: ReadonlyMap<string, BackupManifest['files'][number]>,
  seen: Set<string>,
): BackupFile {
  let name: string;
  try {
    name = strictUtf8.decode(entry.fileNameRaw);
  } catch {
    throw altered('it holds a file whose name is not valid text');
  }
  if (leavesTheFolder(name)) {
    throw altered(
      `it holds a file named ${shown(name)}, which would be written outside the library`,
    );
  }
  if (!isRegularFile(entry)) {
    throw altered(`${shown(name)} is a link or a special file, not a regular file`);
  }
  const storePath = parseLibraryStorePath(name);
  if (!storePath) {
    throw altered(`it holds ${shown(name)}, which is not a file of a Margin library`);
  }
  // Case-insensitive disks (macOS, Windows) would write both names to one file.
  const folded = name.toLowerCase();
  if (seen.has(folded)) throw damaged(`it holds ${shown(name)} twice`);
  seen.add(folded);
  const file = listed.get(name);
  if (!file) throw damaged(`it holds ${name}, which its list of contents does not name`);
  if (entry.isEncrypted() || !entry.canDecodeFileData()) {
    throw damaged(`${name} is stored in a way Margin cannot unpack`);
  }
  if (file.size > BACKUP_LIMITS.maxFileBytes) {
    throw looksLikeABomb(
      `holds ${name} of more than ${BACKUP_LIMITS.maxFileBytes / 1024 ** 2} MiB`,
    );
  }
  if (entry.uncompressedSize !== file.size || !compressedSizeIsPlausible(entry)) {
    throw damaged(`${name} does not have the size its list of contents gives`);
  }
  if (ratioTooHigh(entry.uncompressedSize, entry.compressedSize)) {
    throw looksLikeABomb(`compresses ${name} more than ${BACKUP_LIMITS.maxRatio}-fold`);
  }
  return { path: name, storePath, size: file.size, sha256: file.sha256, entry };
}

/**
 * Opens a backup and checks everything that can be checked without unpacking it: the
 * manifest comes first and parses, and is not from a newer Margin; every other entry is a
 * regular file at a path where Margin keeps a store file (so nothing can be written
 * outside the library: no absolute path, no `..`, no backslash, no link); each is listed in
 * the manifest with its size, once, and the manifest lists nothing that is missing; and
 * the number of files, their sizes and compression ratios are within BACKUP_LIMITS.
 * Checksums, contents and counts are checked as the files are unpacked (extract-backup.ts).
 *
 * Throws BackupError (errors of the file system itself are thrown as they are). The zip
 * stays open for unpacking: call `close()`.
 */
export async function openBackup(zipPath: string): Promise<OpenBackup> {
  const { zip, reader } = await openZip(zipPath);
  try {
    if (zip.entryCount > BACKUP_LIMITS.maxEntries) {
      throw looksLikeABomb(
        `holds more than ${BACKUP_LIMITS.maxEntries.toLocaleString('en-US')} files`,
      );
    }
    let manifest: BackupManifest | null = null;
    let listed = new Map<string, BackupManifest['files'][number]>();
    const seen = new Set<string>();
    const files: BackupFile[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        if (!manifest) {
          if (!entry.fileNameRaw.equals(Buffer.from(BACKUP_MANIFEST_NAME))) throw notABackup();
          manifest = await readManifest(zip, reader, entry);
          listed = listedFiles(manifest);
          continue;
        }
        files.push(checkEntry(entry, listed, seen));
      }
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw BackupError.damaged('its list of files cannot be read', { cause: error });
    }
    if (!manifest) throw notABackup();
    const present = new Set(files.map((file) => file.path));
    const missing = manifest.files.find((file) => !present.has(file.path));
    if (missing) throw damaged(`${missing.path} is missing from it`);
    return { manifest, files, bytes: reader.size, zip, reader, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}
