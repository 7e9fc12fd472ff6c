import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { CLAIMS_EXPORT_MAX } from '../../../../shared/domain/export-limits';
import type { SaveOutcome } from '../../../../shared/domain/export';
import { requireWorkbench } from '../../lib/require-workbench';
import { errorMessage, WorkbenchCallError } from '../../lib/workbench-client';
import { useArticlesStore } from '../../stores/articles-store';
import { useClaimsBoardStore } from '../../stores/claims-board-store';
import { useCodebookStore } from '../../stores/codebook-store';
import { useExportStore, type ExportSubject } from '../../stores/export-store';
import { useMemoSessionStore } from '../../stores/memo-session-store';
import { useMemosStore } from '../../stores/memos-store';
import { chipsOf } from '../board/filter-chips-of';
import { announceSaved } from './announce-saved';
import { claimsReportTitle } from './claims-report-title';

/** One export: what it writes, its options, and the call that asks where and saves. */
interface ExportPlan {
  description: string;
  saveLabel: string;
  what: string;
  run(): Promise<SaveOutcome>;
}

function MemoExportOptions({
  memoId,
  onPlan,
}: {
  memoId: string;
  onPlan: (plan: ExportPlan) => void;
}) {
  const summary = useMemosStore((s) => s.list.find((m) => m.id === memoId));
  const session = useMemoSessionStore((s) => s.memo);
  const hasLog = session?.id === memoId ? session.convictionLog.length > 0 : true;
  const [includeLog, setIncludeLog] = useState(hasLog);
  useEffect(() => {
    onPlan({
      description: `“${summary?.title ?? 'The memo'}” as a Markdown report: the header as front matter, the text, every quoted claim with a footnote naming its source, and a Sources list. It opens in any Markdown viewer, on GitHub and in Obsidian.`,
      saveLabel: 'Save as Markdown…',
      what: 'the memo report',
      run: async () => {
        const memoSession = useMemoSessionStore.getState();
        // The report holds what is on screen: the last keystrokes are saved first.
        if (memoSession.memo?.id === memoId) await memoSession.flush();
        const save = useMemoSessionStore.getState().save;
        if (memoSession.memo?.id === memoId && save.status === 'failed') {
          throw new WorkbenchCallError(
            'STORE_WRITE_FAILED',
            `The memo has changes that could not be saved yet (${save.message}); the report would miss them. Try again once the memo shows “Saved”.`,
          );
        }
        return requireWorkbench().export.memoMarkdown({
          id: memoId,
          includeConvictionLog: includeLog,
        });
      },
    });
  }, [memoId, includeLog, summary?.title, onPlan]);
  return (
    <Checkbox
      label="Include the conviction log (a table of rating, target and conviction changes)"
      checked={includeLog}
      onChange={(event) => setIncludeLog(event.currentTarget.checked)}
    />
  );
}

function ArticleExportOptions({
  articleId,
  onPlan,
}: {
  articleId: string;
  onPlan: (plan: ExportPlan) => void;
}) {
  const title = useArticlesStore((s) => s.summaries.find((a) => a.id === articleId)?.title);
  const [format, setFormat] = useState<'markdown' | 'annotations'>('markdown');
  const [fullText, setFullText] = useState(false);
  useEffect(() => {
    const name = title ? `“${title}”` : 'The article';
    onPlan(
      format === 'markdown'
        ? {
            description: `${name} with its claims as Markdown: its details, then the thesis, risk and evidence claims in the order they appear, each with its tags, note, paraphrase and place in the text.`,
            saveLabel: 'Save as Markdown…',
            what: 'the article report',
            run: () =>
              requireWorkbench().export.articleMarkdown({ articleId, includeFullText: fullText }),
          }
        : {
            description: `The highlights of ${name} as W3C Web Annotations (JSON-LD), which other annotation tools read: each with its class, tags and note, and the quote and position it anchors to.`,
            saveLabel: 'Save as JSON-LD…',
            what: 'the annotations',
            run: () => requireWorkbench().export.articleAnnotations({ articleId }),
          },
    );
  }, [articleId, title, format, fullText, onPlan]);
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Format"
        value={format}
        onChange={(value) => setFormat(value as 'markdown' | 'annotations')}
        data={[
          { value: 'markdown', label: 'Markdown report' },
          { value: 'annotations', label: 'Web Annotations (JSON-LD)' },
        ]}
      />
      {format === 'markdown' && (
        <Checkbox
          label="Include the full text, with the claims marked"
          checked={fullText}
          onChange={(event) => setFullText(event.currentTarget.checked)}
        />
      )}
    </Stack>
  );
}

