import { describe, expect, it } from 'vitest';
import { AppEventQueue } from '../app-event-queue';

const settled = async <T>(promise: Promise<T>): Promise<{ done: boolean; value?: T }> => {
  const marker = Symbol('pending');
  const value = await Promise.race([promise, new Promise((r) => setTimeout(() => r(marker), 20))]);
  return value === marker ? { done: false } : { done: true, value: value as T };
};

describe('the queue of OS and menu events', () => {
  it('keeps events that arrive before the page asks, in order', async () => {
    const queue = new AppEventQueue();
    queue.push({ kind: 'openFiles', paths: ['/a.pdf'] });
    queue.push({ kind: 'showAbout' });
    expect(await queue.next(0)).toEqual({
      events: [{ kind: 'openFiles', paths: ['/a.pdf'] }, { kind: 'showAbout' }],
      through: 2,
    });
  });

  it('holds the page’s call open until an event arrives', async () => {
    const queue = new AppEventQueue();
    const call = queue.next(0);
    expect((await settled(call)).done).toBe(false);
    queue.push({ kind: 'reportProblem' });
    expect(await call).toEqual({ events: [{ kind: 'reportProblem' }], through: 1 });
  });

  it('forgets an event once the page asks past it, and not before', async () => {
    const queue = new AppEventQueue();
    queue.push({ kind: 'showAbout' });
    const { through } = await queue.next(0);
    expect((await settled(queue.next(through))).done).toBe(false);
    // A page that asks from the start again (it reloaded) gets only what is not acknowledged.
    queue.push({ kind: 'reportProblem' });
    expect((await queue.next(0)).events).toEqual([{ kind: 'reportProblem' }]);
  });

  it('hands an answer lost with a reloaded page to the new page', async () => {
    const queue = new AppEventQueue();
    const pageThatReloads = queue.next(0);
    queue.push({ kind: 'openFiles', paths: ['/b.md'] });
    await pageThatReloads; // answered, but the page was gone before it could handle it
    expect(await queue.next(0)).toEqual({
      events: [{ kind: 'openFiles', paths: ['/b.md'] }],
      through: 1,
    });
  });

  it('answers a replaced call with nothing, so only the newest page reads the queue', async () => {
    const queue = new AppEventQueue();
    const older = queue.next(0);
    const newer = queue.next(0);
    expect(await older).toEqual({ events: [], through: 0 });
    queue.push({ kind: 'showAbout' });
    expect((await newer).events).toEqual([{ kind: 'showAbout' }]);
  });

  it('ignores a launch that opened no files', async () => {
    const queue = new AppEventQueue();
    queue.push({ kind: 'openFiles', paths: [] });
    expect((await settled(queue.next(0))).done).toBe(false);
  });
});
