import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ChildError, ChildEvent, ChildRequest, ChildResponse } from './library-child-protocol';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running library child (library-child.ts), driven one request at a time. */
export interface LibraryChild {
  readonly pid: number;
  /** Everything the child reported on its own (the churn's writes), in order. */
  readonly events: ChildEvent[];
  /** Resolves with the child's answer; a refusal is an answer too (`ok: false`). */
  request<T = unknown>(request: ChildRequest): Promise<ChildResponse<T>>;
  /** Like `request`, but the value; throws with the child's error when it was refused. */
  value<T = unknown>(request: ChildRequest): Promise<T>;
  /** What the child wrote on stderr so far (its logs), for failure messages. */
  stderr(): string;
  /** Resolves once the child exited and everything it wrote on stdout was read. */
  readonly exited: Promise<ChildExit>;
  /** Closes its stdin (it then exits once its work is done) and waits for it to exit. */
  end(): Promise<ChildExit>;
  /** Sends `signal` and waits for the child to exit. */
  kill(signal: NodeJS.Signals): Promise<ChildExit>;
}

export class ChildRefused extends Error {
  constructor(readonly error: ChildError) {
    super(`${error.name}${error.code ? ` ${error.code}` : ''}: ${error.message}`);
    this.name = 'ChildRefused';
  }
}

/** How to start a child: the command (node and whatever wraps it) and its environment. */
export interface ChildLaunch {
  command: readonly string[];
  env: NodeJS.ProcessEnv;
}

/**
 * Starts a library child (wrapped in a shell setting a limit, or a switch to another user,
 * as `launch` says) and speaks its line protocol.
 */
export function startLibraryChild({ command, env }: ChildLaunch): LibraryChild {
  const [file, ...args] = command;
  const proc = spawn(file!, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
  // A child that already exited must not crash the test with EPIPE; `exited` says it ended.
  proc.stdin.on('error', () => undefined);
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const events: ChildEvent[] = [];
  const pending = new Map<number, (response: ChildResponse) => void>();
  let nextId = 1;
  let gone: ChildExit | null = null;

  const lines = createInterface({ input: proc.stdout });
  lines.on('line', (line) => {
    const message = JSON.parse(line) as ChildResponse | ChildEvent;
    if ('event' in message) {
      events.push(message);
      return;
    }
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });

  // `close` comes after the exit and after stdout ended: every line it wrote has been read.
  const exited = new Promise<ChildExit>((resolve) => {
    proc.once('error', (error) => {
      stderr += `\n${error.message}`;
      resolve({ code: null, signal: null });
    });
    proc.once('close', (code, signal) => resolve({ code, signal }));
  }).then((exit) => {
    gone = exit;
    for (const [id, answer] of pending) {
      const how = exit.code ?? exit.signal ?? 'failed to start';
      answer({
        id,
        ok: false,
        error: {
          name: 'ChildExited',
          appError: false,
          message: `the child exited (${how}): ${stderr}`,
        },
      });
    }
    pending.clear();
    return exit;
  });

  const request = <T>(message: ChildRequest) =>
    new Promise<ChildResponse<T>>((resolve) => {
      const id = nextId++;
      if (gone) {
        const error = { name: 'ChildExited', appError: false, message: 'the child has exited' };
        resolve({ id, ok: false, error });
        return;
      }
      pending.set(id, resolve as (response: ChildResponse) => void);
      proc.stdin.write(`${JSON.stringify({ id, ...message })}\n`);
    });

  return {
    pid: proc.pid!,
    events,
    request,
    value: async <T>(message: ChildRequest) => {
      const response = await request<T>(message);
      if (!response.ok) throw new ChildRefused(response.error);
      return response.value;
    },
    stderr: () => stderr,
    exited,
    end: () => {
      proc.stdin.end();
      return exited;
    },
    kill: (signal) => {
      proc.kill(signal);
      return exited;
    },
  };
}
