import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LibraryLayout } from '../library-layout';
import { StoreFileError } from '../store-file-spec';
import { libraryFileSpec } from '../store-files';
import { BACKUP_FORMAT_VERSION, BACKUP_MANIFEST_NAME, BackupManifest } from './backup-manifest';
import { checkStoreFile } from './check-store-file';
import { parseLibraryStorePath } from './library-store-path';
import { writeDurablyWith } from './write-durably-with';
import { ZipWriter } from './zip-writer';

export interface WriteLibraryBackupOptions {
  /** The Margin that made the backup, for the analyst who restores it. */
  appVersion: string;
  now?: () => Date;
  /**
   * Store files to write with other bytes than the disk holds, by path in the backup
   * (`memos/<id>/memo.json`): a memo the page holds but could not save.
   */
  replacements?: ReadonlyMap<string, Uint8Array>;
}

export interface BackupSummary {
  path: string;
  /** Size of the zip file. */
  bytes: number;
  counts: BackupManifest['counts'];
  createdAt: string;
  /**
   * Store files that could not be read and so are not in the backup (the library cannot
   * read them either, and would set them aside when it next tried). Usually empty.
   */
  leftOut: Array<{ path: string; reason: string }>;
}

/** The index's path in the data folder and the backup. */
const LIBRARY_FILE = 'library.json';

/** Files read at once: enough to keep the disk busy, few enough to bound memory. */
const READ_AT_ONCE = 32;
/** A regular file readable by its owner only, as the store's own files are. */
const ENTRY_MODE = 0o100600;

/** The entries of `dir`, or none when it is gone (removed while the backup runs). */
async function entriesOf(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

/**
 * The paths of the files below `rel` (relative to the data folder, `/`-separated), down to
 * `depth` folders further. Names starting with a dot are skipped: article staging folders,
 * temp files of interrupted writes, and other programs' hidden files.
 */
async function filesBelow(dataDir: string, rel: string, depth: number): Promise<string[]> {
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of await entriesOf(join(dataDir, ...rel.split('/')))) {
    if (entry.name.startsWith('.')) continue;
    const path = `${rel}/${entry.name}`;
    if (entry.isFile()) files.push(path);
    else if (entry.isDirectory() && depth > 0) folders.push(path);
  }
  for (let i = 0; i < folders.length; i += READ_AT_ONCE) {
    const below = await Promise.all(
      folders.slice(i, i + READ_AT_ONCE).map((folder) => filesBelow(dataDir, folder, depth - 1)),
    );
    for (const paths of below) files.push(...paths);
  }
  return files;
}

/**
 * The store files of the library, sorted by code unit so that the same library always
 * gives the same zip. Only files Margin writes are kept (library-store-path.ts); the lock,
 * `cache/` (rebuilt at open), set-aside `*.corrupt-*` files, staging folders, temp files
 * and anything else in the data folder are left out.
 */
async function listStoreFiles(dataDir: string): Promise<string[]> {
  const found = [
    'library.json',
    ...(await filesBelow(dataDir, 'articles', 1)),
    ...(await filesBelow(dataDir, 'memos', 2)),
  ];
  return found.filter((path) => parseLibraryStorePath(path) !== null).sort();
}

