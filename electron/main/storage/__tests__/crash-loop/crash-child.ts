// The process the crash loop kills (see run-crash-loop.ts). It starts warm: it loads its
// code, then waits for one line on stdin, `{ dataDir, ackLog, streamSeed, runSeed }` as
// JSON, so the parent can start the next child while the current one runs. Then it opens
// the real library, prints `ready`, and continues the mutation stream after the last
// acknowledged mutation, in bursts with idle gaps, until it is killed. Before each
// mutation it prints `issue <seq>`; once the library has resolved it (durable), it appends
// `<seq>` to the ack log and fsyncs that log. It exits when stdin closes (the parent is gone).
import { fsyncSync, openSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '../../../../../bench/random';
import { openLibrary } from '../../open-library';
import { applyMutation } from './apply-mutation';
import { mutationStream } from './mutation-stream';
import { readAckLog } from './read-ack-log';

/** Mutations applied back to back in one burst: at most this many. */
const BURST_MAX = 8;
/** Longest idle gap between bursts (an analyst reading). */
const GAP_MAX_MS = 120;

interface ChildTask {
  dataDir: string;
  ackLog: string;
  streamSeed: number;
  runSeed: number;
}

const task = await new Promise<ChildTask>((resolve) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    text += chunk;
    const end = text.indexOf('\n');
    if (end >= 0) resolve(JSON.parse(text.slice(0, end)) as ChildTask);
  });
  process.stdin.on('end', () => process.exit(0));
});

const stream = mutationStream(task.streamSeed);
stream.advanceTo(readAckLog(task.ackLog).at(-1) ?? 0);
const toStderr = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
const library = await openLibrary(task.dataDir, {
  logger: { info: toStderr, warn: toStderr, error: toStderr },
});
const ackLog = openSync(task.ackLog, 'a');
// Pipes are written synchronously on POSIX: the parent sees every line printed before the kill.
process.stdout.write('ready\n');

const random = seededRandom(task.runSeed);
// The first mutation may have been issued (and landed) before the previous kill.
let mayHaveLanded = true;
for (;;) {
  const burst = 1 + Math.floor(random() * BURST_MAX);
  for (let i = 0; i < burst; i++) {
    const mutation = stream.peek();
    process.stdout.write(`issue ${mutation.seq}\n`);
    await applyMutation(library, mutation, mayHaveLanded);
    mayHaveLanded = false;
    stream.advance();
    writeSync(ackLog, `${mutation.seq}\n`);
    fsyncSync(ackLog);
  }
  await sleep(random() * GAP_MAX_MS);
}
