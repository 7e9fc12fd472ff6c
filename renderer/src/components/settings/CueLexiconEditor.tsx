import { Group, Input, SegmentedControl, Stack, Text } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import type { ClaimClass } from '../../../../shared/domain/highlight';
import type {
  EditableCueList,
  LexiconEdits,
  SuggestionLanguage,
} from '../../../../shared/domain/suggestion';
import { changeLexicon, type LexiconChange } from '../../lib/change-lexicon';
import { checkNewCue, CUE_LIST_NOUN } from '../../lib/check-new-cue';
import { languageName } from '../../lib/language';
import { useSuggestionSettingsStore } from '../../stores/suggestion-settings-store';
import { SaveStateText } from '../SaveStateText';
import { CueChips, type CueChip } from './CueChips';

const LANGUAGES: readonly SuggestionLanguage[] = ['de', 'en', 'fr'];

const LISTS: ReadonlyArray<{
  list: EditableCueList;
  title: string;
  claimClass: ClaimClass;
  about: string;
  example: Record<SuggestionLanguage, string>;
}> = [
  {
    list: 'risk',
    title: 'Risk cues',
    claimClass: 'risk',
    about: 'Words about what could go wrong; a negation next to one cancels it.',
    example: { de: 'streik', en: 'strike', fr: 'grève' },
  },
  {
    list: 'thesis',
    title: 'Thesis cues',
    claimClass: 'thesis',
    about: 'Evaluative and forward-looking words that state or support the investment case.',
    example: { de: 'rückenwind', en: 'catalyst', fr: 'surperform' },
  },
  {
    list: 'sources',
    title: 'Sources',
    claimClass: 'evidence',
    about: 'Phrases that say where a fact comes from: with a figure, they make it evidence.',
    example: { de: 'nach daten von', en: 'as per', fr: 'citant' },
  },
];

/** One list of one language: the box to add a cue, the analyst's cues, the built-in ones. */
function CueListEditor({
  language,
  list,
  title,
  claimClass,
  about,
  example,
  builtIn,
  edits,
  onChange,
}: {
  language: SuggestionLanguage;
  list: EditableCueList;
  title: string;
  claimClass: ClaimClass;
  about: string;
  example: string;
  builtIn: readonly string[];
  edits: LexiconEdits;
  onChange(change: LexiconChange): void;
}) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const focusInput = useCallback(() => input.current?.focus(), []);
  const noun = CUE_LIST_NOUN[list];
  const removed = new Set(edits.removed[list]);
  const own: CueChip[] = edits.added[list].map((cue) => ({ cue, kind: 'own' }));
  const builtInChips: CueChip[] = builtIn.map((cue) => ({
    cue,
    kind: removed.has(cue) ? 'removed' : 'built-in',
  }));
  const titleId = `cue-list-${language}-${list}`;

  const add = () => {
    if (!typed.trim()) return;
    const check = checkNewCue(typed, list, builtIn, edits);
    if (!check.ok) return setProblem(check.message);
    setProblem(null);
    setTyped('');
    onChange({ kind: 'add', list, cue: check.cue });
  };
  const counts = [
    `${builtIn.length} built in`,
    removed.size > 0 && `${removed.size} removed`,
    own.length > 0 && `${own.length} of yours`,
  ].filter(Boolean);

  return (
    <div role="group" aria-labelledby={titleId}>
      <Group gap={6} align="baseline" wrap="nowrap">
        <span className="class-swatch" data-class={claimClass} aria-hidden />
        <Text size="sm" fw={600} id={titleId}>
          {title}
        </Text>
        <Text size="xs" c="dimmed">
          {counts.join(' · ')}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb={6}>
        {about}
      </Text>
      <Group gap={6} align="flex-start" mb={6}>
        <Input
          ref={input}
          size="xs"
          w={260}
          aria-label={`Add a ${noun} (${languageName(language)})`}
          placeholder={`Add a ${noun}, e.g. ${example}`}
          value={typed}
          error={problem !== null}
          // The reason shows under the whole row (the box is narrow): linked by hand.
          withAria={false}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${titleId}-problem` : undefined}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        {/* Level with the box: it is 30 px high, a chip 24. */}
        <div style={{ paddingTop: 3 }}>
          <CueChips
            label={`Your ${noun}s`}
            chips={own}
            onRemove={(cue) => onChange({ kind: 'remove', list, cue })}
            onRestore={(cue) => onChange({ kind: 'restore', list, cue })}
            onEmptied={focusInput}
          />
        </div>
      </Group>
      {problem && (
        <Text size="xs" c="red" role="alert" id={`${titleId}-problem`} mt={-2} mb={6}>
          {problem}
        </Text>
      )}
      <CueChips
        label={`Built-in ${noun}s`}
        chips={builtInChips}
        onRemove={(cue) => onChange({ kind: 'remove', list, cue })}
        onRestore={(cue) => onChange({ kind: 'restore', list, cue })}
      />
    </div>
  );
}

/** Saves `change` on top of the edits as they stand now (not as last rendered). */
function apply(language: SuggestionLanguage, change: LexiconChange) {
  const store = useSuggestionSettingsStore.getState();
  const lexicon = store.settings?.lexicons.find((l) => l.language === language);
  if (!lexicon) return;
  void store.saveLexicon(
    language,
    changeLexicon(lexicon.edits, lexicon.builtIn[change.list], change),
  );
}

/**
 * The cue lexicons per language: the built-in cues (removable, and back again) and the
 * analyst's own. Every change is saved at once.
 */
export function CueLexiconEditor() {
  const settings = useSuggestionSettingsStore((s) => s.settings);
  const save = useSuggestionSettingsStore((s) => s.save);
  const [language, setLanguage] = useState<SuggestionLanguage>('de');
  const lexicon = settings?.lexicons.find((l) => l.language === language);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        A cue is a word stem or a phrase. A stem matches every word that starts with it (“verlust”
        finds “Verluste”), in German also inside compounds (“risik” finds “Währungsrisiken”); a stem
        under five letters matches whole words only. A cue with a space matches that phrase.
      </Text>
      <Group justify="space-between" gap="xs">
        <SegmentedControl
          size="xs"
          aria-label="Cue language"
          value={language}
          onChange={(value) => setLanguage(value as SuggestionLanguage)}
          data={LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
        />
        <SaveStateText state={save} testId="cue-save-state" />
      </Group>
      {lexicon &&
        LISTS.map((spec) => (
          <CueListEditor
            key={`${language}:${spec.list}`}
            language={language}
            list={spec.list}
            title={spec.title}
            claimClass={spec.claimClass}
            about={spec.about}
            example={spec.example[language]}
            builtIn={lexicon.builtIn[spec.list]}
            edits={lexicon.edits}
            onChange={(change) => apply(language, change)}
          />
        ))}
    </Stack>
  );
}
