import { describe, expect, it } from 'vitest';
import type { GenerationEntry } from '../../../../shared/domain/durability';
import { groupGenerations } from '../group-generations';

const entry = (id: string, file: GenerationEntry['file'], label: string, at: string) => ({
  id,
  file,
  label,
  at,
  bytes: 100,
});

describe('groupGenerations', () => {
  it('groups copies by file: library, then memos, then highlights, busiest first', () => {
    const groups = groupGenerations([
      entry('a1', { kind: 'annotations', articleId: 'art' }, 'Highlights', '2025-05-03T10:00:00Z'),
      entry('m1', { kind: 'memo', memoId: 'old' }, 'Old memo', '2025-05-01T10:00:00Z'),
      entry('m2', { kind: 'memo', memoId: 'new' }, 'New memo', '2025-05-02T09:00:00Z'),
      entry('l1', { kind: 'library' }, 'Library index', '2025-04-01T10:00:00Z'),
      entry('m3', { kind: 'memo', memoId: 'old' }, 'Old memo', '2025-04-30T10:00:00Z'),
    ]);
    expect(groups.map((g) => g.key)).toEqual([
      'library',
      'memo:new',
      'memo:old',
      'annotations:art',
    ]);
    expect(groups[2]!.entries.map((e) => e.id)).toEqual(['m1', 'm3']);
  });

  it('names a group by its newest copy (a memo renamed since keeps its current title)', () => {
    const [group] = groupGenerations([
      entry('m1', { kind: 'memo', memoId: 'x' }, 'First title', '2025-05-01T10:00:00Z'),
      entry('m2', { kind: 'memo', memoId: 'x' }, 'Renamed', '2025-05-02T10:00:00Z'),
    ]);
    expect(group!.label).toBe('Renamed');
    expect(group!.entries[0]!.id).toBe('m2');
  });
});
