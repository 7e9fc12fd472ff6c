import type { Dialogs, SaveFileRequest } from '../features/dialogs';

export interface ChosenPathsDialogs extends Dialogs {
  /** The files the next open dialogs "choose" (imports). */
  choose(paths: string[]): void;
  /** The path the next save dialogs "choose"; null cancels them. */
  chooseSavePath(path: string | null): void;
  /** The backup file the next restore dialogs "choose"; null cancels them. */
  chooseBackup(path: string | null): void;
  /** The answer to the next "Replace the existing file?" questions. */
  answerReplace(replace: boolean): void;
  /** The save dialogs shown so far, oldest first (what a test checks the default name on). */
  readonly saveRequests: readonly SaveFileRequest[];
  /** The paths `confirmReplace` asked about, oldest first. */
  readonly replaceQuestions: readonly string[];
}

/**
 * Dialogs that "choose" whatever the test set: the native dialog is the only piece
 * replaced, everything behind it (reading, parsing, writing, storing) runs for real. Like
 * a native dialog that is not asked to confirm, the save dialog leaves the replace
 * question to main (`confirmReplace`).
 */
export function chosenPathsDialogs(initial: string[] = []): ChosenPathsDialogs {
  let paths = initial;
  let savePath: string | null = null;
  let backupPath: string | null = null;
  let replace = false;
  const saveRequests: SaveFileRequest[] = [];
  const replaceQuestions: string[] = [];
  return {
    saveRequests,
    replaceQuestions,
    choose(next) {
      paths = next;
    },
    chooseSavePath(path) {
      savePath = path;
    },
    chooseBackup(path) {
      backupPath = path;
    },
    answerReplace(answer) {
      replace = answer;
    },
    async chooseImportFiles() {
      return paths;
    },
    async chooseSaveFile(request) {
      saveRequests.push(request);
      return savePath === null ? null : { path: savePath, replaceConfirmed: false };
    },
    async confirmReplace(path) {
      replaceQuestions.push(path);
      return replace;
    },
    async chooseBackupFile() {
      return backupPath;
    },
  };
}
