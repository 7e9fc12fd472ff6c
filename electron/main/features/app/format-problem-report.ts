import { platformName } from '../../../../shared/app/platform-name';
import type { LogTail } from './read-log-tail';
import { replaceHomeDir } from './replace-home-dir';

/** Everything a problem report says, gathered by main (see app-handlers). */
export interface ProblemReportFacts {
  madeAt: Date;
  version: string;
  versions: { electron: string | null; chrome: string | null; node: string; v8: string };
  system: { platform: string; osRelease: string; arch: string };
  locale: string | null;
  dataDir: string;
  logDir: string;
  homeDir: string;
  library: {
    articles: number;
    highlights: number;
    memos: number;
    /** The index was still being built: the highlights counted so far. */
    indexBuilding: boolean;
    readOnlyReason: string | null;
    /** "the highlight: the disk is full", while saving fails. */
    writeFailure: string | null;
  };
  logFileName: string;
  log: LogTail;
}

const PROBLEM_REPORT_NOTICE =
  'Nothing was sent. Review this text before sharing it: the log can name your files.';

const NOT_ELECTRON = 'not running in Electron';

/**
 * The problem report as plain text, for the analyst to paste into a message to support.
 * The home folder is shown as `~` everywhere, log lines included.
 */
export function formatProblemReport(facts: ProblemReportFacts): string {
  const { versions, system, library, log } = facts;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const field = (label: string, value: string) => `${`${label}:`.padEnd(13)}${value}`;
  const lines = [
    'Margin problem report',
    '',
    PROBLEM_REPORT_NOTICE,
    'Paste it into your message to support, and remove anything you would rather not share.',
    '',
    field('Written', facts.madeAt.toISOString()),
    field('Margin', facts.version),
    field('Electron', versions.electron ?? NOT_ELECTRON),
    field('Chromium', versions.chrome ?? NOT_ELECTRON),
    field('Node.js', versions.node),
    field('V8', versions.v8),
    field('OS', `${platformName(system.platform)} ${system.osRelease} (${system.arch})`),
    field('Locale', facts.locale ?? 'unknown'),
    '',
    field('Data folder', facts.dataDir),
    field('Log folder', facts.logDir),
    '',
    field(
      'Library',
      [
        count(library.articles, 'article', 'articles'),
        count(library.highlights, 'highlight', 'highlights'),
        count(library.memos, 'memo', 'memos'),
      ].join(', ') +
        (library.indexBuilding ? ' (index still building: highlights counted so far)' : ''),
    ),
  ];
  if (library.readOnlyReason !== null) lines.push(field('Read-only', library.readOnlyReason));
  if (library.writeFailure !== null) lines.push(field('Saving', `fails — ${library.writeFailure}`));
  lines.push('');
  if (log.state === 'read') {
    lines.push(
      log.lines.length === 0
        ? `${facts.logFileName} is empty.`
        : `The last ${count(log.lines.length, 'line', 'lines')} of ${facts.logFileName}:`,
      '',
      ...log.lines,
    );
  } else if (log.state === 'missing') {
    lines.push(
      `There is no ${facts.logFileName} in the log folder: Margin has not written a log yet.`,
    );
  } else {
    lines.push(`${facts.logFileName} could not be read (${log.reason}).`);
  }
  return replaceHomeDir(lines.join('\n') + '\n', facts.homeDir);
}
