import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseStoreFile, serializeStoreFile } from '../parse-store-file';
import { StoreFileError, type StoreFileSpec } from '../store-file-spec';
import { emptyLibraryFile, libraryFileSpec } from '../store-files';

const bytes = (text: string) => new TextEncoder().encode(text);

function failureOf(run: () => unknown): StoreFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreFileError) return error;
    throw error;
  }
  throw new Error('expected a StoreFileError');
}

describe('parseStoreFile', () => {
  it('reads back exactly what serializeStoreFile wrote', () => {
    const library = emptyLibraryFile();
    expect(
      parseStoreFile(libraryFileSpec, bytes(serializeStoreFile(libraryFileSpec, library))),
    ).toEqual(library);
  });

  it.each([
    ['empty', bytes(''), 'it is empty'],
    ['whitespace only', bytes('  \n'), 'it is empty'],
    ['all NUL bytes', new Uint8Array(64), 'NUL'],
    ['truncated', bytes('{"schemaVersion":1,"settings":{},"arti'), 'not complete JSON'],
    [
      'starting with a BOM',
      bytes('\uFEFF{"schemaVersion":1,"settings":{},"articles":[]}'),
      'byte-order mark',
    ],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'UTF-8'],
    ['an array', bytes('[]'), 'store object'],
    ['missing its version', bytes('{"settings":{},"articles":[]}'), 'schema version'],
    [
      'of the wrong shape',
      bytes('{"schemaVersion":1,"settings":{},"articles":[{"id":1}]}'),
      "Margin's format (at articles.0",
    ],
  ])('calls a file that is %s corrupt, saying why', (_label, content, reason) => {
    const error = failureOf(() => parseStoreFile(libraryFileSpec, content));
    expect(error.kind).toBe('corrupt');
    expect(error.reason).toContain(reason);
  });

  it('recognises a file from a newer Margin and keeps its data for read-only use', () => {
    const error = failureOf(() =>
      parseStoreFile(libraryFileSpec, bytes('{"schemaVersion":7,"settings":{},"articles":[]}')),
    );
    expect(error.kind).toBe('newer-version');
    expect(error.reason).toContain('newer version of Margin');
    expect(error.data).toMatchObject({ schemaVersion: 7 });
  });

  it('migrates older formats forward, one version at a time', () => {
    const V3 = z.object({
      schemaVersion: z.literal(3),
      fullName: z.string(),
      tags: z.array(z.string()),
    });
    const spec: StoreFileSpec<z.infer<typeof V3>> = {
      description: 'a test file',
      currentVersion: 3,
      schema: V3,
      migrations: {
        1: ({ name, ...rest }) => ({ ...rest, fullName: name }),
        2: (data) => ({ ...data, tags: [] }),
      },
    };
    expect(parseStoreFile(spec, bytes('{"schemaVersion":1,"name":"Ada"}'))).toEqual({
      schemaVersion: 3,
      fullName: 'Ada',
      tags: [],
    });
    expect(parseStoreFile(spec, bytes('{"schemaVersion":2,"fullName":"Ada"}'))).toEqual({
      schemaVersion: 3,
      fullName: 'Ada',
      tags: [],
    });
  });
});

describe('serializeStoreFile', () => {
  it('refuses to write a value it could not read back', () => {
    expect(() =>
      serializeStoreFile(libraryFileSpec, {
        ...emptyLibraryFile(),
        articles: [{ id: 'x' }],
      } as never),
    ).toThrow();
  });
});
