import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../resolve-data-dir';

describe('resolveDataDir', () => {
  it('uses library/ inside the user-data folder by default', () => {
    expect(resolveDataDir('/home/ana/.config/Margin', {})).toBe(
      join('/home/ana/.config/Margin', 'library'),
    );
  });

  it('uses MARGIN_DATA_DIR when set, resolving a relative path', () => {
    expect(resolveDataDir('/u', { MARGIN_DATA_DIR: '/mnt/research' })).toBe('/mnt/research');
    expect(resolveDataDir('/u', { MARGIN_DATA_DIR: 'rel/lib' })).toBe(resolve('rel/lib'));
  });

  it('ignores an empty MARGIN_DATA_DIR', () => {
    expect(resolveDataDir('/u', { MARGIN_DATA_DIR: '  ' })).toBe(join('/u', 'library'));
  });
});
