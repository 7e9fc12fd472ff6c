import { describe, expect, it } from 'vitest';
import { formatBytes } from '../format-bytes';

describe('formatBytes', () => {
  it('says bytes below a kilobyte, then KB, MB and GB', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(14_200)).toBe('14 KB');
    expect(formatBytes(2_345_678)).toBe('2.3 MB');
    expect(formatBytes(3_100_000_000)).toBe('3.1 GB');
  });
});
