import { describe, expect, it } from 'vitest';
import { replaceHomeDir } from '../replace-home-dir';

describe('replaceHomeDir', () => {
  it('shows the home folder as ~, wherever it appears', () => {
    expect(
      replaceHomeDir(
        'Data: /home/anna/.config/Margin/library\nopened "/home/anna/Q3 note.pdf"; home is /home/anna',
        '/home/anna',
      ),
    ).toBe('Data: ~/.config/Margin/library\nopened "~/Q3 note.pdf"; home is ~');
  });

  it('leaves a longer folder name that starts the same alone', () => {
    expect(replaceHomeDir('/home/annabel/x /home/anna-old /home/anna.bak', '/home/anna')).toBe(
      '/home/annabel/x /home/anna-old /home/anna.bak',
    );
    expect(replaceHomeDir('in /home/anna.', '/home/anna/')).toBe('in ~.');
  });

  it('matches Windows paths in any case, with either slash, and JSON-escaped', () => {
    const home = 'C:\\Users\\Anna';
    expect(
      replaceHomeDir(
        'C:\\Users\\Anna\\AppData c:\\users\\anna\\x C:/Users/Anna/y {"path":"C:\\\\Users\\\\Anna\\\\z"}',
        home,
      ),
    ).toBe('~\\AppData ~\\x ~/y {"path":"~\\\\z"}');
  });

  it('treats characters of the path literally', () => {
    expect(replaceHomeDir('/home/a.b+c/x /home/aXb+c/x', '/home/a.b+c')).toBe('~/x /home/aXb+c/x');
  });

  it('leaves the text alone when the home folder is the root or unknown', () => {
    expect(replaceHomeDir('/etc/passwd', '/')).toBe('/etc/passwd');
    expect(replaceHomeDir('C:\\x', 'C:\\')).toBe('C:\\x');
    expect(replaceHomeDir('/etc/passwd', '')).toBe('/etc/passwd');
  });
});
