import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../../../shared/domain/article';
import type { ClaimClass } from '../../../../../shared/domain/highlight';
import {
  NO_LEXICON_EDITS,
  type ArticleSuggestions,
  type ClaimSuggestion,
  type CueStat,
  type LexiconEdits,
  type SuggestionSettings,
} from '../../../../../shared/domain/suggestion';
import { BUILT_IN_LEXICONS } from '../../../../../shared/suggestions/cue-lexicon';
import { errorOf, valueOf } from '../../../test-support/envelope-of';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { mainHarness } from '../../../test-support/main-harness';
import { spanOf } from '../../../test-support/span-of';
import { createTestParserPool } from '../../../test-support/test-parser-pool';

/** Sentences of the seed article (seeds/microsoft-openai-de.txt). */
const FALLING_SHARES =
  'Die Aktien von Microsoft erleben derzeit einen spürbaren Rückgang, der Investoren und Marktbeobachter gleichermaßen alarmiert.';
const ADVANTAGE =
  'Microsoft profitiert von den Entwicklungen und Innovationen, die OpenAI liefert, und kann seine Produkte mit einem klaren Wettbewerbsvorteil ausstatten.';
const RIFT = 'Ein weiterer Faktor für die mögliche Kluft ist die Wissens- und Datenkontrolle.';
/** No cue of the built-in German lexicon fires in this one. */
const COMPUTE =
  'KI-Modelle wie die von OpenAI benötigen riesige Mengen an Daten und Rechenkapazitäten.';

const edits = (
  added: Partial<LexiconEdits['added']> = {},
  removed: Partial<LexiconEdits['removed']> = {},
): LexiconEdits => ({
  added: { ...NO_LEXICON_EDITS.added, ...added },
  removed: { ...NO_LEXICON_EDITS.removed, ...removed },
});

