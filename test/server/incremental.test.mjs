// Incremental equals full, through the protocol: random edit sequences sent to the bundled
// server as incremental didChange notifications; after each edit the published diagnostics
// equal the CLI's full lint of the resulting text, converted to diagnostics by hand. Edits are
// sent one at a time (each version answered) and in bursts (only the newest version answered).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { parse } from 'yaml';
import { killAll, TestClient } from '../support/lsp-client.mjs';
import { findingsToDiagnostics as diagnostics } from './expected.mjs';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.cjs');
const SEED = Number(process.env.OVERCLAIM_SEED ?? 20261121);

after(killAll);

const fragments = parse(readFileSync(join(root, 'test', 'corpus', 'sentences.yaml'), 'utf8'))
  .map((c) => c.text)
  .filter((t) => !/[\r\uD800-\uDFFF]/.test(t));
const fragment = fc.constantFrom(...fragments);
const block = fc.oneof(
  { weight: 5, arbitrary: fragment },
  fragment.map((f) => `## ${f}`),
  fragment.map((f) => `- ${f}\n- ${f}`),
  fragment.map((f) => `> ${f}`),
  fragment.map((f) => `${f} [^1]`),
  fragment.map((f) => `${f} [study][ref]`),
  fragment.map((f) => `\`\`\`\n${f}\n\n${f}\n\`\`\``),
  fragment.map((f) => `<!--\n${f}\n\n-->`),
  fc.constant('<!-- overclaim-disable-next-line cure-claim -- quoting an ad -->'),
  fc.constant('[^1]: Smith et al., 2023.'),
  fc.constant('[ref]: https://pubmed.ncbi.nlm.nih.gov/1'),
);
const document = fc
  .tuple(
    fc.constantFrom('', '---\ntitle: Ketamine\n---\n\n'),
    fc.array(block, { minLength: 3, maxLength: 10 }),
  )
  .map(([fm, blocks]) => fm + blocks.join('\n\n') + '\n');
const typed = fc.oneof(
  fc.constantFrom(
    'x',
    ' ',
    '\n',
    '\n\n',
    '```\n',
    '<!--',
    '-->',
    '[^1]',
    '\n[^1]: A source.\n',
    '\n[ref]: https://doi.org/10.1/x\n',
    '- ',
    '> ',
    '# ',
    'Ketamine cures depression. ',
    'It works for everyone. ',
  ),
  fragment,
);
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
  text: fc.oneof(fc.constant(''), typed),
});
const sequences = fc.sample(fc.tuple(document, fc.array(edit, { minLength: 3, maxLength: 8 })), {
  seed: SEED,
  numRuns: 24,
});

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The edit as an LSP change against `text`, and the text after it. */
function change(text, e) {
  const start = Math.floor(e.at * text.length);
  const end = Math.min(text.length, start + e.remove);
  const range = { start: positionAt(text, start), end: positionAt(text, end) };
  return { change: { range, text: e.text }, next: text.slice(0, start) + e.text + text.slice(end) };
}

/** What a full lint of each text says, from one CLI run over all of them. */
function fullLint(dir, texts) {
  const files = texts.map((t, i) => {
    const file = join(dir, `expected-${i}.md`);
    writeFileSync(file, t);
    return file;
  });
  const r = spawnSync(process.execPath, [cli, '--format', 'json', '--jobs', '1', ...files], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status === 2) throw new Error(r.stderr);
  const byPath = new Map(JSON.parse(r.stdout).files.map((f) => [f.path, f.findings]));
  for (const file of files) rmSync(file);
  return files.map((file) => {
    const found = byPath.get(file) ?? [...byPath].find(([p]) => file.endsWith(p))?.[1];
    assert.ok(found, `the CLI reported on ${file}`);
    return found;
  });
}

describe('incremental re-lint in the server equals a full lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'overclaim-incremental-'));
  let client;

  before(async () => {
    client = new TestClient({ cwd: dir });
    await client.initialize(pathToFileURL(dir).href);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.stderr, '', 'nothing on stderr');
    rmSync(dir, { recursive: true, force: true });
  });

  it(`after each edit of ${sequences.length} random sequences (seed ${SEED})`, async () => {
    let checked = 0;
    for (const [n, [start, edits]] of sequences.entries()) {
      const uri = pathToFileURL(join(dir, `step-${n}.md`)).href;
      const texts = [start];
      const changes = [];
      for (const e of edits) {
        const c = change(texts[texts.length - 1], e);
        changes.push(c.change);
        texts.push(c.next);
      }
      const expected = fullLint(dir, texts);
      await client.open(uri, start, 'markdown', 1);
      let published = await client.diagnostics(uri, (p) => p.version === 1);
      assert.deepEqual(published.diagnostics, diagnostics(expected[0], 1));
      for (const [i, c] of changes.entries()) {
        const version = i + 2;
        await client.change(uri, version, [c]);
        published = await client.diagnostics(uri, (p) => p.version === version);
        assert.deepEqual(
          published.diagnostics,
          diagnostics(expected[i + 1], version),
          `after edit ${i + 1} of sequence ${n}: ${JSON.stringify(texts[i + 1])}`,
        );
        checked++;
      }
      await client.close(uri);
    }
    assert.ok(checked >= 72, `${checked} edits checked`);
  });

  it('after bursts of edits that the server coalesces', async () => {
    for (const [n, [start, edits]] of sequences.slice(0, 12).entries()) {
      const uri = pathToFileURL(join(dir, `burst-${n}.md`)).href;
      await client.open(uri, start, 'markdown', 1);
      await client.diagnostics(uri, (p) => p.version === 1);
      // The same edits twice over: the server's cache sees texts it has and has not linted.
      let text = start;
      let version = 1;
      for (const e of [...edits, ...edits]) {
        const c = change(text, e);
        text = c.next;
        await client.change(uri, ++version, [c.change]);
      }
      const last = version;
      const published = await client.diagnostics(uri, (p) => p.version === last);
      assert.deepEqual(published.diagnostics, diagnostics(fullLint(dir, [text])[0], last));
      await client.close(uri);
    }
  });
});
