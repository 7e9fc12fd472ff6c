import { channels, type Channel } from './channels';
import type { ChannelInput, ChannelOutput } from './contract';
import type { Envelope } from './envelope';

/** Carries one call to main: `ipcRenderer.invoke` in the app, a Playwright binding in tests. */
export type Transport = (channel: Channel, payload: unknown) => Promise<unknown>;

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;

type Method<C extends Channel> = [ChannelInput<C>] extends [undefined]
  ? () => Promise<Envelope<ChannelOutput<C>>>
  : (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;

/** `window.workbench`: one namespace per domain, one method per channel (`articles:get` → `articles.get`). */
export type WorkbenchApi = {
  readonly [D in DomainOf<Channel>]: {
    readonly [C in Channel as C extends `${D}:${infer V}` ? V : never]: Method<C>;
  };
};

/**
 * Builds the object exposed as `window.workbench`. The preload and the test bridge both
 * call this, so the tests exercise the same API object that ships. There is deliberately
 * no generic `invoke(channel)`: the page can reach only the channels of the contract.
 */
export function createWorkbenchApi(transport: Transport): WorkbenchApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (input?: unknown) => transport(channel, input);
  }
  for (const namespace of Object.values(api)) Object.freeze(namespace);
  return Object.freeze(api) as unknown as WorkbenchApi;
}
