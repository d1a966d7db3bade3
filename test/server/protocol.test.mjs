// Drives the bundled language server (dist/server.js) over stdio as an editor would and checks
// the complete payloads it sends back.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { applyTextEdits, killAll, TestClient } from '../support/lsp-client.mjs';
import { cliFindings, expectedDiagnostics, expectedQuickFixes } from './expected.mjs';

after(killAll);

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
const DRAFT = '# Dosing\n\nKetamine cures depression.\n';
const byCode = (publication, code) => publication.diagnostics.find((d) => d.code === code);
const codes = (publication) => publication.diagnostics.map((d) => d.code);

describe('language server over stdio', () => {
  const dir = mkdtempSync(join(tmpdir(), 'overclaim-lsp-'));
  const uri = pathToFileURL(join(dir, 'post.md')).href;
  let client;
  let init;

  before(async () => {
    client = new TestClient({ cwd: dir });
    init = await client.initialize(pathToFileURL(dir).href);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.stderr, '', 'nothing on stderr');
  });

  it('answers initialize with its capabilities and name', () => {
    assert.deepEqual(init, {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2, save: false },
        hoverProvider: true,
        codeActionProvider: {
          codeActionKinds: ['quickfix', 'source.fixAll.overclaim'],
          resolveProvider: false,
        },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: false } },
      },
      serverInfo: { name: 'overclaim-language-server', version: pkg.version },
    });
  });

  it('registers file watchers for config and claim-base files', async () => {
    await client.diagnostics('never', () => false, 50).catch(() => undefined);
    const watch = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watch, 'a didChangeWatchedFiles registration');
    assert.deepEqual(
      watch.registerOptions.watchers.map((w) => w.globPattern),
      ['**/{.overclaimrc.json,.overclaimrc.yaml,.overclaimrc.yml}', '**/*.{yaml,yml,json}'],
    );
  });

  it('publishes the complete diagnostics for an opened draft, with its version', async () => {
    await client.open(uri, DRAFT, 'markdown', 1);
    const published = await client.diagnostics(uri);
    assert.deepEqual(published, {
      uri,
      version: 1,
      diagnostics: expectedDiagnostics(DRAFT, 1),
    });
    const cure = byCode(published, 'cure-claim');
    assert.deepEqual(cure.range, {
      start: { line: 2, character: 9 },
      end: { line: 2, character: 14 },
    });
    assert.equal(cure.severity, 1);
    assert.equal(
      cure.codeDescription.href,
      'https://github.com/overclaim/overclaim/blob/main/docs/rules/cure-claim.md',
    );
  });

  it('follows an incremental edit: new version, moved ranges', async () => {
    const inserted = 'Intro line.\n';
    await client.change(uri, 2, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: inserted,
      },
    ]);
    const published = await client.diagnostics(uri, (p) => p.version === 2);
    const text = inserted + DRAFT;
    assert.deepEqual(published.diagnostics, expectedDiagnostics(text, 2));
    assert.equal(byCode(published, 'cure-claim').range.start.line, 3);
  });

  const quickFixes = (diagnostics) =>
    client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? {
        start: { line: 0, character: 0 },
        end: { line: 0, character: 0 },
      },
      context: { diagnostics, only: ['quickfix'] },
    });

  it('offers the CLI’s suggestions as quick fixes for each diagnostic, and they fix the text', async () => {
    const published = await client.diagnostics(uri, (p) => p.version === 2);
    const text = 'Intro line.\n' + DRAFT;
    const findings = cliFindings(text);
    assert.equal(published.diagnostics.length, findings.length);
    for (const [i, diagnostic] of published.diagnostics.entries()) {
      assert.deepEqual(
        await quickFixes([diagnostic]),
        expectedQuickFixes(text, uri, 2, findings[i], diagnostic),
        diagnostic.code,
      );
    }
    const cure = byCode(published, 'cure-claim');
    const actions = await quickFixes([cure]);
    assert.ok(actions.length > 1, 'several fixes for the cure claim');
    const replace = actions.find((a) => a.title.startsWith('Replace “cures”'));
    assert.ok(replace, 'a hedge replacing “cures”');
    const [change] = replace.edit.documentChanges;
    assert.deepEqual(change.textDocument, { uri, version: 2 });
    assert.deepEqual(change.edits, [
      {
        range: { start: { line: 3, character: 9 }, end: { line: 3, character: 14 } },
        newText: 'can ease symptoms of',
      },
    ]);
    const fixed = applyTextEdits('Intro line.\n' + DRAFT, change.edits);
    assert.equal(fixed, 'Intro line.\n# Dosing\n\nKetamine can ease symptoms of depression.\n');
    await client.change(uri, 3, [{ text: fixed }]);
    const after = await client.diagnostics(uri, (p) => p.version === 3);
    assert.ok(!codes(after).includes('cure-claim'), codes(after).join());
  });

  it('refuses to build fixes from diagnostics of an older version', async () => {
    const old = (await client.diagnostics(uri, (p) => p.version === 2)).diagnostics;
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: old[0].range,
      context: { diagnostics: old, only: ['quickfix'] },
    });
    assert.deepEqual(actions, []);
  });

  it('applies every safe fix in one source action', async () => {
    const text = 'Ketamine cures depression and has no side effects.\n';
    await client.change(uri, 4, [{ text }]);
    const published = await client.diagnostics(uri, (p) => p.version === 4);
    // A preferred quick fix is a safe one: there are some before, none are left after.
    const preferred = async (p) => (await quickFixes(p.diagnostics)).some((a) => a.isPreferred);
    assert.ok(await preferred(published));
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.overclaim');
    assert.match(actions[0].title, /^overclaim: apply all safe fixes \(\d+ fix(es)?\)$/);
    const fixed = applyTextEdits(text, actions[0].edit.documentChanges[0].edits);
    await client.change(uri, 5, [{ text: fixed }]);
    const after = await client.diagnostics(uri, (p) => p.version === 5);
    assert.ok((await quickFixes(after.diagnostics)).length > 0, 'unsafe fixes are still offered');
    assert.ok(!(await preferred(after)), fixed);
    assert.ok(fixed.startsWith('Ketamine '), 'the writer’s words stay');
  });

  it('shows the claim card on hover over a flagged span, and nothing elsewhere', async () => {
    await client.change(uri, 6, [{ text: DRAFT }]);
    const published = await client.diagnostics(uri, (p) => p.version === 6);
    const cure = byCode(published, 'cure-claim');
    const hover = await client.request('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 11 },
    });
    assert.equal(hover.contents.kind, 'markdown');
    assert.deepEqual(hover.range, cure.range);
    const card = hover.contents.value;
    assert.match(
      card,
      /\[cure-claim\]\(https:\/\/github\.com\/overclaim\/overclaim\/blob\/main\/docs\/rules\/cure-claim\.md\)/,
    );
    assert.match(card, /\*\*What the evidence supports\*\* \(claim `cure-claims`\)/);
    assert.match(card, /\*\*Evidence:\*\*/);
    assert.match(card, /\*\*Caveats:\*\*/);
    assert.match(card, /\*\*Sources:\*\*\n- \[[^\]]+\]\(https:\/\/(doi\.org|pubmed|www\.)/);
    const nothing = await client.request('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 3 },
    });
    assert.equal(nothing, null);
  });

  it('summarises the document in a code lens at the top', async () => {
    const published = await client.diagnostics(uri, (p) => p.version === 6);
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
    const n = (s) => published.diagnostics.filter((d) => d.severity === s).length;
    const plural = (k, w) => `${k} ${w}${k === 1 ? '' : 's'}`;
    assert.deepEqual(lenses, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        command: {
          title: `overclaim: 1 claim checked · ${plural(n(1), 'error')} · ${plural(n(2), 'warning')} · fair balance missing`,
          command: 'overclaim.showProblems',
        },
      },
    ]);
    assert.ok(client.lensRefreshes > 0, 'asks the client to refresh code lenses');
  });

  it('re-lints when the editor settings change', async () => {
    client.settings = { rules: { 'cure-claim': 'off' } };
    const next = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.ok(!codes(await next).includes('cure-claim'));
    client.settings = {};
    const back = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.ok(codes(await back).includes('cure-claim'));
  });

  it('skips a document over the size limit with a message', async () => {
    client.settings = { maxDocumentSize: 10 };
    const next = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const published = await next;
    assert.equal(published.diagnostics.length, 1);
    assert.match(
      published.diagnostics[0].message,
      new RegExp(
        `skipped this document: ${DRAFT.length} characters is over the limit of 10 \\(overclaim\\.maxDocumentSize\\)`,
      ),
    );
    client.settings = {};
    const back = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.ok(codes(await back).includes('cure-claim'));
  });

  it('clears diagnostics when the document closes', async () => {
    const next = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual(await next, { uri, diagnostics: [] });
  });
});

