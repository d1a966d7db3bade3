// A real third-party LSP client: Debian's Neovim, headless, attaches the bundled server to a
// draft. Checks the diagnostics Neovim shows (byte columns, converted from the server's
// UTF-16 positions), that they follow an edit, and that hover and quick fixes work there too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SERVER } from '../support/lsp-client.mjs';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const missing = nvim.status !== 0 && 'nvim is not installed (scripts/setup-system.sh installs it)';

// A curly apostrophe before the flagged word: one UTF-16 unit, three UTF-8 bytes.
const DRAFT = '# Notes\n\nThe clinic’s ketamine cures depression.\n';

describe('Neovim as an LSP client', { skip: process.env.CI ? false : missing }, () => {
  it('shows the diagnostics, follows an edit, hovers and applies a quick fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'overclaim-nvim-'));
    const draft = join(dir, 'draft.md');
    const out = join(dir, 'report.json');
    writeFileSync(draft, DRAFT);
    const r = spawnSync(
      'nvim',
      ['--headless', '-n', '-i', 'NONE', '-u', join(import.meta.dirname, 'neovim', 'init.lua')],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 90_000,
        env: {
          ...process.env,
          OVERCLAIM_OUT: out,
          OVERCLAIM_SERVER: SERVER,
          OVERCLAIM_DRAFT: draft,
          XDG_CONFIG_HOME: join(dir, 'config'),
          XDG_DATA_HOME: join(dir, 'data'),
          XDG_STATE_HOME: join(dir, 'state'),
        },
      },
    );
    assert.equal(r.status, 0, `nvim failed: ${r.stderr}`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(report.error, undefined);

    const line = 'The clinic’s ketamine cures depression.';
    const byteCol = Buffer.byteLength(line.slice(0, line.indexOf('cures')));
    const cure = report.opened.find((d) => d.code === 'cure-claim');
    assert.deepEqual(cure && { ...cure, message: undefined }, {
      lnum: 2,
      col: byteCol,
      end_lnum: 2,
      end_col: byteCol + 'cures'.length,
      severity: 1,
      source: 'overclaim',
      message: undefined,
      code: 'cure-claim',
    });
    assert.match(cure.message, /cure/);
    assert.deepEqual(
      report.opened.map((d) => d.code),
      ['fair-balance', 'missing-disclaimer', 'cure-claim'],
    );

    // Two lines inserted above: every diagnostic moves down two lines, nothing else changes.
    assert.deepEqual(
      report.edited,
      report.opened.map((d) => ({ ...d, lnum: d.lnum + 2, end_lnum: d.end_lnum + 2 })),
    );
    assert.ok(report.events.at(-1).version > report.events[0].version, 'versions advance');

    assert.match(report.hover, /What the evidence supports/);
    assert.ok(
      report.actions.some((t) => t.startsWith('Replace “cures”')),
      report.actions.join('\n'),
    );
    assert.equal(report.applied, 'Replace “cures” with “can ease symptoms of”');
    assert.match(report.fixed_text, /The clinic’s ketamine can ease symptoms of depression\./);
    assert.ok(!report.fixed.some((d) => d.code === 'cure-claim'));
  });
});
