import { describe, expect, it } from 'vitest';
import { channels } from '../channels';
import { contract } from '../contract';
import { createWorkbenchApi } from '../create-workbench-api';

describe('the IPC contract', () => {
  it('defines schemas for exactly the channels the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual([...channels].sort());
  });

  it('names every channel domain:verb', () => {
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
  });
});

describe('createWorkbenchApi', () => {
  it('has one method per channel and nothing else', () => {
    const api = createWorkbenchApi(async () => undefined) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    const methods = Object.entries(api).flatMap(([domain, verbs]) =>
      Object.keys(verbs).map((verb) => `${domain}:${verb}`),
    );
    expect(methods.sort()).toEqual([...channels].sort());
    expect(api).not.toHaveProperty('invoke');
  });

  it('sends the channel and the payload through the transport and returns its answer', async () => {
    const calls: [string, unknown][] = [];
    const api = createWorkbenchApi(async (channel, payload) => {
      calls.push([channel, payload]);
      return { ok: true, value: channel };
    });
    await expect(api.articles.get({ id: 'x' })).resolves.toEqual({
      ok: true,
      value: 'articles:get',
    });
    await api.library.status();
    expect(calls).toEqual([
      ['articles:get', { id: 'x' }],
      ['library:status', undefined],
    ]);
  });

  it('cannot be extended or rewired by the page', () => {
    const api = createWorkbenchApi(async () => undefined);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.articles)).toBe(true);
  });
});
