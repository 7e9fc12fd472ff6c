import { Kbd, Tooltip, UnstyledButton } from '@mantine/core';
import { shortcutLabel } from '../lib/shortcut-label';
import { useUiStore, type MainView } from '../stores/ui-store';

const VIEWS: ReadonlyArray<{ view: MainView; label: string; icon: string; keys: string }> = [
  { view: 'library', label: 'Library', icon: '▤', keys: 'mod+1' },
  { view: 'claims', label: 'Claims', icon: '☰', keys: 'mod+2' },
  { view: 'memos', label: 'Memos', icon: '✎', keys: 'mod+3' },
  { view: 'settings', label: 'Settings', icon: '⚙', keys: 'mod+4' },
];

/** The left rail of main views. */
export function AppRail() {
  const current = useUiStore((s) => s.view);
  const setView = useUiStore((s) => s.setView);
  return (
    <nav className="app-rail" aria-label="Views">
      {VIEWS.map(({ view, label, icon, keys }) => (
        <Tooltip
          key={view}
          position="right"
          label={
            <>
              {label} <Kbd size="xs">{shortcutLabel(keys)}</Kbd>
            </>
          }
        >
          <UnstyledButton
            className="app-rail-item"
            aria-current={current === view ? 'page' : undefined}
            onClick={() => setView(view)}
          >
            <span className="app-rail-icon" aria-hidden>
              {icon}
            </span>
            <span className="app-rail-label">{label}</span>
          </UnstyledButton>
        </Tooltip>
      ))}
    </nav>
  );
}
