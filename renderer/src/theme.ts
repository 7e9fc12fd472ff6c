import { createTheme, Drawer, Modal } from '@mantine/core';

/**
 * Margin's Mantine theme. Its CSS variables are mirrored in styles/theme.css, because the
 * CSP forbids the inline <style> tag that MantineProvider would otherwise inject.
 * Violet is the one accent colour: blue, orange-red and green belong to the claim classes.
 */
export const theme = createTheme({
  primaryColor: 'violet',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif',
  components: {
    // Scroll locking injects a <style> tag (react-remove-scroll), which the CSP refuses;
    // the window never scrolls as a whole anyway: each pane scrolls on its own.
    Modal: Modal.extend({ defaultProps: { lockScroll: false } }),
    Drawer: Drawer.extend({ defaultProps: { lockScroll: false } }),
  },
});
