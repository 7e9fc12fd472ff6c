import { describe, expect, it } from 'vitest';
import { formatProblemReport, type ProblemReportFacts } from '../format-problem-report';

const facts: ProblemReportFacts = {
  madeAt: new Date('2026-11-25T09:00:00.000Z'),
  version: '0.1.0',
  versions: { electron: '45.5.0', chrome: '140.0.7339.41', node: '22.19.0', v8: '14.0.365.4' },
  system: { platform: 'darwin', osRelease: '24.6.0', arch: 'arm64' },
  locale: 'de-DE',
  dataDir: '/Users/anna/Library/Application Support/Margin/library',
  logDir: '/Users/anna/Library/Logs/Margin',
  homeDir: '/Users/anna',
  library: {
    articles: 12,
    highlights: 1,
    memos: 0,
    indexBuilding: false,
    readOnlyReason: null,
    writeFailure: null,
  },
  logFileName: 'main.log',
  log: {
    state: 'read',
    lines: [
      '[2026-11-25 08:59:58.123] [info] Imported /Users/anna/Downloads/Q3 note.pdf',
      '[2026-11-25 08:59:59.456] [warn] Index: could not read its cache; rebuilding.',
    ],
  },
};

describe('formatProblemReport', () => {
  it('writes every fact, plainly, with the home folder as ~', () => {
    expect(formatProblemReport(facts)).toBe(
      [
        'Margin problem report',
        '',
        'Nothing was sent. Review this text before sharing it: the log can name your files.',
        'Paste it into your message to support, and remove anything you would rather not share.',
        '',
        'Written:     2026-11-25T09:00:00.000Z',
        'Margin:      0.1.0',
        'Electron:    45.5.0',
        'Chromium:    140.0.7339.41',
        'Node.js:     22.19.0',
        'V8:          14.0.365.4',
        'OS:          macOS 24.6.0 (arm64)',
        'Locale:      de-DE',
        '',
        'Data folder: ~/Library/Application Support/Margin/library',
        'Log folder:  ~/Library/Logs/Margin',
        '',
        'Library:     12 articles, 1 highlight, 0 memos',
        '',
        'The last 2 lines of main.log:',
        '',
        '[2026-11-25 08:59:58.123] [info] Imported ~/Downloads/Q3 note.pdf',
        '[2026-11-25 08:59:59.456] [warn] Index: could not read its cache; rebuilding.',
        '',
      ].join('\n'),
    );
  });

  it('says when main does not run in Electron, and what troubles the library', () => {
    const text = formatProblemReport({
      ...facts,
      versions: { ...facts.versions, electron: null, chrome: null },
      locale: null,
      library: {
        ...facts.library,
        indexBuilding: true,
        readOnlyReason: 'The library is in use by Margin on another computer.',
        writeFailure: 'the memo: the disk is full (since 2026-11-25T08:00:00.000Z)',
      },
    });
    expect(text).toContain(
      'Electron:    not running in Electron\nChromium:    not running in Electron\n',
    );
    expect(text).toContain('Locale:      unknown\n');
    expect(text).toContain(
      'Library:     12 articles, 1 highlight, 0 memos (index still building: highlights counted so far)\n' +
        'Read-only:   The library is in use by Margin on another computer.\n' +
        'Saving:      fails — the memo: the disk is full (since 2026-11-25T08:00:00.000Z)\n',
    );
  });

  it('says when the log is missing, empty or unreadable', () => {
    const withLog = (log: ProblemReportFacts['log']) => formatProblemReport({ ...facts, log });
    expect(withLog({ state: 'missing' })).toMatch(
      /\nThere is no main\.log in the log folder: Margin has not written a log yet\.\n$/,
    );
    expect(withLog({ state: 'read', lines: [] })).toMatch(/\nmain\.log is empty\.\n\n$/);
    expect(withLog({ state: 'unreadable', reason: 'EACCES' })).toMatch(
      /\nmain\.log could not be read \(EACCES\)\.\n$/,
    );
  });
});
