import { Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { RelationKind } from '../../../../shared/domain/claim-relation';
import { requireWorkbench } from '../../lib/require-workbench';
import { errorMessage } from '../../lib/workbench-client';
import { useLinkingStore } from '../../stores/linking-store';
import { MarkedSnippet } from '../palette/MarkedSnippet';

interface Candidate {
  articleId: string;
  id: string;
  text: string;
  marks: Array<{ start: number; end: number }>;
  articleTitle: string;
  language: string;
}

/** Thesis claims to link to: found by search, or the newest ones when nothing is typed. */
async function candidates(query: string): Promise<Candidate[]> {
  const api = requireWorkbench();
  if (query.trim() === '') {
    const page = await api.claims.query({
      filter: { classes: ['thesis'] },
      sort: 'created-desc',
      groupBy: 'none',
      offset: 0,
      limit: 30,
    });
    return page.rows.map((r) => ({
      articleId: r.articleId,
      id: r.id,
      text: r.quote,
      marks: [],
      articleTitle: r.articleTitle,
      language: r.language,
    }));
  }
  const { results } = await api.search.query({ query, limit: 50 });
  return results.flatMap((r) =>
    r.kind === 'claim' && r.claimClass === 'thesis'
      ? [
          {
            articleId: r.articleId,
            id: r.id,
            text: r.snippet.text,
            marks: r.snippet.marks,
            articleTitle: r.articleTitle,
            language: r.language,
          },
        ]
      : [],
  );
}

/** Picks the thesis claim that the chosen evidence or risk claim supports or contradicts. */
export function LinkClaimModal() {
  const source = useLinkingStore((s) => s.source);
  const [kind, setKind] = useState<RelationKind>('supports');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const [found, setFound] = useState<Candidate[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!source) return;
    let current = true;
    candidates(debounced)
      .then((list) => {
        if (!current) return;
        setFound(list.filter((c) => c.id !== source.id));
        setActive(0);
        setError(null);
      })
      .catch((e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [debounced, source]);

  const close = () => {
    useLinkingStore.getState().cancel();
    setQuery('');
  };
  const pick = (candidate: Candidate | undefined) => {
    if (!candidate) return;
    void useLinkingStore
      .getState()
      .link({ articleId: candidate.articleId, id: candidate.id }, kind)
      .then((done) => done && setQuery(''));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(found.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === 'Enter') pick(found[active]);
    else if (event.altKey && event.key.toLowerCase() === 's') setKind('supports');
    else if (event.altKey && event.key.toLowerCase() === 'c') setKind('contradicts');
    else return;
    event.preventDefault();
  };

  return (
    <Modal opened={source !== null} onClose={close} title="Link to a thesis claim" size="lg">
      <Stack gap="sm" onKeyDown={onKeyDown}>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as RelationKind)}
          data={[
            { value: 'supports', label: 'Supports (Alt+S)' },
            { value: 'contradicts', label: 'Contradicts (Alt+C)' },
          ]}
        />
        <TextInput
          data-autofocus
          aria-label="Find a thesis claim"
          placeholder="Type to search thesis claims; ↑/↓ and Enter pick"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        {error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
        <ul className="link-candidates" role="listbox" aria-label="Thesis claims">
          {found.length === 0 && (
            <Text size="sm" c="dimmed" component="li">
              {debounced.trim()
                ? 'No thesis claim matches.'
                : 'No thesis claims yet: tag a claim as Thesis (1) first.'}
            </Text>
          )}
          {found.map((c, i) => (
            <li
              key={c.id}
              role="option"
              aria-selected={i === active}
              className="link-candidate"
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(c)}
            >
              <MarkedSnippet text={c.text} marks={c.marks} lang={c.language} />
              <Text size="xs" c="dimmed" truncate>
                {c.articleTitle}
              </Text>
            </li>
          ))}
        </ul>
      </Stack>
    </Modal>
  );
}
