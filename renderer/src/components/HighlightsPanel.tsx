import { Text } from '@mantine/core';
import { useArticlesStore } from '../stores/articles-store';

/** The open article's highlights; this release lists none yet, so it says so plainly. */
export function HighlightsPanel() {
  const hasArticle = useArticlesStore((s) => s.open.status === 'ready');
  return (
    <aside className="pane side-pane" aria-labelledby="highlights-heading">
      <header className="pane-header">
        <h2 id="highlights-heading">Highlights</h2>
      </header>
      <div className="pane-body">
        <Text size="sm" c="dimmed" className="pane-message">
          {hasArticle
            ? 'This article has no highlights yet.'
            : 'Open an article to see its highlights here.'}
        </Text>
      </div>
    </aside>
  );
}
