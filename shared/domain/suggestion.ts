import { z } from 'zod';
import { ClaimClass } from './highlight';
import { EntityId } from './primitives';
import { cueTextProblem, normalizeCue } from '../suggestions/cue-text';

/** The languages Margin has cue lexicons for; other articles use the English one. */
export const SuggestionLanguage = z.enum(['de', 'en', 'fr']);
export type SuggestionLanguage = z.infer<typeof SuggestionLanguage>;

/** The lexicon lists an analyst may extend or trim in Settings. */
export const EditableCueList = z.enum(['risk', 'thesis', 'sources']);
export type EditableCueList = z.infer<typeof EditableCueList>;

/**
 * One cue as the analyst types it: a stem ("rückgang") or a phrase ("according to"),
 * stored normalized (see `cue-text.ts`).
 */
export const CueText = z
  .string()
  .overwrite(normalizeCue)
  .superRefine((cue, context) => {
    const problem = cueTextProblem(cue);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const CueLists = z.object({
  risk: z.array(CueText).max(500),
  thesis: z.array(CueText).max(500),
  sources: z.array(CueText).max(500),
});

/** The analyst's changes to one language's built-in lexicon: cues added, built-in cues removed. */
export const LexiconEdits = z.object({ added: CueLists, removed: CueLists });
export type LexiconEdits = z.infer<typeof LexiconEdits>;

export const NO_LEXICON_EDITS: LexiconEdits = {
  added: { risk: [], thesis: [], sources: [] },
  removed: { risk: [], thesis: [], sources: [] },
};

/**
 * How often the analyst took a suggestion a cue fired in: accepted as suggested, accepted
 * under another class, or dismissed. Figures that make evidence count under pattern cues
 * (`#percentage`, `#money`, …), see `score-sentence.ts`.
 */
export const CueStat = z.object({
  language: SuggestionLanguage,
  claimClass: ClaimClass,
  cue: z.string().min(1).max(60),
  accepted: z.int().nonnegative(),
  reclassed: z.int().nonnegative(),
  dismissed: z.int().nonnegative(),
});
export type CueStat = z.infer<typeof CueStat>;

/** A proposed claim: a sentence of the canonical text, its class, confidence and reasons. */
export const ClaimSuggestion = z.object({
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  claimClass: ClaimClass,
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  cues: z.array(z.string()),
});
export type ClaimSuggestion = z.infer<typeof ClaimSuggestion>;

/** An article's suggestions, without the ones the analyst dismissed. */
export const ArticleSuggestions = z.object({
  articleId: EntityId,
  /** The lexicon used: the article's language, or English for a language Margin lacks. */
  language: SuggestionLanguage,
  suggestions: z.array(ClaimSuggestion),
  /** How many suggestions of this article the analyst dismissed (they stay hidden). */
  dismissed: z.int().nonnegative(),
});
export type ArticleSuggestions = z.infer<typeof ArticleSuggestions>;

const SuggestionSpan = {
  articleId: EntityId,
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
};
const spanIsOrdered = (s: { start: number; end: number }) => s.end > s.start;

/**
 * What the analyst did with the suggestion at `start`–`end`: accepted it as a highlight of
 * class `acceptedAs` (the suggested class or another), or dismissed it.
 */
export const SuggestionDecisionInput = z
  .discriminatedUnion('decision', [
    z.object({ ...SuggestionSpan, decision: z.literal('accepted'), acceptedAs: ClaimClass }),
    z.object({ ...SuggestionSpan, decision: z.literal('dismissed') }),
  ])
  .refine(spanIsOrdered, 'a suggestion covers at least one character');
export type SuggestionDecisionInput = z.input<typeof SuggestionDecisionInput>;

/** A dismissed suggestion, stored with the article's annotations so it stays dismissed. */
export const DismissedSuggestion = z.object({
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
});
export type DismissedSuggestion = z.infer<typeof DismissedSuggestion>;

/** What Settings shows: per language, the built-in cues and the analyst's edits; the counts. */
export const SuggestionSettings = z.object({
  lexicons: z.array(
    z.object({
      language: SuggestionLanguage,
      builtIn: CueLists,
      edits: LexiconEdits,
    }),
  ),
  cueStats: z.array(CueStat),
});
export type SuggestionSettings = z.infer<typeof SuggestionSettings>;

export const LexiconEditsInput = z.object({ language: SuggestionLanguage, edits: LexiconEdits });
export type LexiconEditsInput = z.infer<typeof LexiconEditsInput>;
