import { Alert, Button, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { shortcutLabel } from '../../lib/shortcut-label';
import { useAboutStore } from '../../stores/about-store';

/** How long the button says "Copied". */
const COPIED_FOR_MS = 2500;

/**
 * Report a problem: a plain-text report (versions, folders, counts, the end of the log)
 * for the analyst to read and copy into a message. Margin sends nothing.
 */
export function ProblemReportModal() {
  const opened = useAboutStore((s) => s.open === 'report');
  const report = useAboutStore((s) => s.report);
  const error = useAboutStore((s) => s.reportError);
  const folderError = useAboutStore((s) => s.folderError);
  const openingLogs = useAboutStore((s) => s.openingFolder === 'logs');
  const close = useAboutStore((s) => s.close);
  // Kept with the report it was about: a new report starts without a stale "Copied".
  const [copied, setCopied] = useState<{ report: string; state: 'copied' | 'refused' } | null>(
    null,
  );
  const copy = copied !== null && copied.report === report ? copied.state : 'idle';
  const text = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = setTimeout(() => setCopied(null), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  async function copyReport() {
    if (report === null) return;
    try {
      await navigator.clipboard.writeText(report);
      setCopied({ report, state: 'copied' });
    } catch {
      // Refused (no permission, no focus): the selected text is one keystroke away.
      setCopied({ report, state: 'refused' });
      text.current?.focus();
      text.current?.select();
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Report a problem" size="xl">
      <Stack gap="sm">
        <Text size="sm">
          Margin sends nothing by itself. Copy this text into an email to your support contact, with
          what you did and what happened. Read it first: the log at its end can name your files;
          remove what you would rather not share.
        </Text>
        {error && (
          <Alert color="red" title="The report could not be written">
            {error}
          </Alert>
        )}
        {report === null && !error && <Loader size="sm" aria-label="Writing the report" />}
        {report !== null && (
          <Textarea
            ref={text}
            label="Report"
            readOnly
            value={report}
            spellCheck={false}
            classNames={{ input: 'problem-report-text' }}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
        {copy === 'refused' && (
          <Alert color="yellow" title="Margin could not copy the report">
            The clipboard refused it. The report is selected: press {shortcutLabel('mod+C')} to copy
            it.
          </Alert>
        )}
        {folderError && (
          <Alert color="red" title="The log folder could not be shown">
            {folderError}
          </Alert>
        )}
        <Group justify="space-between">
          <Button
            variant="default"
            loading={openingLogs}
            onClick={() => void useAboutStore.getState().openFolder('logs')}
          >
            Open log folder
          </Button>
          <Group gap="xs">
            <span className="visually-hidden" role="status">
              {copy === 'copied' ? 'Copied to the clipboard.' : ''}
            </span>
            <Button variant="default" onClick={close}>
              Close
            </Button>
            <Button
              onClick={() => void copyReport()}
              disabled={report === null}
              color={copy === 'copied' ? 'teal' : undefined}
            >
              {copy === 'copied' ? 'Copied' : 'Copy to clipboard'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
