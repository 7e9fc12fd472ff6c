import { watch, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CueStat, LexiconEdits } from '../../../../shared/domain/suggestion';
import { NO_LEXICON_EDITS } from '../../../../shared/domain/suggestion';
import { collectingLogger } from '../../test-support/collecting-logger';
import { snapshotFolder } from '../../test-support/folder-snapshot';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import type { CueDecision } from '../count-cue-decisions';
import { openLibrary, type Library } from '../open-library';
import { emptyLibraryFile } from '../store-files';

const stat = (
  of: Pick<CueStat, 'language' | 'claimClass' | 'cue'>,
  counts: Partial<Pick<CueStat, 'accepted' | 'reclassed' | 'dismissed'>>,
): CueStat => ({ ...of, accepted: 0, reclassed: 0, dismissed: 0, ...counts });

const GERMAN_EDITS: LexiconEdits = {
  added: { risk: ['rechenkapazität'], thesis: ['marktführer'], sources: [] },
  removed: { risk: ['kluft'], thesis: [], sources: [] },
};

describe('settings repo: claim suggestion settings in library.json', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library | undefined;
  const libraryPath = () => join(dataDir, 'library.json');
  const open = async () => (library = await openLibrary(dataDir, { logger: collectingLogger() }));
  const opened = () => library!;
  const reopen = async () => {
    await library?.close();
    return open();
  };
  const suggestionsOnDisk = async () =>
    JSON.parse(await readFile(libraryPath(), 'utf8')).settings.suggestions;

  beforeEach(async () => {
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    await open();
  });
  afterEach(async () => {
    await library?.close();
    library = undefined;
    await cleanup();
  });

  describe('countCueDecision', () => {
    it('counts accepted, reclassed and dismissed per language, class and cue, durably', async () => {
      const decisions: CueDecision[] = [
        { language: 'de', claimClass: 'risk', cues: ['risik', 'rückgang'], outcome: 'accepted' },
        { language: 'de', claimClass: 'risk', cues: ['risik'], outcome: 'reclassed' },
        { language: 'de', claimClass: 'risk', cues: ['risik'], outcome: 'dismissed' },
        { language: 'de', claimClass: 'risk', cues: ['risik'], outcome: 'accepted' },
        // The same cue under another class, and under another language, is counted apart.
        { language: 'de', claimClass: 'thesis', cues: ['risik'], outcome: 'dismissed' },
        { language: 'en', claimClass: 'risk', cues: ['risik'], outcome: 'accepted' },
        { language: 'de', claimClass: 'evidence', cues: ['#percentage'], outcome: 'accepted' },
      ];
      for (const decision of decisions) await opened().settings.countCueDecision(decision);

      const expected = [
        stat(
          { language: 'de', claimClass: 'risk', cue: 'risik' },
          { accepted: 2, reclassed: 1, dismissed: 1 },
        ),
        stat({ language: 'de', claimClass: 'risk', cue: 'rückgang' }, { accepted: 1 }),
        stat({ language: 'de', claimClass: 'thesis', cue: 'risik' }, { dismissed: 1 }),
        stat({ language: 'en', claimClass: 'risk', cue: 'risik' }, { accepted: 1 }),
        stat({ language: 'de', claimClass: 'evidence', cue: '#percentage' }, { accepted: 1 }),
      ];
      expect(opened().settings.cueStats()).toEqual(expected);
      expect(await suggestionsOnDisk()).toEqual({ lexicons: {}, cueStats: expected });

      await reopen();
      expect(opened().settings.cueStats()).toEqual(expected);
    });

    it('counts a decision with no cues as nothing, and keeps every other setting', async () => {
      await opened().settings.saveRecommendationScale(['Kaufen', 'Halten', 'Verkaufen']);
      await opened().settings.countCueDecision({
        language: 'fr',
        claimClass: 'thesis',
        cues: [],
        outcome: 'accepted',
      });
      expect(opened().settings.cueStats()).toEqual([]);
      expect(opened().settings.recommendationScale()).toEqual(['Kaufen', 'Halten', 'Verkaufen']);
    });

    it('settles every one of many decisions started together, each counted exactly once', async () => {
      const calls = 24;
      const outcomes = ['accepted', 'reclassed', 'dismissed'] as const;
      const decisions: CueDecision[] = Array.from({ length: calls }, (_, i) => ({
        language: 'de',
        claimClass: 'risk',
        // A shared cue counts them all; a cue of its own shows each call's own count.
        cues: ['risik', `eigen-${i}`],
        outcome: outcomes[i % 3]!,
      }));
      // Each call resolves only once its own count is in the file on disk.
      const onDiskWhenSettled = await Promise.all(
        decisions.map((decision) =>
          opened()
            .settings.countCueDecision(decision)
            .then(() => {
              const file = JSON.parse(readFileSync(libraryPath(), 'utf8'));
              return (file.settings.suggestions.cueStats as CueStat[]).some(
                (s) => s.cue === decision.cues[1],
              );
            }),
        ),
      );
      expect(onDiskWhenSettled).toEqual(decisions.map(() => true));

      const expected = [
        stat(
          { language: 'de', claimClass: 'risk', cue: 'risik' },
          { accepted: 8, reclassed: 8, dismissed: 8 },
        ),
        ...decisions.map((d) =>
          stat({ language: 'de', claimClass: 'risk', cue: d.cues[1]! }, { [d.outcome]: 1 }),
        ),
      ];
      await reopen();
      expect(opened().settings.cueStats()).toEqual(expected);
      expect((await suggestionsOnDisk()).cueStats).toEqual(expected);
    });

    it('fails every decision a failed write took along, none reported counted', async () => {
      const decision = (cue: string): CueDecision => ({
        language: 'de',
        claimClass: 'risk',
        cues: [cue],
        outcome: 'accepted',
      });
      // A real fault: the data folder is gone, so no write of library.json can succeed.
      await rm(dataDir, { recursive: true, force: true });
      const settled = await Promise.allSettled(
        ['erste', 'zweite', 'dritte'].map((cue) =>
          opened().settings.countCueDecision(decision(cue)),
        ),
      );
      expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(opened().settings.cueStats()).toEqual([]);
    });

    it('counts decisions that arrive while earlier ones are being written, and the ones after', async () => {
      const decision = (cue: string): CueDecision => ({
        language: 'en',
        claimClass: 'thesis',
        cues: [cue],
        outcome: 'accepted',
      });
      const first = opened().settings.countCueDecision(decision('upside'));
      // Let the first write start, then send more while it is under way.
      await new Promise((resolve) => setImmediate(resolve));
      const more = ['upside', 'outperform', 'upside'].map((cue) =>
        opened().settings.countCueDecision(decision(cue)),
      );
      await Promise.all([first, ...more]);
      await opened().settings.countCueDecision(decision('outperform'));
      const expected = [
        stat({ language: 'en', claimClass: 'thesis', cue: 'upside' }, { accepted: 3 }),
        stat({ language: 'en', claimClass: 'thesis', cue: 'outperform' }, { accepted: 2 }),
      ];
      await reopen();
      expect(opened().settings.cueStats()).toEqual(expected);
    });

    // Counted from the renames onto library.json that inotify reports (each durable write is
    // one rename); other platforms' watchers may merge events, so the count is Linux-only.
    it.runIf(process.platform === 'linux')(
      'writes library.json fewer times than there are decisions started together',
      async () => {
        await opened().startupCheck;
        const countWrites = async (work: () => Promise<unknown>): Promise<number> => {
          let writes = 0;
          let markerSeen: () => void = () => undefined;
          const marker = new Promise<void>((resolve) => (markerSeen = resolve));
          const watcher = watch(dataDir, (event, name) => {
            if (event === 'rename' && name === 'library.json') writes++;
            if (name === 'watch-marker') markerSeen();
          });
          try {
            await work();
            // inotify delivers events in order: once the marker's arrives, every write's has.
            await writeFile(join(dataDir, 'watch-marker'), '');
            await marker;
            return writes;
          } finally {
            watcher.close();
          }
        };
        const decision: CueDecision = {
          language: 'de',
          claimClass: 'risk',
          cues: ['risik'],
          outcome: 'dismissed',
        };

        // One after another, each decision is one write: the watcher sees every write.
        const oneByOne = await countWrites(async () => {
          for (let i = 0; i < 5; i++) await opened().settings.countCueDecision(decision);
        });
        expect(oneByOne).toBe(5);

        const together = await countWrites(() =>
          Promise.all(
            Array.from({ length: 20 }, () => opened().settings.countCueDecision(decision)),
          ),
        );
        expect(together).toBeGreaterThanOrEqual(1);
        expect(together).toBeLessThan(20);
        expect(opened().settings.cueStats()).toEqual([
          stat({ language: 'de', claimClass: 'risk', cue: 'risik' }, { dismissed: 25 }),
        ]);
      },
    );
  });

  describe('saveLexiconEdits', () => {
    it("keeps each language's edits durably, the other languages untouched", async () => {
      expect(opened().settings.lexiconEdits('de')).toBeUndefined();
      await opened().settings.saveLexiconEdits('de', GERMAN_EDITS);
      await opened().settings.saveLexiconEdits('en', NO_LEXICON_EDITS);
      expect(opened().settings.lexiconEdits('de')).toEqual(GERMAN_EDITS);
      expect(await suggestionsOnDisk()).toEqual({
        lexicons: { de: GERMAN_EDITS, en: NO_LEXICON_EDITS },
        cueStats: [],
      });

      await reopen();
      expect(opened().settings.lexiconEdits('de')).toEqual(GERMAN_EDITS);
      expect(opened().settings.lexiconEdits('en')).toEqual(NO_LEXICON_EDITS);
      expect(opened().settings.lexiconEdits('fr')).toBeUndefined();

      // Saving again replaces the language's edits.
      await opened().settings.saveLexiconEdits('de', NO_LEXICON_EDITS);
      await reopen();
      expect(opened().settings.lexiconEdits('de')).toEqual(NO_LEXICON_EDITS);
    });

    it('keeps the counts of decisions written while the save waits its turn', async () => {
      const decision: CueDecision = {
        language: 'de',
        claimClass: 'risk',
        cues: ['kluft'],
        outcome: 'dismissed',
      };
      await Promise.all([
        opened().settings.countCueDecision(decision),
        opened().settings.saveLexiconEdits('de', GERMAN_EDITS),
        opened().settings.countCueDecision(decision),
      ]);
      await reopen();
      expect(opened().settings.lexiconEdits('de')).toEqual(GERMAN_EDITS);
      expect(opened().settings.cueStats()).toEqual([
        stat({ language: 'de', claimClass: 'risk', cue: 'kluft' }, { dismissed: 2 }),
      ]);
    });
  });

  describe('resetCueStats', () => {
    it('empties the counts durably and keeps the lexicon edits', async () => {
      await opened().settings.saveLexiconEdits('de', GERMAN_EDITS);
      await opened().settings.countCueDecision({
        language: 'de',
        claimClass: 'risk',
        cues: ['risik', 'rückgang'],
        outcome: 'accepted',
      });
      expect(opened().settings.cueStats()).toHaveLength(2);

      await opened().settings.resetCueStats();
      expect(opened().settings.cueStats()).toEqual([]);
      expect(await suggestionsOnDisk()).toEqual({ lexicons: { de: GERMAN_EDITS }, cueStats: [] });
      await reopen();
      expect(opened().settings.cueStats()).toEqual([]);
      expect(opened().settings.lexiconEdits('de')).toEqual(GERMAN_EDITS);

      // Counting starts again from nothing.
      await opened().settings.countCueDecision({
        language: 'de',
        claimClass: 'risk',
        cues: ['risik'],
        outcome: 'dismissed',
      });
      expect(opened().settings.cueStats()).toEqual([
        stat({ language: 'de', claimClass: 'risk', cue: 'risik' }, { dismissed: 1 }),
      ]);
    });

    it('keeps lexicon edits saved while the reset waits its turn', async () => {
      await Promise.all([
        opened().settings.saveLexiconEdits('de', GERMAN_EDITS),
        opened().settings.resetCueStats(),
      ]);
      expect(opened().settings.lexiconEdits('de')).toEqual(GERMAN_EDITS);
      await reopen();
      expect(opened().settings.lexiconEdits('de')).toEqual(GERMAN_EDITS);
    });
  });

  it('refuses every suggestion setting change in a read-only library, reading still works', async () => {
    await opened().settings.saveLexiconEdits('de', GERMAN_EDITS);
    await library!.close();
    library = undefined;
    // A library written by a newer Margin.
    const current = JSON.parse(await readFile(libraryPath(), 'utf8'));
    await writeFile(
      libraryPath(),
      JSON.stringify({ ...current, schemaVersion: emptyLibraryFile().schemaVersion + 1 }),
    );
    const before = await snapshotFolder(dataDir);

    await open();
    expect(opened().status().readOnlyReason).toContain('newer version of Margin');
    expect(opened().settings.lexiconEdits('de')).toEqual(GERMAN_EDITS);
    expect(opened().settings.cueStats()).toEqual([]);
    const changes: Array<() => Promise<unknown>> = [
      () => opened().settings.saveLexiconEdits('de', NO_LEXICON_EDITS),
      () =>
        opened().settings.countCueDecision({
          language: 'de',
          claimClass: 'risk',
          cues: ['risik'],
          outcome: 'accepted',
        }),
      () => opened().settings.resetCueStats(),
    ];
    for (const change of changes) {
      await expect(Promise.resolve().then(change)).rejects.toMatchObject({
        code: 'STORE_READ_ONLY',
      });
    }
    expect(opened().settings.lexiconEdits('de')).toEqual(GERMAN_EDITS);
    await library!.close();
    library = undefined;
    const after = await snapshotFolder(dataDir);
    delete before['margin.lock'];
    delete after['margin.lock'];
    expect(after).toEqual(before);
  });
});
