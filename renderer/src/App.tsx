import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MissingBridge } from './components/MissingBridge';
import { WorkbenchShell } from './components/WorkbenchShell';
import { workbench } from './lib/workbench';
import { theme } from './theme';

export function App() {
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      withCssVariables={false}
      withGlobalClasses={false}
    >
      <Notifications position="bottom-right" limit={5} />
      {workbench ? <WorkbenchShell /> : <MissingBridge />}
    </MantineProvider>
  );
}
