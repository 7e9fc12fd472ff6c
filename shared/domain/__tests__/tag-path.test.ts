import { describe, expect, it } from 'vitest';
import { splitTagPath, tagPath } from '../tag-path';

describe('tag paths', () => {
  it('splits typed paths on › or /, trimming levels and dropping empty ones', () => {
    expect(splitTagPath(' Risk ›  Regulatory ')).toEqual(['Risk', 'Regulatory']);
    expect(splitTagPath('Thesis/Azure   growth//')).toEqual(['Thesis', 'Azure growth']);
    expect(splitTagPath(' / ')).toEqual([]);
  });

  it('shows a tag with its ancestors, and survives a cycle in damaged data', () => {
    const tags = [
      { id: 'a', name: 'Risk', parentId: null },
      { id: 'b', name: 'Regulatory', parentId: 'a' },
      { id: 'c', name: 'EU', parentId: 'b' },
      { id: 'x', name: 'Loop', parentId: 'y' },
      { id: 'y', name: 'Back', parentId: 'x' },
    ];
    expect(tagPath(tags, 'c')).toBe('Risk › Regulatory › EU');
    expect(tagPath(tags, 'a')).toBe('Risk');
    expect(tagPath(tags, 'x')).toBe('Back › Loop');
    expect(tagPath(tags, 'missing')).toBeNull();
  });
});
