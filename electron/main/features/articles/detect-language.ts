import type { eld as EldDetector } from 'eld/extrasmall';
import type { LanguageCode } from '../../../../shared/domain/primitives';

type Detector = typeof EldDetector;
let detector: Promise<Detector> | undefined;

/**
 * Loading eld's n-gram tables takes about half a second, so it happens on the first
 * import, not at startup. The smallest table is plenty for article-length text.
 */
function loadDetector(): Promise<Detector> {
  detector ??= import('eld/extrasmall').then((module) => module.eld);
  return detector;
}

/** Samples keep detection fast on very long articles; 20,000 characters decide any language. */
const SAMPLE_CHARS = 20_000;

/** The article's language as ISO 639-1, or `und` when eld is not confident. */
export async function detectLanguage(text: string): Promise<LanguageCode> {
  const eld = await loadDetector();
  const result = eld.detect(text.slice(0, SAMPLE_CHARS));
  return result.language && result.isReliable() ? result.language : 'und';
}
