import { channels } from '../../shared/ipc/channels';
import { AppError } from './errors/app-error';
import type { ChannelHandlers } from './ipc/channel-handlers';
import type { Library } from './storage/open-library';

/** What a feature may ask of the open library as a whole (restoring a backup replaces it). */
export interface LibraryControl {
  /**
   * Closes the library, runs `swap` over its closed data folder, then opens it again and
   * rebuilds every handler over it. Calls that arrive meanwhile wait. When `swap` throws,
   * the library is opened again as it was and the error is rethrown.
   */
  replaceContents(swap: () => Promise<void>): Promise<void>;
}

export interface LibraryHostOptions {
  /** Opens the library (takes its lock, recovers what it must). */
  open: () => Promise<Library>;
  /** Every channel's handler over one open library. */
  makeHandlers: (library: Library, control: LibraryControl) => ChannelHandlers;
}

/**
 * Handlers for when the library could not be opened again after a swap: every call says
 * so, instead of reading a closed library's stale state or writing into nothing.
 */
function unavailableHandlers(): ChannelHandlers {
  const refuse = async () => {
    throw new AppError(
      'STORE_READ_ONLY',
      'Margin could not open the library again after replacing it. Quit Margin and start it again; your files are on disk.',
    );
  };
  return Object.fromEntries(
    channels.map((channel) => [channel, refuse]),
  ) as unknown as ChannelHandlers;
}

/**
 * Owns the open library and the handlers over it, and hands out one handlers object
 * whose methods stay valid when the library is closed and opened again (a restore from
 * backup, a restart in tests): each call goes to the handlers of the library open now.
 */
export class LibraryHost implements LibraryControl {
  readonly handlers: ChannelHandlers;
  private current: { library: Library; handlers: ChannelHandlers };
  /** Set while the library is being replaced: calls wait for it, and so does closing. */
  private replacing: Promise<void> | null = null;
  private closed = false;

  private constructor(
    library: Library,
    private readonly options: LibraryHostOptions,
  ) {
    this.current = { library, handlers: options.makeHandlers(library, this) };
    const delegating: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const channel of channels) {
      delegating[channel] = async (input) => {
        while (this.replacing) await this.replacing.catch(() => undefined);
        const handler = this.current.handlers[channel] as (input: unknown) => Promise<unknown>;
        return handler(input);
      };
    }
    this.handlers = delegating as ChannelHandlers;
  }

  static async open(options: LibraryHostOptions): Promise<LibraryHost> {
    return new LibraryHost(await options.open(), options);
  }

  get library(): Library {
    return this.current.library;
  }

  async replaceContents(swap: () => Promise<void>): Promise<void> {
    while (this.replacing) await this.replacing.catch(() => undefined);
    if (this.closed) throw new AppError('STORE_READ_ONLY', 'Margin is closing the library.');
    const run = async () => {
      await this.current.library.close();
      let failure: unknown = null;
      try {
        await swap();
      } catch (error) {
        failure = error;
      }
      let library: Library;
      try {
        library = await this.options.open();
      } catch (openError) {
        this.current = { library: this.current.library, handlers: unavailableHandlers() };
        throw new AggregateError(
          failure === null ? [openError] : [failure, openError],
          'the library could not be opened again',
        );
      }
      this.current = { library, handlers: this.options.makeHandlers(library, this) };
      if (failure !== null) throw failure;
    };
    this.replacing = run();
    try {
      await this.replacing;
    } finally {
      this.replacing = null;
    }
  }

  /** Waits for a replacement under way (quitting mid-restore must not cut the swap off). */
  async close(): Promise<void> {
    this.closed = true;
    while (this.replacing) await this.replacing.catch(() => undefined);
    await this.current.library.close();
  }
}
