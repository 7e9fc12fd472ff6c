import { Button, Code, Text } from '@mantine/core';
import type { AppFolder } from '../../../../shared/domain/app-info';
import { useAboutStore } from '../../stores/about-store';

const LABELS: Record<AppFolder, { name: string; action: string }> = {
  data: { name: 'Data folder', action: 'Open data folder' },
  logs: { name: 'Log folder', action: 'Open log folder' },
};

/** A folder of Margin's, its path, and a button that shows it in the file manager. */
export function FolderRow({ folder, path }: { folder: AppFolder; path: string }) {
  const opening = useAboutStore((s) => s.openingFolder === folder);
  const { name, action } = LABELS[folder];
  return (
    <div className="about-folder" role="group" aria-label={name}>
      <div className="about-folder-path">
        <Text size="sm" fw={600}>
          {name}
        </Text>
        <Code className="about-path">{path}</Code>
      </div>
      <Button
        size="xs"
        variant="default"
        loading={opening}
        onClick={() => void useAboutStore.getState().openFolder(folder)}
      >
        {action}
      </Button>
    </div>
  );
}