describe('language server: project configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'overclaim-lsp-config-'));
  const draft = join(dir, 'post.md');
  const uri = pathToFileURL(draft).href;
  const rc = join(dir, '.overclaimrc.json');
  const rcUri = pathToFileURL(rc).href;
  let client;

  before(async () => {
    client = new TestClient({ cwd: dir });
    await client.initialize(pathToFileURL(dir).href);
    await client.open(uri, DRAFT);
    await client.diagnostics(uri);
  });
  after(() => client.shutdown());

  const fileChanged = (path, type = 2) =>
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(path).href, type }],
    });

  it('applies a new .overclaimrc.json when it is created', async () => {
    writeFileSync(rc, JSON.stringify({ rules: { 'missing-disclaimer': 'off' } }));
    const next = client.nextDiagnostics(uri);
    await fileChanged(rc, 1);
    const published = await next;
    assert.ok(!codes(published).includes('missing-disclaimer'));
    assert.ok(codes(published).includes('cure-claim'));
  });

  it('shows a broken config file as a diagnostic on it and keeps the last good config', async () => {
    writeFileSync(rc, '{\n  "rules": {\n    "cure-claim": "loud"\n  }\n}\n');
    const onConfig = client.nextDiagnostics(rcUri);
    const onDraft = client.nextDiagnostics(uri);
    await fileChanged(rc);
    const problems = await onConfig;
    assert.equal(problems.diagnostics.length, 1);
    const [d] = problems.diagnostics;
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'overclaim');
    assert.equal(d.range.start.line, 2, 'points at the line of the bad value');
    assert.match(d.message, /rules\.cure-claim/);
    const draftNow = await onDraft;
    assert.ok(!codes(draftNow).includes('missing-disclaimer'), 'last good config still applies');
  });

  it('clears the config diagnostic once the file is fixed', async () => {
    writeFileSync(rc, JSON.stringify({ rules: {} }));
    const cleared = client.nextDiagnostics(rcUri);
    await fileChanged(rc);
    assert.deepEqual((await cleared).diagnostics, []);
    assert.ok(codes(await client.diagnostics(uri, (p) => codes(p).includes('missing-disclaimer'))));
  });

  it('reports a broken claim-base file on that file', async () => {
    const extra = join(dir, 'clinic-claims.yaml');
    writeFileSync(extra, 'claims:\n  - id: [unclosed\n');
    writeFileSync(rc, JSON.stringify({ claimBases: ['clinic-claims.yaml'] }));
    const onExtra = client.nextDiagnostics(pathToFileURL(extra).href);
    await fileChanged(rc);
    const problems = await onExtra;
    assert.equal(problems.diagnostics.length, 1);
    assert.match(problems.diagnostics[0].message, /YAML/);
  });
});