describe('claim suggestions over the IPC path', () => {
  const parser = createTestParserPool();
  const app = mainHarness({ parser, now: () => new Date('2026-11-25T09:00:00.000Z') });
  const { call } = app;
  let seed: Article;

  const list = async (articleId = seed.id) =>
    valueOf<ArticleSuggestions>(await call('suggestions:list', { articleId }));
  const settings = async () => valueOf<SuggestionSettings>(await call('suggestions:settings'));
  const cueStats = async () => (await settings()).cueStats;
  /** The listed suggestion covering exactly `sentence`, or undefined. */
  const suggestionFor = async (sentence: string): Promise<ClaimSuggestion | undefined> => {
    const { start, end } = spanOf(seed.text, sentence);
    return (await list()).suggestions.find((s) => s.start === start && s.end === end);
  };
  const decide = (sentence: string, decision: object) =>
    call('suggestions:decide', {
      articleId: seed.id,
      ...spanOf(seed.text, sentence),
      ...decision,
    });
  const saveLexicon = (payload: unknown) => call('suggestions:saveLexicon', payload);
  const stat = (
    claimClass: ClaimClass,
    cue: string,
    counts: Partial<Pick<CueStat, 'accepted' | 'reclassed' | 'dismissed'>>,
  ): CueStat => ({
    language: 'de',
    claimClass,
    cue,
    accepted: 0,
    reclassed: 0,
    dismissed: 0,
    ...counts,
  });

  /** The library's own files, byte for byte (not the index cache, which a timer may write). */
  async function dataSnapshot(): Promise<Record<string, string>> {
    const articles = await snapshotFolder(join(app.dataDir, 'articles'));
    const index = await readFile(join(app.dataDir, 'library.json'));
    return { ...articles, 'library.json': index.toString('base64') };
  }

  beforeEach(async () => {
    await app.start();
    seed = await app.importSeed();
  });
  afterEach(() => app.cleanup());
  afterAll(() => parser.close());

  describe('suggestions:list', () => {
    it('suggests whole German sentences of the article, with reasons and cues', async () => {
      const { articleId, language, suggestions, dismissed } = await list();
      expect({ articleId, language, dismissed }).toEqual({
        articleId: seed.id,
        language: 'de',
        dismissed: 0,
      });
      expect(suggestions.length).toBeGreaterThanOrEqual(10);

      const { text } = seed;
      let previousEnd = 0;
      for (const suggestion of suggestions) {
        const sentence = text.slice(suggestion.start, suggestion.end);
        // A whole sentence: trimmed, capitalised, closed by its punctuation, and cut where
        // the text before it ends a sentence (or a paragraph) and the text after it begins.
        expect(sentence).toBe(sentence.trim());
        expect(sentence).toMatch(/^\p{Lu}/u);
        expect(sentence).toMatch(/[.!?]$/);
        const before = text.slice(0, suggestion.start);
        expect(before === '' || /(?:[.!?]\s+|\n)$/.test(before), sentence).toBe(true);
        expect(text.slice(suggestion.end)).toMatch(/^(?:$|\s)/);
        // In text order, never overlapping.
        expect(suggestion.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = suggestion.end;

        expect(['thesis', 'risk', 'evidence']).toContain(suggestion.claimClass);
        expect(suggestion.confidence).toBeGreaterThan(0);
        expect(suggestion.confidence).toBeLessThanOrEqual(1);
        expect(suggestion.reasons.length).toBeGreaterThan(0);
        expect(suggestion.cues.length).toBeGreaterThan(0);
      }

      expect(await suggestionFor(FALLING_SHARES)).toMatchObject({
        claimClass: 'risk',
        cues: expect.arrayContaining(['rückgang']),
        reasons: expect.arrayContaining([expect.stringContaining('Rückgang')]),
      });
      expect(await suggestionFor(ADVANTAGE)).toMatchObject({
        claimClass: 'thesis',
        cues: expect.arrayContaining(['profitier', 'wettbewerbsvorteil']),
      });
      expect(await suggestionFor(COMPUTE)).toBeUndefined();
    });

    it('says NOT_FOUND for an article that is not in the library', async () => {
      expect(errorOf(await call('suggestions:list', { articleId: randomUUID() })).code).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('suggestions:decide', () => {
    it('keeps a dismissed suggestion hidden, after a restart too, and counts it', async () => {
      const suggestion = (await suggestionFor(FALLING_SHARES))!;
      const count = (await list()).suggestions.length;

      expect(valueOf(await decide(FALLING_SHARES, { decision: 'dismissed' }))).toEqual({
        dismissed: 1,
      });
      const after = await list();
      expect(after.dismissed).toBe(1);
      expect(after.suggestions).toHaveLength(count - 1);
      expect(await suggestionFor(FALLING_SHARES)).toBeUndefined();

      await app.restart();
      expect((await list()).dismissed).toBe(1);
      expect(await suggestionFor(FALLING_SHARES)).toBeUndefined();
      expect(await cueStats()).toEqual(
        suggestion.cues.map((cue) => stat('risk', cue, { dismissed: 1 })),
      );
    });

    it('counts a suggestion accepted as suggested as accepted, under another class as reclassed', async () => {
      const advantage = (await suggestionFor(ADVANTAGE))!;
      const falling = (await suggestionFor(FALLING_SHARES))!;

      expect(
        valueOf(await decide(ADVANTAGE, { decision: 'accepted', acceptedAs: 'thesis' })),
      ).toEqual({ dismissed: 0 });
      expect(
        valueOf(await decide(FALLING_SHARES, { decision: 'accepted', acceptedAs: 'evidence' })),
      ).toEqual({ dismissed: 0 });

      // Counted under the class Margin suggested; accepting hides nothing.
      const expected = [
        ...advantage.cues.map((cue) => stat('thesis', cue, { accepted: 1 })),
        ...falling.cues.map((cue) => stat('risk', cue, { reclassed: 1 })),
      ];
      expect(await cueStats()).toEqual(expected);
      expect((await list()).dismissed).toBe(0);
      expect(await suggestionFor(ADVANTAGE)).toEqual(advantage);

      await app.restart();
      expect(await cueStats()).toEqual(expected);
    });

    it('counts a decision once, however often it arrives (a key repeat, a retried call)', async () => {
      const falling = (await suggestionFor(FALLING_SHARES))!;
      for (let i = 0; i < 3; i++) {
        expect(valueOf(await decide(FALLING_SHARES, { decision: 'dismissed' }))).toEqual({
          dismissed: 1,
        });
      }
      const advantage = (await suggestionFor(ADVANTAGE))!;
      await decide(ADVANTAGE, { decision: 'accepted', acceptedAs: 'thesis' });
      await decide(ADVANTAGE, { decision: 'accepted', acceptedAs: 'thesis' });
      expect(await cueStats()).toEqual([
        ...falling.cues.map((cue) => stat('risk', cue, { dismissed: 1 })),
        ...advantage.cues.map((cue) => stat('thesis', cue, { accepted: 1 })),
      ]);
    });

    it('scores the article in the language the analyst corrected it to', async () => {
      expect((await list()).language).toBe('de');
      valueOf(
        await call('articles:updateMetadata', {
          id: seed.id,
          title: seed.title,
          source: seed.source,
          author: seed.author,
          publishedAt: seed.publishedAt,
          url: seed.url,
          language: 'en',
          tickers: seed.tickers,
        }),
      );
      const english = await list();
      expect(english.language).toBe('en');
      // The English cues find almost nothing in German text: not the German suggestions.
      expect(english.suggestions.length).toBeLessThan(5);
    });

    it('refuses, changing nothing, a span that is not a suggestion', async () => {
      const before = await dataSnapshot();
      const falling = spanOf(seed.text, FALLING_SHARES);
      const refusals = [
        await decide(COMPUTE, { decision: 'dismissed' }),
        await decide(COMPUTE, { decision: 'accepted', acceptedAs: 'risk' }),
        // Part of a suggested sentence is not the suggestion.
        await call('suggestions:decide', {
          articleId: seed.id,
          start: falling.start,
          end: falling.end - 1,
          decision: 'dismissed',
        }),
        await call('suggestions:decide', {
          articleId: randomUUID(),
          ...falling,
          decision: 'dismissed',
        }),
      ];
      for (const refusal of refusals) expect(errorOf(refusal).code).toBe('NOT_FOUND');
      expect(await dataSnapshot()).toEqual(before);
      expect((await list()).dismissed).toBe(0);
      expect(await cueStats()).toEqual([]);
    });

    it('refuses a decision on a sentence the edited lexicon no longer suggests', async () => {
      expect(await suggestionFor(RIFT)).toMatchObject({ claimClass: 'risk', cues: ['kluft'] });
      valueOf(await saveLexicon({ language: 'de', edits: edits({}, { risk: ['kluft'] }) }));
      const before = await dataSnapshot();
      expect(errorOf(await decide(RIFT, { decision: 'dismissed' })).code).toBe('NOT_FOUND');
      expect(await dataSnapshot()).toEqual(before);
    });
  });

  describe('suggestions:restoreDismissed', () => {
    it('brings every dismissed suggestion back, durably', async () => {
      const all = (await list()).suggestions;
      valueOf(await decide(FALLING_SHARES, { decision: 'dismissed' }));
      valueOf(await decide(ADVANTAGE, { decision: 'dismissed' }));
      expect((await list()).dismissed).toBe(2);

      expect(valueOf(await call('suggestions:restoreDismissed', { articleId: seed.id }))).toEqual({
        restored: 2,
      });
      expect(await list()).toMatchObject({ dismissed: 0, suggestions: all });
      await app.restart();
      expect(await list()).toMatchObject({ dismissed: 0, suggestions: all });
      // The counts of the dismissals stay: they were the analyst's decisions.
      expect((await cueStats()).every((s) => s.dismissed === 1)).toBe(true);
      expect(valueOf(await call('suggestions:restoreDismissed', { articleId: seed.id }))).toEqual({
        restored: 0,
      });
    });
  });

  describe('suggestions:saveLexicon', () => {
    it("suggests a sentence for the analyst's own cue and stops for a removed built-in one", async () => {
      expect(await suggestionFor(COMPUTE)).toBeUndefined();
      expect(await suggestionFor(RIFT)).toBeDefined();
      const saved = valueOf<SuggestionSettings>(
        await saveLexicon({
          language: 'de',
          edits: edits({ risk: ['rechenkapazität'] }, { risk: ['kluft'] }),
        }),
      );
      const german = edits({ risk: ['rechenkapazität'] }, { risk: ['kluft'] });
      expect(saved.lexicons).toEqual(
        (['de', 'en', 'fr'] as const).map((language) => ({
          language,
          builtIn: {
            risk: BUILT_IN_LEXICONS[language]!.risk,
            thesis: BUILT_IN_LEXICONS[language]!.thesis,
            sources: BUILT_IN_LEXICONS[language]!.sources,
          },
          edits: language === 'de' ? german : NO_LEXICON_EDITS,
        })),
      );

      expect(await suggestionFor(COMPUTE)).toMatchObject({
        claimClass: 'risk',
        cues: ['rechenkapazität'],
        reasons: [expect.stringContaining('Rechenkapazitäten')],
      });
      expect(await suggestionFor(RIFT)).toBeUndefined();

      await app.restart();
      expect((await settings()).lexicons.find((l) => l.language === 'de')!.edits).toEqual(german);
      expect(await suggestionFor(COMPUTE)).toMatchObject({ claimClass: 'risk' });
      expect(await suggestionFor(RIFT)).toBeUndefined();
    });

    it('tidies the edits: built-in cues are not added, other cues not removed, none twice', async () => {
      const saved = valueOf<SuggestionSettings>(
        await saveLexicon({
          language: 'de',
          edits: edits(
            // Cues are stored as the lexicon holds them: trimmed, in lower case.
            { risk: ['rückgang', ' Rechenkapazität ', 'rechenkapazität'], thesis: ['profitier'] },
            { risk: ['kluft', 'kluft', 'rechenkapazität'], sources: ['erfunden'] },
          ),
        }),
      );
      const tidied = edits({ risk: ['rechenkapazität'] }, { risk: ['kluft'] });
      expect(saved.lexicons.find((l) => l.language === 'de')!.edits).toEqual(tidied);
      await app.restart();
      expect((await settings()).lexicons.find((l) => l.language === 'de')!.edits).toEqual(tidied);
    });

    it.each([
      ['markup', '<script>'],
      ['a single character', 'x'],
      ['only spaces', '   '],
      ['more than 60 characters', 'a'.repeat(61)],
    ])('refuses a cue that is %s, storing nothing', async (_label, cue) => {
      const before = await dataSnapshot();
      const refused = errorOf(await saveLexicon({ language: 'de', edits: edits({ risk: [cue] }) }));
      expect(refused.code).toBe('INVALID_INPUT');
      expect(await dataSnapshot()).toEqual(before);
      expect((await settings()).lexicons.find((l) => l.language === 'de')!.edits).toEqual(
        NO_LEXICON_EDITS,
      );
    });

    it('refuses a language Margin has no lexicon for', async () => {
      expect(errorOf(await saveLexicon({ language: 'it', edits: edits() })).code).toBe(
        'INVALID_INPUT',
      );
    });
  });

  describe('suggestions:resetCueStats', () => {
    it('empties the counts durably and keeps the lexicon edits', async () => {
      valueOf(await saveLexicon({ language: 'de', edits: edits({ risk: ['rechenkapazität'] }) }));
      valueOf(await decide(FALLING_SHARES, { decision: 'dismissed' }));
      expect(await cueStats()).not.toEqual([]);

      const reset = valueOf<SuggestionSettings>(await call('suggestions:resetCueStats'));
      expect(reset.cueStats).toEqual([]);
      await app.restart();
      expect(await cueStats()).toEqual([]);
      expect((await settings()).lexicons.find((l) => l.language === 'de')!.edits).toEqual(
        edits({ risk: ['rechenkapazität'] }),
      );
      // A reset forgets the counts, not the dismissals.
      expect((await list()).dismissed).toBe(1);
    });
  });
});
