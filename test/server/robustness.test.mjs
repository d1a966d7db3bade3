// The server survives its clients: requests for documents it does not have, changes before
// opens, versions out of order, cancellation, a thousand rapid edits, many documents opened and
// closed, and the shutdown/exit handshake. Nothing crashes, nothing leaks, stderr stays empty.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { killAll, TestClient } from '../support/lsp-client.mjs';
import { expectedDiagnostics } from './expected.mjs';

after(killAll);

const DRAFT = '# Notes\n\nKetamine cures depression for everyone.\n';
const codes = (p) => p.diagnostics.map((d) => d.code);

function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

describe('language server robustness', () => {
  it('answers requests about unknown or closed documents with nothing', async () => {
    const client = new TestClient();
    await client.initialize(null);
    const uri = 'file:///nowhere/never-opened.md';
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.equal(
      await client.request('textDocument/hover', {
        textDocument: { uri },
        position: range.start,
      }),
      null,
    );
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
    assert.deepEqual(
      await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics: [] },
      }),
      [],
    );
    await client.open('file:///tmp/closed.md', DRAFT);
    await client.diagnostics('file:///tmp/closed.md', (p) => p.diagnostics.length > 0);
    await client.close('file:///tmp/closed.md');
    assert.equal(
      await client.request('textDocument/hover', {
        textDocument: { uri: 'file:///tmp/closed.md' },
        position: { line: 2, character: 10 },
      }),
      null,
    );
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.stderr, '');
  });

  it('ignores a change before the open, survives versions out of order and cancellation', async () => {
    const client = new TestClient();
    await client.initialize(null);
    const uri = 'file:///tmp/order.md';
    await client.change(uri, 5, [{ text: 'Ketamine cures depression.\n' }]);
    await client.open(uri, DRAFT, 'markdown', 10);
    const first = await client.diagnostics(uri, (p) => p.version === 10);
    assert.deepEqual(first.diagnostics, expectedDiagnostics(DRAFT, 10));
    // A stale version arrives late: the text still changes as the client says, and the
    // published diagnostics describe that text and carry the version they belong to.
    const stale = 'Ketamine is one option among several.\n';
    await client.change(uri, 3, [{ text: stale }]);
    const after = await client.nextDiagnostics(uri);
    assert.equal(after.version, 3);
    assert.ok(!codes(after).includes('cure-claim'));
    // Cancel a request the server may already have answered: either way, no crash.
    const pending = client.connection.sendRequest('textDocument/codeLens', {
      textDocument: { uri },
    });
    await client.notify('$/cancelRequest', { id: 999_999 });
    await pending.catch(() => undefined);
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.stderr, '');
  });

  it('keeps up with 1,000 rapid edits and ends on the right diagnostics', async () => {
    const client = new TestClient();
    await client.initialize(null);
    const uri = 'file:///tmp/rapid.md';
    await client.open(uri, '', 'markdown', 1);
    let text = '';
    const typed = `${DRAFT}It has no side effects. `.repeat(6);
    for (let i = 0; i < 1000; i++) {
      const ch = typed[i % typed.length];
      const lines = text.split('\n');
      const position = { line: lines.length - 1, character: lines.at(-1).length };
      text += ch;
      await client.change(uri, i + 2, [{ range: { start: position, end: position }, text: ch }]);
    }
    const last = await client.diagnostics(uri, (p) => p.version === 1001, 60_000);
    assert.deepEqual(last.diagnostics, expectedDiagnostics(text, 1001));
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.stderr, '');
  });

  it('returns memory after opening and closing 100 documents, round after round', async () => {
    const client = new TestClient();
    await client.initialize(null);
    // ~100 KB each, mostly a code block so that linting is quick: a leak of the texts or
    // their results would keep ~10 MB or more per round.
    const big = `Ketamine cures depression.\n\n\`\`\`\n${'x'.repeat(100_000)}\n\`\`\`\n`;
    const round = async (r) => {
      const uris = Array.from({ length: 100 }, (_, i) => `file:///tmp/leak-${r}-${i}.md`);
      for (const uri of uris) await client.open(uri, big);
      await Promise.all(uris.map((uri) => client.diagnostics(uri, () => true, 120_000)));
      for (const uri of uris) await client.close(uri);
      await Promise.all(
        uris.map((uri) =>
          client.diagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined),
        ),
      );
      client.published.length = 0;
    };
    await round(0);
    await round(1);
    const baseline = rssKb(client.process.pid);
    for (let r = 2; r < 6; r++) await round(r);
    const grown = rssKb(client.process.pid) - baseline;
    assert.ok(grown < 30_000, `resident memory grew by ${grown} kB over four rounds`);
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.stderr, '');
  });

  it('collects garbage once the writer pauses, when started as the VS Code extension starts it', async () => {
    // The extension passes --expose-gc (node-flags.ts); --trace-gc shows each collection on
    // stdout, free with node IPC. A collection asked for with gc() is traced as "testing".
    const client = new TestClient({
      transport: 'ipc',
      nodeFlags: ['--expose-gc', '--trace-gc'],
    });
    let trace = '';
    client.process.stdout.on('data', (d) => (trace += d));
    const asked = () => trace.split('\n').filter((l) => /Mark-Compact.*testing/.test(l)).length;
    await client.initialize(null);
    const uri = 'file:///tmp/idle.md';
    await client.open(uri, DRAFT);
    let text = DRAFT;
    for (let v = 2; v <= 20; v++) {
      text += `More words ${v}.\n`;
      await client.change(uri, v, [{ text }]);
    }
    await client.diagnostics(uri, (p) => p.version === 20);
    assert.equal(asked(), 0, 'no collection while the writer is typing');
    // One collection 2 s after the last lint, one more 6 s later (see idle-collection.ts).
    await new Promise((r) => setTimeout(r, 4000));
    assert.equal(asked(), 1, trace);
    await new Promise((r) => setTimeout(r, 5500));
    assert.equal(asked(), 2, trace);
    await client.change(uri, 21, [{ text: `${text}Ketamine has no side effects.\n` }]);
    const after = await client.diagnostics(uri, (p) => p.version === 21);
    assert.ok(codes(after).includes('cure-claim'));
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.stderr, '');
  });

  it('exits with code 1 when told to exit without a shutdown first', async () => {
    const client = new TestClient();
    await client.initialize(null);
    await client.notify('exit');
    assert.equal(await client.exited, 1);
  });
});