function ClaimsExportOptions({ onPlan }: { onPlan: (plan: ExportPlan) => void }) {
  const filter = useClaimsBoardStore((s) => s.filter);
  const sort = useClaimsBoardStore((s) => s.sort);
  const count = useClaimsBoardStore((s) => s.summary?.claimCount ?? 0);
  const paths = useCodebookStore((s) => s.paths);
  const summaries = useArticlesStore((s) => s.summaries);
  const filters = useMemo(
    () =>
      chipsOf(filter, {
        tag: (id) => paths.get(id) ?? 'unknown tag',
        article: (id) => summaries.find((a) => a.id === id)?.title ?? 'unknown article',
      }).map((chip) => chip.label),
    [filter, paths, summaries],
  );
  const [title, setTitle] = useState(() => claimsReportTitle(filter));
  useEffect(() => {
    onPlan({
      description: `The ${count.toLocaleString()} ${count === 1 ? 'claim' : 'claims'} on the board${filters.length > 0 ? ` (${filters.join(', ')})` : ''} as Markdown, grouped by class, each quote with a footnote naming its source.${count > CLAIMS_EXPORT_MAX ? ` One report holds at most ${CLAIMS_EXPORT_MAX.toLocaleString()}: narrow the filters to export the rest.` : ''}`,
      saveLabel: 'Save as Markdown…',
      what: 'the claims report',
      run: () =>
        requireWorkbench().export.claimsMarkdown({
          filter,
          sort,
          title: title.trim() || claimsReportTitle(filter),
          filters,
        }),
    });
  }, [filter, sort, count, filters, title, onPlan]);
  return (
    <TextInput
      label="Report title"
      value={title}
      maxLength={200}
      onChange={(event) => setTitle(event.currentTarget.value)}
    />
  );
}

function ExportOptions({
  subject,
  onPlan,
}: {
  subject: ExportSubject;
  onPlan: (plan: ExportPlan) => void;
}) {
  if (subject.kind === 'memo') return <MemoExportOptions memoId={subject.memoId} onPlan={onPlan} />;
  if (subject.kind === 'article') {
    return <ArticleExportOptions articleId={subject.articleId} onPlan={onPlan} />;
  }
  return <ClaimsExportOptions onPlan={onPlan} />;
}

const TITLES: Record<ExportSubject['kind'], string> = {
  memo: 'Export memo',
  article: 'Export article',
  claims: 'Export claims',
};

/** The dialog's content for one subject: its options, the error of the last try, Save. */
function ExportBody({ subject, close }: { subject: ExportSubject; close: () => void }) {
  const [plan, setPlan] = useState<ExportPlan | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    if (!plan) return;
    setSaving(true);
    setError(null);
    try {
      const outcome = await plan.run();
      if (announceSaved(outcome, plan.what)) close();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="md">
      {plan && <Text size="sm">{plan.description}</Text>}
      <ExportOptions subject={subject} onPlan={setPlan} />
      {error && (
        <Alert color="red" title="Not saved">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={close}>
          Cancel
        </Button>
        <Button onClick={() => void save()} loading={saving} disabled={!plan}>
          {plan?.saveLabel ?? 'Save…'}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Export (Ctrl+Shift+E): the open memo, the open article or the board's selection. Saving
 * asks where (a native dialog with a safe file name) and never replaces a file without
 * asking; a failure is shown here, with the dialog still open.
 */
export function ExportDialog() {
  const subject = useExportStore((s) => s.subject);
  const close = useExportStore((s) => s.close);
  return (
    <Modal
      opened={subject !== null}
      onClose={close}
      title={subject ? TITLES[subject.kind] : ''}
      size="lg"
    >
      {subject && <ExportBody key={JSON.stringify(subject)} subject={subject} close={close} />}
    </Modal>
  );
}
