import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors/app-error';
import { describeExportFailure, NOT_A_FILE } from '../describe-export-failure';

const path = '/home/ana/Reports/Q3/Microsoft - OpenAI.md';
const errno = (code: string) => Object.assign(new Error(`${code}: raw message`), { code });

describe('describeExportFailure', () => {
  it.each([
    ['EROFS', 'the disk is read-only', 'Choose a folder on another disk.'],
    ['EACCES', 'Margin is not allowed to write there', 'check its permissions'],
    ['EPERM', 'Margin is not allowed to write there', 'check its permissions'],
    ['ENOSPC', 'the disk is full', 'Free some space'],
    ['EDQUOT', 'your disk quota is used up', 'Free some space'],
    ['EFBIG', 'the file is larger than that disk allows', 'another disk'],
    ['ENOENT', 'the folder does not exist', 'Choose another folder.'],
    ['ENOTDIR', 'part of that path is a file, not a folder', 'Choose another folder.'],
    ['ENAMETOOLONG', 'the name is too long for that disk', 'Choose a shorter name.'],
    ['EISDIR', 'a folder of that name is already there', 'Choose another name.'],
    [NOT_A_FILE, 'something that is not a file has that name', 'Choose another name.'],
    ['EBUSY', 'the file is open in another program', 'Close it there'],
  ])('explains %s: the folder, the cause, nothing written, what to do', (code, cause, advice) => {
    const error = describeExportFailure('the memo report', path, errno(code), false);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('EXPORT_WRITE_FAILED');
    expect(error.message).toMatch(/^Couldn't save the memo report in “\/home\/ana\/Reports\/Q3”: /);
    expect(error.message).toContain(cause);
    expect(error.message).toContain('. Nothing was written. ');
    expect(error.message).toContain(advice);
    expect(error.message).not.toContain('raw message');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('says the file being replaced is unchanged', () => {
    const error = describeExportFailure('the annotations', path, errno('ENOSPC'), true);
    expect(error.message).toBe(
      `Couldn't save the annotations in “/home/ana/Reports/Q3”: the disk is full. ` +
        'Nothing was written and “Microsoft - OpenAI.md” is unchanged. ' +
        'Free some space, or choose another disk.',
    );
  });

  it('names an unfamiliar error code rather than hiding it', () => {
    const error = describeExportFailure('the memo report', path, errno('EXDEV'), false);
    expect(error.message).toContain('the disk reported an error (EXDEV)');
    const bare = describeExportFailure('the memo report', path, new Error('odd'), false);
    expect(bare.message).toContain('the disk reported an error.');
  });

  it('passes an AppError through unchanged', () => {
    const original = new AppError('STORE_READ_ONLY', 'read-only library');
    expect(describeExportFailure('the memo report', path, original, false)).toBe(original);
  });
});
