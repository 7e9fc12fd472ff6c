import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/tiptap/styles.css';
import './styles/theme.css';
import './styles/layout.css';
import './styles/reader.css';
import './styles/highlights.css';
import './styles/suggestions.css';
import './styles/board.css';
import './styles/tiptap-base.css';
import './styles/memo.css';
import './styles/about.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
