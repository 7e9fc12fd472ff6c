import { describe, expect, it } from 'vitest';
import type { CueStat } from '../../../../shared/domain/suggestion';
import { cueStatRows } from '../cue-stat-rows';

const stat = (
  cue: string,
  accepted: number,
  reclassed: number,
  dismissed: number,
  more: Partial<CueStat> = {},
): CueStat => ({
  language: 'de',
  claimClass: 'risk',
  cue,
  accepted,
  reclassed,
  dismissed,
  ...more,
});

describe('cueStatRows', () => {
  it('adds the total and the share accepted as suggested', () => {
    const [row] = cueStatRows([stat('risik', 3, 1, 4)]);
    expect(row).toMatchObject({ key: 'de:risk:risik', total: 8, helps: 3 / 8 });
  });

  it('puts the cues decided on most first, then the ones that help most', () => {
    const rows = cueStatRows([
      stat('druck', 1, 0, 1),
      stat('verlust', 0, 0, 5),
      stat('risik', 2, 0, 0),
      stat('#percentage', 4, 1, 0, { claimClass: 'evidence' }),
    ]);
    expect(rows.map((r) => r.cue)).toEqual(['#percentage', 'verlust', 'risik', 'druck']);
  });

  it('orders ties by language, class and cue, so the table does not jump', () => {
    const rows = cueStatRows([
      stat('risk', 1, 0, 0, { language: 'en' }),
      stat('solide', 1, 0, 0, { claimClass: 'thesis' }),
      stat('verlust', 1, 0, 0),
      stat('druck', 1, 0, 0),
    ]);
    expect(rows.map((r) => r.key)).toEqual([
      'de:thesis:solide',
      'de:risk:druck',
      'de:risk:verlust',
      'en:risk:risk',
    ]);
  });

  it('keeps one language when asked, and says nothing helps without decisions', () => {
    const stats = [stat('risik', 0, 0, 0), stat('risk', 1, 0, 0, { language: 'en' })];
    expect(cueStatRows(stats, 'en').map((r) => r.cue)).toEqual(['risk']);
    expect(cueStatRows(stats, 'de')[0]?.helps).toBeNull();
    expect(cueStatRows([], 'fr')).toEqual([]);
  });
});