/** The file's bytes, or null when it is gone (a revision the cap dropped meanwhile). */
async function readIfPresent(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const schemaVersionOf = (bytes: Buffer): number =>
  (JSON.parse(bytes.toString('utf8')) as { schemaVersion: number }).schemaVersion;

/**
 * Writes the whole library into one zip file at `targetPath`: every store file byte for
 * byte, and `margin-backup.json`, which lists each with its size and SHA-256 and is the
 * first entry of the zip's directory. The library may be open: each store file is replaced
 * by an atomic rename, never rewritten in place, so each one is read whole, old or new,
 * and read once (its checksum, counts and zipped bytes all come from that one read).
 *
 * Each file is checked as a restore will check it, so every backup written can be
 * restored; a damaged file (which the library could not read either) is left out and
 * listed in the summary. The zip is written to a temp file beside `targetPath`, fsynced
 * and renamed over it: a failure (disk full, no permission, read-only disk…) leaves no
 * temp file and an existing `targetPath` untouched, and is thrown as the file system's
 * error.
 */
export async function writeLibraryBackup(
  layout: LibraryLayout,
  targetPath: string,
  { appVersion, now = () => new Date(), replacements = new Map() }: WriteLibraryBackupOptions,
): Promise<BackupSummary> {
  const createdAt = now();
  const entryOptions = { mtime: createdAt, mode: ENTRY_MODE };
  const counts = { articles: 0, highlights: 0, memos: 0, revisions: 0 };
  const files: BackupManifest['files'] = [];
  const leftOut: BackupSummary['leftOut'] = [];
  let libraryFormat: number = libraryFileSpec.currentVersion;

  /** Checks and counts a store file; false when it is damaged and left out. */
  function include(path: string, bytes: Buffer): boolean {
    const storePath = parseLibraryStorePath(path)!;
    try {
      counts.highlights += checkStoreFile(storePath, bytes).highlights;
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      if (error.kind === 'corrupt') {
        leftOut.push({ path, reason: error.reason });
        return false;
      }
      // A file from a newer Margin is kept as it is: a newer Margin can restore it.
      const highlights = error.data?.highlights;
      if (storePath.kind === 'annotations' && Array.isArray(highlights)) {
        counts.highlights += highlights.length;
      }
    }
    if (storePath.kind === 'library') libraryFormat = schemaVersionOf(bytes);
    if (storePath.kind === 'article') counts.articles++;
    if (storePath.kind === 'memo') counts.memos++;
    if (storePath.kind === 'revision') counts.revisions++;
    files.push({
      path,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    return true;
  }

  const bytes = await writeDurablyWith(targetPath, async (handle) => {
    const zip = new ZipWriter((chunk) => handle.writeFile(chunk));
    // The index first, then the folders: an import that finishes meanwhile is then either
    // missing from both or has its folder in the backup (adopted at open), never an entry
    // in the index whose folder is missing.
    const index = await readIfPresent(layout.libraryFile);
    if (index && include(LIBRARY_FILE, index)) await zip.add(LIBRARY_FILE, index, entryOptions);
    const paths = (await listStoreFiles(layout.dataDir)).filter((path) => path !== LIBRARY_FILE);
    const read = (start: number) =>
      Promise.all(
        paths.slice(start, start + READ_AT_ONCE).map(async (path) => {
          const replacement = replacements.get(path);
          return replacement
            ? Buffer.from(replacement)
            : readIfPresent(join(layout.dataDir, ...path.split('/')));
        }),
      );
    // The next batch is read while this one is checked and deflated.
    let reading = read(0);
    for (let start = 0; start < paths.length; start += READ_AT_ONCE) {
      const contents = await reading;
      reading = read(start + READ_AT_ONCE);
      reading.catch(() => undefined); // awaited next round; unhandled if this round throws
      for (const [n, content] of contents.entries()) {
        const path = paths[start + n]!;
        if (content && include(path, content)) await zip.add(path, content, entryOptions);
      }
    }
    // Parsed as a restore will parse it: a backup Margin cannot read is never written.
    const manifest = BackupManifest.parse({
      format: 'margin-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      appVersion,
      libraryFormat,
      counts,
      files,
    });
    // Written last, when all is known, but listed first: readers list the directory.
    await zip.add(
      BACKUP_MANIFEST_NAME,
      Buffer.from(JSON.stringify(manifest, null, 2) + '\n'),
      entryOptions,
    );
    return zip.finish([BACKUP_MANIFEST_NAME, ...files.map((file) => file.path)]);
  });
  return { path: targetPath, bytes, counts, createdAt: createdAt.toISOString(), leftOut };
}
