import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export interface NodeNetworkGuard {
  /** Every connection, lookup or request attempted while the guard was on. */
  readonly attempts: string[];
  /** Puts Node's networking back as it was. */
  restore(): void;
}

/**
 * Refuses, and records, every outgoing connection the test process makes: sockets, DNS
 * lookups, http(s) requests and fetch. The main-process handlers run in this process, so
 * this is main's network, blocked at the Node level.
 */
export function blockNodeNetwork(): NodeNetworkGuard {
  const attempts: string[] = [];
  const refuse = (what: string): never => {
    attempts.push(what);
    throw new Error(`Network blocked by the test: ${what}`);
  };
  const saved = {
    connect: net.Socket.prototype.connect,
    lookup: dns.lookup,
    promisesLookup: dns.promises.lookup,
    httpRequest: http.request,
    httpsRequest: https.request,
    fetch: globalThis.fetch,
  };
  net.Socket.prototype.connect = function (...args: unknown[]) {
    return refuse(`socket connect ${JSON.stringify(args[0])}`);
  } as typeof net.Socket.prototype.connect;
  (dns as { lookup: unknown }).lookup = (host: string) => refuse(`dns lookup ${host}`);
  (dns.promises as { lookup: unknown }).lookup = (host: string) => refuse(`dns lookup ${host}`);
  (http as { request: unknown }).request = () => refuse('http request');
  (https as { request: unknown }).request = () => refuse('https request');
  globalThis.fetch = ((input: unknown) => refuse(`fetch ${String(input)}`)) as typeof fetch;
  return {
    attempts,
    restore: () => {
      net.Socket.prototype.connect = saved.connect;
      (dns as { lookup: unknown }).lookup = saved.lookup;
      (dns.promises as { lookup: unknown }).lookup = saved.promisesLookup;
      (http as { request: unknown }).request = saved.httpRequest;
      (https as { request: unknown }).request = saved.httpsRequest;
      globalThis.fetch = saved.fetch;
    },
  };
}
