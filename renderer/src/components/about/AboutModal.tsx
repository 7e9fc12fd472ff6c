import { Alert, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import type { AboutInfo } from '../../../../shared/domain/app-info';
import { platformName } from '../../../../shared/app/platform-name';
import { openProblemReport, useAboutStore } from '../../stores/about-store';
import { FolderRow } from './FolderRow';
import { LicenseList } from './LicenseList';

const NOT_ELECTRON = 'not running in Electron';

function AboutContent({ about }: { about: AboutInfo }) {
  const folderError = useAboutStore((s) => s.folderError);
  const rows: [string, string | null][] = [
    ['Electron', about.electron],
    ['Chromium', about.chrome],
    ['Node.js', about.node],
    ['V8', about.v8],
    ['Operating system', `${platformName(about.platform)} ${about.osRelease} (${about.arch})`],
  ];
  return (
    <Stack gap="md">
      <div className="about-heading">
        <div className="about-app-name">Margin</div>
        <div className="about-version">Version {about.version}</div>
        <Text size="sm" c="dimmed">
          A research workbench for investment analysts: import, highlight, tag and cite.
        </Text>
      </div>
      <Table className="about-versions" aria-label="Versions" withRowBorders={false}>
        <Table.Tbody>
          {rows.map(([name, version]) => (
            <Table.Tr key={name}>
              <Table.Th scope="row">{name}</Table.Th>
              <Table.Td>
                {version ?? (
                  <Text span size="sm" c="dimmed">
                    {NOT_ELECTRON}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs">
        <FolderRow folder="data" path={about.dataDir} />
        <FolderRow folder="logs" path={about.logDir} />
        {folderError && (
          <Alert color="red" title="The folder could not be shown">
            {folderError}
          </Alert>
        )}
      </Stack>
      <LicenseList licenses={about.licenses} />
    </Stack>
  );
}

/** About Margin: the version, the versions under it, the data and log folders, the licenses. */
export function AboutModal() {
  const opened = useAboutStore((s) => s.open === 'about');
  const about = useAboutStore((s) => s.about);
  const error = useAboutStore((s) => s.aboutError);
  const close = useAboutStore((s) => s.close);
  return (
    <Modal opened={opened} onClose={close} title="About Margin" size="lg">
      {about ? (
        <AboutContent about={about} />
      ) : error ? (
        <Alert color="red" title="Margin could not read its details">
          {error}
        </Alert>
      ) : (
        <Loader size="sm" aria-label="Reading Margin’s details" />
      )}
      <Group justify="space-between" mt="md">
        <Button variant="subtle" size="xs" onClick={openProblemReport}>
          Report a problem…
        </Button>
        <Button variant="default" onClick={close}>
          Close
        </Button>
      </Group>
    </Modal>
  );
}
