import { ActionIcon, Alert, Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimClass } from '../../../shared/domain/highlight';
import { claimClasses } from '../lib/claim-classes';
import { shortcutLabel } from '../lib/shortcut-label';
import { useArticlesStore } from '../stores/articles-store';
import { useCodebookStore } from '../stores/codebook-store';
import { useHighlightsStore, type ClassFilter } from '../stores/highlights-store';
import { CodebookModal } from './highlights/CodebookModal';
import { HighlightCard } from './highlights/HighlightCard';
import { HighlightEditor } from './highlights/HighlightEditor';
import { HighlightEditorCard } from './highlights/HighlightEditorCard';
import { HighlightList } from './highlights/HighlightList';
import { SaveIndicator } from './highlights/SaveIndicator';

const filters: ReadonlyArray<{ value: ClassFilter; label: string }> = [
  { value: 'all', label: 'All' },
  ...claimClasses.map((c) => ({ value: c.value, label: c.label })),
];

/** Undo, redo and the codebook, beside the save state. */
function PanelActions({ onCodebook }: { onCodebook: () => void }) {
  const canUndo = useHighlightsStore((s) => s.undoStack.length > 0);
  const canRedo = useHighlightsStore((s) => s.redoStack.length > 0);
  const store = useHighlightsStore.getState;
  return (
    <Group gap={4} wrap="nowrap">
      <SaveIndicator />
      <Tooltip label={`Undo (${shortcutLabel('mod+Z')})`}>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="gray"
          aria-label="Undo"
          disabled={!canUndo}
          onClick={() => void store().undo()}
        >
          ↶
        </ActionIcon>
      </Tooltip>
      <Tooltip label={`Redo (${shortcutLabel('mod+shift+Z')})`}>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="gray"
          aria-label="Redo"
          disabled={!canRedo}
          onClick={() => void store().redo()}
        >
          ↷
        </ActionIcon>
      </Tooltip>
      <Button size="compact-xs" variant="subtle" onClick={onCodebook}>
        Tags…
      </Button>
    </Group>
  );
}

/** Counts per class and the class filter (plain buttons: nothing measures the layout). */
function ClassSummary({ counts }: { counts: Record<ClaimClass, number> }) {
  const filter = useHighlightsStore((s) => s.filter);
  return (
    <div className="panel-toolbar">
      <div className="highlight-counts" aria-label="Highlights per class">
        {claimClasses.map((c) => (
          <span key={c.value} data-testid={`count-${c.value}`}>
            <span className="class-swatch" data-class={c.value} aria-hidden /> {c.label}{' '}
            <strong>{counts[c.value]}</strong>
          </span>
        ))}
      </div>
      <Button.Group mt={6} aria-label="Show highlights of class">
        {filters.map((f) => (
          <Button
            key={f.value}
            size="compact-xs"
            flex={1}
            variant={filter === f.value ? 'filled' : 'default'}
            aria-pressed={filter === f.value}
            onClick={() => useHighlightsStore.getState().setFilter(f.value)}
          >
            {f.label}
          </Button>
        ))}
      </Button.Group>
    </div>
  );
}

/** The open article's highlights in document order, with counts, a class filter and orphans. */
export function HighlightsPanel() {
  const openId = useArticlesStore((s) => (s.open.status === 'ready' ? s.open.article.id : null));
  const items = useHighlightsStore((s) => s.items);
  const loadedFor = useHighlightsStore((s) => s.articleId);
  const status = useHighlightsStore((s) => s.status);
  const loadError = useHighlightsStore((s) => s.loadError);
  const filter = useHighlightsStore((s) => s.filter);
  const draft = useHighlightsStore((s) => (s.editing?.kind === 'draft' ? s.editing : null));
  const editingId = useHighlightsStore((s) =>
    s.editing?.kind === 'highlight' ? s.editing.id : null,
  );
  const selectedId = useHighlightsStore((s) => s.selectedId);
  const store = useHighlightsStore.getState;
  const [codebookOpen, setCodebookOpen] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void useCodebookStore.getState().load();
  }, []);

  // Cards wait for the article: rendering them before it arrives would only redo the work.
  const ready = openId !== null && loadedFor === openId;
  const counts = useMemo(() => {
    const byClass: Record<ClaimClass, number> = { thesis: 0, risk: 0, evidence: 0 };
    for (const { highlight } of items) byClass[highlight.claimClass]++;
    return byClass;
  }, [items]);
  const { anchored, orphans } = useMemo(() => {
    const passes = (c: ClaimClass) => filter === 'all' || c === filter;
    const shown = items.filter((i) => passes(i.highlight.claimClass));
    return { anchored: shown.filter((i) => i.anchor), orphans: shown.filter((i) => !i.anchor) };
  }, [items, filter]);

  return (
    <aside className="pane side-pane" aria-labelledby="highlights-heading">
      <header className="pane-header">
        <h2 id="highlights-heading">Highlights</h2>
        <PanelActions onCodebook={() => setCodebookOpen(true)} />
      </header>
      {openId && <ClassSummary counts={ready ? counts : { thesis: 0, risk: 0, evidence: 0 }} />}
      <div className="pane-body" ref={scrollRef}>
        {!openId && (
          <Text size="sm" c="dimmed" className="pane-message">
            Open an article to see its highlights here.
          </Text>
        )}
        {openId && status === 'loading' && <Loader size="sm" m="md" />}
        {openId && status === 'error' && (
          <Alert color="red" m="sm" title="Highlights could not be read">
            {loadError}
          </Alert>
        )}
        {openId && draft && (
          <div className="highlight-card highlight-draft" data-class="thesis">
            <HighlightEditor
              title="New highlight"
              initial={{ claimClass: 'thesis', tags: [], note: '', paraphrase: '' }}
              focus={draft.focus}
              onSave={async ({ claimClass, ...extra }) => {
                const ok = await store().create(draft.articleId, draft.span, claimClass, extra);
                if (ok) store().edit(null, { discard: true });
                return ok;
              }}
              onCancel={() => store().edit(null, { discard: true })}
            />
          </div>
        )}
        {ready && status === 'ready' && items.length === 0 && !draft && (
          <Text size="sm" c="dimmed" className="pane-message">
            No highlights yet. Select words in the article and press 1 (thesis), 2 (risk) or 3
            (evidence).
          </Text>
        )}
        {ready && anchored.length > 0 && <HighlightList items={anchored} scrollRef={scrollRef} />}
        {ready && orphans.length > 0 && (
          <section aria-labelledby="orphans-heading">
            <div id="orphans-heading" className="panel-section-title">
              Not found in the text ({orphans.length})
            </div>
            <Text size="xs" c="dimmed" px="sm" pb="xs">
              The words of these highlights are no longer in the article. Re-attach one to new
              words, or delete it.
            </Text>
            <ul className="highlight-list" role="listbox" aria-label="Orphaned highlights">
              {orphans.map((item) => (
                <li key={item.highlight.id} role="presentation">
                  {item.highlight.id === editingId ? (
                    <HighlightEditorCard item={item} />
                  ) : (
                    <HighlightCard item={item} selected={item.highlight.id === selectedId} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <CodebookModal opened={codebookOpen} onClose={() => setCodebookOpen(false)} />
    </aside>
  );
}
