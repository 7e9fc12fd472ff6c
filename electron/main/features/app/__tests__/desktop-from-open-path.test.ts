import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors/app-error';
import { desktopFromOpenPath } from '../desktop-from-open-path';

describe('desktopFromOpenPath', () => {
  it('opens the folder when the OS reports no error', async () => {
    const asked: string[] = [];
    const desktop = desktopFromOpenPath(async (path) => {
      asked.push(path);
      return '';
    });
    await desktop.openFolder('/home/anna/.config/Margin/logs');
    expect(asked).toEqual(['/home/anna/.config/Margin/logs']);
  });

  it('turns the error the OS reports into a message naming the folder', async () => {
    const desktop = desktopFromOpenPath(async () => 'No application is registered to open it.');
    const error = await desktop.openFolder('/srv/margin/library').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'OPEN_FAILED',
      message:
        'Margin could not show “/srv/margin/library” in your file manager (No application is registered to open it.). Open the folder yourself with this path.',
    });
  });

  it('does the same when opening throws', async () => {
    const desktop = desktopFromOpenPath(async () => {
      throw new Error('xdg-open not found');
    });
    await expect(desktop.openFolder('/x')).rejects.toMatchObject({
      code: 'OPEN_FAILED',
      message: expect.stringContaining('(xdg-open not found)'),
    });
  });
});
