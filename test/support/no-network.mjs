// Preloaded with `node --import` by test/cli/robustness.test.mjs: any attempt to open a socket,
// resolve a name or make an HTTP request throws, and is written to the file named by
// OVERCLAIM_NETWORK_LOG so the test can fail on it even if the CLI swallowed the error.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const log = process.env.OVERCLAIM_NETWORK_LOG;

function refuse(what) {
  return function blocked() {
    if (log) appendFileSync(log, `${what}\n`);
    throw new Error(`network access blocked in this test: ${what}`);
  };
}

net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
tls.connect = refuse('tls.connect');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
dns.promises.lookup = refuse('dns.promises.lookup');
http.request = http.get = refuse('http.request');
https.request = https.get = refuse('https.request');
globalThis.fetch = refuse('fetch');
