import { Menu, type App, type MenuItemConstructorOptions } from 'electron';

/** What the Help items do; About and the problem report open in the page. */
export interface HelpActions {
  showAbout(): void;
  reportProblem(): void;
  /** Shows the log folder in the OS file manager. */
  showLogs(): void;
}

/**
 * The standard menu: Edit, View and Window roles; Help → About Margin, Show logs, Report a
 * problem (on macOS, About is also in the app menu, where Mac users look for it). DevTools
 * are only in the menu of unpackaged builds; packaged builds have no way to open them.
 */
export function installApplicationMenu(app: App, help: HelpActions): void {
  const isMac = process.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!app.isPackaged)
    view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });

  const about: MenuItemConstructorOptions = { label: 'About Margin', click: help.showAbout };
  const appMenu: MenuItemConstructorOptions = {
    label: 'Margin',
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    isMac ? appMenu : { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Show Logs', click: help.showLogs },
        { label: 'Report a Problem…', click: help.reportProblem },
        ...(isMac ? [] : [{ type: 'separator' } as const, about]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
