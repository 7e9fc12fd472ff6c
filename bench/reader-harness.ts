import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/support/chromium';
import globalSetup from '../e2e/support/global-setup';
import { MainProcess } from '../e2e/support/main-process';
import { bridgeScript, repoRoot, rendererDir } from '../e2e/support/paths';
import { serveStatic } from '../e2e/support/static-server';

/** The built app in Chromium, its `window.workbench` wired to the real main handlers. */
export interface ReaderHarness {
  page: Page;
  /** Content-Security-Policy violations the page reported (`playwright` transport only). */
  cspViolations: string[];
  /** Uncaught errors in the page: a benchmark of a broken page measures nothing. */
  pageErrors: string[];
  /** Closes the page, the browser, the main handlers and the server (whatever was opened). */
  close(): Promise<void>;
}

/**
 * How a `window.workbench` call reaches main (always `MainProcess.invoke`: the sender
 * guard, the input parsing and the real handlers).
 * - `playwright`: exactly as the e2e fixtures, through the `__marginInvoke` binding. Its
 *   protocol takes hundreds of milliseconds to carry a reply of a few hundred kilobytes
 *   (a long article, a thousand highlights), far more than Electron's IPC.
 * - `http`: the reply as JSON over a loopback HTTP request (CSP bypassed for that one
 *   connection's sake), which costs about what the app's IPC does, so that the renderer's
 *   own work is what gets measured.
 */
export type BridgeTransport = 'playwright' | 'http';

/** Serves `POST /invoke` ({channel, payload} as JSON) to `invoke`, for `http` transport. */
async function serveInvoke(
  appOrigin: string,
  invoke: (channel: unknown, payload: unknown) => Promise<unknown>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (request, response) => {
    if (request.method !== 'POST' || request.url !== '/invoke') {
      response.writeHead(404).end();
      return;
    }
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const { channel, payload } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        channel: unknown;
        payload: unknown;
      };
      const reply = JSON.stringify(await invoke(channel, payload));
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'access-control-allow-origin': appOrigin,
      });
      response.end(reply);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/invoke`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ReaderHarnessOptions {
  log: (line: string) => void;
  transport?: BridgeTransport;
  viewport?: { width: number; height: number };
  /** Runs in the page before its own scripts (instrumentation only). */
  initScript?: () => void;
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The renderer must be built (`npx electron-vite build`); the test bridge is bundled by
 * the e2e global setup, reused here when it is missing or older than the IPC code.
 */
async function checkBuild(log: (line: string) => void): Promise<void> {
  const indexHtml = join(rendererDir, 'index.html');
  if (!existsSync(indexHtml)) {
    throw new Error('The renderer is not built: run `npx electron-vite build` first.');
  }
  const built = statSync(indexHtml).mtimeMs;
  const sources = Math.max(
    await newestMtime(join(repoRoot, 'renderer')),
    await newestMtime(join(repoRoot, 'shared')),
  );
  if (sources > built) {
    log(
      'Warning: renderer/ or shared/ changed after the last build; run `npx electron-vite build`.',
    );
  }
  const bridgeSources = Math.max(
    await newestMtime(join(repoRoot, 'shared/ipc')),
    statSync(join(repoRoot, 'e2e/support/bridge-entry.ts')).mtimeMs,
  );
  if (!existsSync(bridgeScript) || statSync(bridgeScript).mtimeMs < bridgeSources) {
    log('Bundling the test bridge (out/e2e/bridge.js)…');
    await globalSetup();
  }
}

/**
 * Opens the built renderer in Chromium over `dataDir` as the e2e fixtures do
 * (e2e/support/fixtures.ts): served over loopback HTTP, with the test bridge's
 * `window.workbench` calling the real main-process handlers (MainProcess), by the chosen
 * `transport`. CSP violations are collected only with `playwright` (`http` bypasses the
 * CSP). The library in `dataDir` must be closed: the main handlers take its lock.
 */
export async function openReaderHarness(
  dataDir: string,
  {
    log,
    transport = 'http',
    viewport = { width: 1440, height: 900 },
    initScript,
  }: ReaderHarnessOptions,
): Promise<ReaderHarness> {
  await checkBuild(log);
  const cleanups: Array<() => Promise<unknown>> = [];
  const close = async () => {
    const errors: unknown[] = [];
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    cleanups.length = 0;
    if (errors.length > 0)
      throw new AggregateError(errors, 'The reader harness did not close cleanly');
  };
  try {
    const server = await serveStatic(rendererDir);
    cleanups.push(() => server.close());
    const main = await MainProcess.start(dataDir);
    cleanups.push(() => main.stop());
    const browser: Browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
    cleanups.push(() => browser.close());
    // The e2e fixtures keep the page's CSP (and fail on a violation); the `http` transport
    // needs a connection the production CSP forbids, so there the page runs without it.
    const page = await browser.newPage({ viewport, bypassCSP: transport === 'http' });

    const cspViolations: string[] = [];
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    if (transport === 'playwright') {
      // installBridge of e2e/support/fixtures.ts (not exported there).
      await page.exposeBinding('__marginInvoke', (source, channel: unknown, payload: unknown) =>
        main.invoke(
          { url: source.frame.url(), parent: source.frame.parentFrame() },
          server.origin,
          channel,
          payload,
        ),
      );
    } else {
      const appUrl = `${server.origin}/index.html`;
      // The sender is the app's top frame, as the binding would report it.
      const endpoint = await serveInvoke(server.origin, (channel, payload) =>
        main.invoke({ url: appUrl, parent: null }, server.origin, channel, payload),
      );
      cleanups.push(() => endpoint.close());
      // The bridge looks `__marginInvoke` up on every call: give it the HTTP transport.
      await page.addInitScript((url) => {
        const page = globalThis as unknown as {
          __marginInvoke: (channel: string, payload: unknown) => Promise<unknown>;
        };
        page.__marginInvoke = async (channel, payload) => {
          const response = await fetch(url, {
            method: 'POST',
            body: JSON.stringify({ channel, payload }),
          });
          if (!response.ok) throw new Error(await response.text());
          return response.json() as Promise<unknown>;
        };
      }, endpoint.url);
    }
    await page.exposeBinding('__marginCspViolation', (_source, report: string) => {
      cspViolations.push(report);
    });
    await page.addInitScript({ path: bridgeScript });
    if (initScript) await page.addInitScript(initScript);
    await page.goto(`${server.origin}/index.html`);
    return { page, cspViolations, pageErrors, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