describe('language server over node IPC', () => {
  it('serves the same diagnostics', async () => {
    const client = new TestClient({ transport: 'ipc' });
    await client.initialize(null);
    const uri = 'untitled:Untitled-1';
    await client.open(uri, DRAFT);
    const published = await client.diagnostics(uri);
    assert.deepEqual(published.diagnostics, expectedDiagnostics(DRAFT, 1));
    assert.equal(await client.shutdown(), 0);
  });
});

describe('language server: a clinic’s own claim base', () => {
  it('uses the clinic’s claims in diagnostics and hovers, as the CLI does', async () => {
    const root = join(import.meta.dirname, '..', '..');
    const path = join(root, 'examples', 'clinic', 'infusions-page.md');
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8');
    const client = new TestClient({ cwd: root });
    await client.initialize(pathToFileURL(root).href);
    await client.open(uri, text);
    const published = await client.diagnostics(uri);
    assert.deepEqual(
      published.diagnostics,
      expectedDiagnostics(text, 1, { filename: 'examples/clinic/infusions-page.md' }),
    );
    const own = published.diagnostics.find(
      (d) => d.data?.claimId === 'harbourview-infusion-monitoring',
    );
    assert.ok(own, 'a finding answered by the clinic’s own claim');
    const hover = await client.request('textDocument/hover', {
      textDocument: { uri },
      position: own.range.start,
    });
    assert.match(hover.contents.value, /claim `harbourview-infusion-monitoring`/);
    const shipped = await client.request('overclaim/claimBase');
    const theirs = await client.request('overclaim/claimBase', { uri });
    assert.doesNotMatch(shipped, /harbourview-infusion-monitoring/);
    assert.match(theirs, /claim `harbourview-infusion-monitoring`/);
    assert.equal(await client.shutdown(), 0);
  });
});
