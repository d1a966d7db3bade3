// Quick fixes are looked up in the server's last lint: a diagnostic's `data` is only a reference
// ({ version, index, claimId }), sent back by the client and so untrusted. A stale, tampered or
// malformed reference gets no quick fix and no error; the current diagnostics get their fixes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { killAll, TestClient } from '../support/lsp-client.mjs';
import { cliFindings, expectedQuickFixes } from './expected.mjs';

after(killAll);

// Two findings of the same rule and message, so a swapped index is caught by its range.
const DRAFT = '# Notes\n\nKetamine cures depression.\n\nEsketamine cures depression.\n';
const uri = 'file:///tmp/overclaim-code-actions/post.md';

describe('quick fixes from diagnostic references', () => {
  let client;
  let published;

  const quickFixes = (diagnostics) =>
    client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, only: ['quickfix'] },
    });
  const cures = () => published.diagnostics.filter((d) => d.code === 'cure-claim');

  before(async () => {
    client = new TestClient();
    await client.initialize(null);
    await client.open(uri, DRAFT);
    published = await client.diagnostics(uri, (p) => p.version === 1);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.stderr, '', 'nothing on stderr');
  });

  it('publishes references, not suggestions', () => {
    assert.ok(published.diagnostics.length > 2);
    for (const [index, d] of published.diagnostics.entries()) {
      assert.deepEqual(
        Object.keys(d.data).sort(),
        d.data.claimId ? ['claimId', 'index', 'version'] : ['index', 'version'],
      );
      assert.equal(d.data.version, 1);
      assert.equal(d.data.index, index);
    }
    const [first, second] = cures();
    assert.equal(first.message, second.message, 'the two cure claims read alike');
  });

  it('offers the fixes of the current diagnostics', async () => {
    const findings = cliFindings(DRAFT);
    for (const d of cures()) {
      const expected = expectedQuickFixes(DRAFT, uri, 1, findings[d.data.index], d);
      assert.ok(expected.length > 0);
      assert.deepEqual(await quickFixes([d]), expected);
    }
  });

  it('offers nothing, and does not fail, for a tampered or malformed reference', async () => {
    const [cure, other] = cures();
    const n = published.diagnostics.length;
    const withData = (data) => ({ ...cure, data });
    const tampered = {
      'an older version': withData({ ...cure.data, version: 0 }),
      'a newer version': withData({ ...cure.data, version: 2 }),
      'a version as a string': withData({ ...cure.data, version: '1' }),
      'the index just past the end': withData({ ...cure.data, index: n }),
      'a huge index': withData({ ...cure.data, index: 2 ** 53 }),
      'a negative index': withData({ ...cure.data, index: -1 }),
      'a fractional index': withData({ ...cure.data, index: cure.data.index + 0.5 }),
      'an index as a string': withData({ ...cure.data, index: String(cure.data.index) }),
      'an index that names a property': withData({ ...cure.data, index: 'length' }),
      'no index': withData({ version: 1, claimId: cure.data.claimId }),
      'the index of another finding': withData({ ...cure.data, index: other.data.index }),
      'the index of a finding of another rule': withData({
        ...cure.data,
        index: published.diagnostics.findIndex((d) => d.code !== 'cure-claim'),
      }),
      'another claim id': withData({ ...cure.data, claimId: 'fda-approval' }),
      'a claim id that is not a string': withData({ ...cure.data, claimId: 7 }),
      'the old suggestions in data': withData({ version: 1, suggestions: [] }),
      'null data': withData(null),
      'string data': withData('1:0'),
      'numeric data': withData(1),
      'array data': withData([1, cure.data.index]),
      'no data': withData(undefined),
      'another range': { ...cure, range: other.range },
      'a range without positions': { ...cure, range: {} },
      'a range that is a string': { ...cure, range: 'x' },
      'another message': { ...cure, message: 'Ketamine is fine.' },
      'another code': { ...cure, code: 'universal-claim' },
      'another source': { ...cure, source: 'cspell' },
    };
    for (const [what, diagnostic] of Object.entries(tampered))
      assert.deepEqual(await quickFixes([diagnostic]), [], what);
    // Bad references next to a good one do not spoil it.
    const good = await quickFixes([cure]);
    assert.deepEqual(await quickFixes([...Object.values(tampered), cure]), good);
  });

  it('after an edit, offers nothing for the old diagnostics and the fixes for the new ones', async () => {
    const old = published.diagnostics;
    // An edit at the end: the old ranges still fit the text, only the version is stale.
    await client.change(uri, 2, [
      {
        range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
        text: 'More.\n',
      },
    ]);
    const fresh = await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(await quickFixes(old), []);
    const text = `${DRAFT}More.\n`;
    const findings = cliFindings(text);
    const cure = fresh.diagnostics.find((d) => d.code === 'cure-claim');
    assert.deepEqual(
      await quickFixes([cure]),
      expectedQuickFixes(text, uri, 2, findings[cure.data.index], cure),
    );
    // Old diagnostics with the new version forged in are refused once the text moved them.
    await client.change(uri, 3, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: 'Intro.\n\n',
      },
    ]);
    const moved = await client.diagnostics(uri, (p) => p.version === 3);
    const forged = fresh.diagnostics.map((d) => ({ ...d, data: { ...d.data, version: 3 } }));
    assert.deepEqual(await quickFixes(forged), []);
    assert.ok((await quickFixes(moved.diagnostics)).length > 0);
  });

  it('offers nothing for a reference into an older lint of the same version', async () => {
    const before = await client.diagnostics(uri, (p) => p.version === 3);
    const [first] = before.diagnostics.filter((d) => d.code === 'cure-claim');
    // Turning a rule off re-lints the same version: the findings after it move up one place,
    // so the old reference now names the other cure claim, whose range differs.
    client.settings = { rules: { 'fair-balance': 'off' } };
    const next = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const relinted = await next;
    assert.equal(relinted.version, 3);
    assert.ok(!relinted.diagnostics.some((d) => d.code === 'fair-balance'));
    assert.deepEqual(await quickFixes([first]), []);
    const [now] = relinted.diagnostics.filter((d) => d.code === 'cure-claim');
    assert.deepEqual(now.range, first.range);
    assert.equal(now.data.index, first.data.index - 1);
    assert.ok((await quickFixes([now])).length > 0);
    client.settings = {};
  });
});
