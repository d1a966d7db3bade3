/**
 * Node built-ins that only some runs need, loaded on first use. Loading node:crypto brings ~15
 * internal modules with it and node:child_process ~10 (net, dgram, streams), all compiled at
 * start-up, while a plain lint never writes a file (--fix), hashes a SARIF fingerprint or asks
 * git (--changed-since).
 */
import type * as Crypto from 'node:crypto';
import type * as ChildProcess from 'node:child_process';
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export const nodeCrypto = () => load('node:crypto') as typeof Crypto;
export const nodeChildProcess = () => load('node:child_process') as typeof ChildProcess;
