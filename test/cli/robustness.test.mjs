// Bad files, broken configuration and untrusted workspaces, through the built CLI (dist/cli.cjs).
// Every run here preloads test/support/no-network.mjs, so any socket, DNS lookup or HTTP request
// fails the run and is logged: the CLI must not need the network for anything.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.cjs');
const noNetwork = join(root, 'test', 'support', 'no-network.mjs');

const CLEAN = 'A short note about the weather.\n';
const CURE = 'Our ketamine infusions cure depression.\n';

function tempDir(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'overclaim-robust-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Runs the CLI with networking blocked; fails the test if anything tried to connect. */
function run(args, { cwd = root, input } = {}) {
  const log = join(mkdtempSync(join(tmpdir(), 'overclaim-net-')), 'attempts.log');
  const r = spawnSync(process.execPath, ['--import', noNetwork, cli, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', OVERCLAIM_NETWORK_LOG: log },
    timeout: 120_000,
  });
  const attempts = existsSync(log) ? readFileSync(log, 'utf8') : '';
  assert.equal(attempts, '', `the CLI tried to use the network:\n${attempts}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (r) => JSON.parse(r.stdout);
const skipped = (out) => Object.fromEntries(out.files.map((f) => [f.path, f.skipped ?? null]));

describe('bad files are reported by path and do not stop the run', () => {
  it('binary, invalid UTF-8, BOM, empty and oversized files', () => {
    const dir = tempDir({
      'good.md': CLEAN,
      'binary.md': Buffer.from([0x4b, 0x65, 0x00, 0x01, 0x02, 0xff]),
      'latin1.md': Buffer.from('Caf\xe9 ketamine', 'latin1'),
      'truncated.md': Buffer.from([0x4b, 0xe2, 0x82]),
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CURE)]),
      'empty.md': '',
      'big.md': `${CLEAN}${'x'.repeat(3000)}\n`,
      '.overclaimrc.json': JSON.stringify({ maxFileSize: 2000 }),
    });
    const r = run(['--format', 'json', '.'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr); // the BOM file's cure claim, not a crash
    const out = json(r);
    const why = skipped(out);
    assert.match(why['binary.md'], /binary/);
    assert.match(why['latin1.md'], /not valid UTF-8.*offset 3/);
    assert.match(why['truncated.md'], /not valid UTF-8/);
    assert.match(why['big.md'], /3\d{3} bytes is over the 2000-byte limit \(maxFileSize\)/);
    assert.equal(why['empty.md'], null);
    assert.equal(why['good.md'], null);
    // A BOM is dropped and offsets count from the text after it.
    const bom = out.files.find((f) => f.path === 'bom.md');
    const cure = bom.findings.find((f) => f.ruleId === 'cure-claim');
    assert.equal(cure.range.start.offset, CURE.indexOf('cure'));
    assert.equal(cure.range.start.column, CURE.indexOf('cure') + 1);
  });

  it('stylish output names each skipped file, and the exit code only reflects findings', () => {
    const dir = tempDir({ 'a.md': CLEAN, 'b.md': Buffer.from([0, 1, 2]) });
    const r = run(['.'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /b\.md\n\s+skipped.*binary/);
  });

  it('an unreadable file is reported, unless the tests run as root (root reads anything)', (t) => {
    const dir = tempDir({ 'a.md': CLEAN, 'secret.md': CURE });
    chmodSync(join(dir, 'secret.md'), 0o000);
    let readable = true;
    try {
      readFileSync(join(dir, 'secret.md'));
    } catch {
      readable = false;
    }
    if (readable) {
      t.skip('running as root: chmod 000 does not stop this process from reading the file');
      return;
    }
    const r = run(['--format', 'json', '.'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(skipped(json(r))['secret.md'], /cannot be read \(EACCES\)/);
  });

  it('a directory that loops through symlinks is walked once', () => {
    const dir = tempDir({ 'docs/a.md': CLEAN, 'docs/sub/b.md': CLEAN });
    symlinkSync('..', join(dir, 'docs', 'sub', 'up'));
    symlinkSync(join(dir, 'docs'), join(dir, 'docs', 'sub', 'again'));
    const r = run(['--format', 'json', 'docs'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      json(r)
        .files.map((f) => f.path)
        .sort(),
      ['docs/a.md', 'docs/sub/b.md'],
    );
  });

  it('a missing path is a usage problem: exit 2, message on stderr, nothing on stdout', () => {
    const r = run(['no-such-dir'], { cwd: tempDir() });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no-such-dir: no such file or directory/);
  });

  it('a 10,000-file tree is linted completely', { timeout: 180_000 }, () => {
    const dir = tempDir();
    for (let d = 0; d < 100; d++) {
      mkdirSync(join(dir, `d${d}`));
      for (let f = 0; f < 100; f++) writeFileSync(join(dir, `d${d}`, `n${f}.md`), CLEAN);
    }
    writeFileSync(join(dir, 'd42', 'n7.md'), CURE);
    const r = run(['--format', 'json', '.'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const out = json(r);
    assert.equal(out.files.length, 10_000);
    assert.equal(out.summary.errors, 1);
    assert.ok(out.files.find((f) => f.path === 'd42/n7.md').findings.length > 0);
  });
});

describe('broken configuration: exit 2 naming file, line and field', () => {
  const cases = [
    [
      'invalid JSON',
      '.overclaimrc.json',
      '{\n  "profile": "blog",\n  "rules": {\n',
      /\.overclaimrc\.json:\d+: invalid JSON/,
    ],
    [
      'invalid YAML',
      '.overclaimrc.yaml',
      'profile: blog\nrules: [a\n',
      /\.overclaimrc\.yaml:3: invalid YAML/,
    ],
    [
      'an unknown key',
      '.overclaimrc.json',
      '{\n  "profile": "blog",\n  "colour": true\n}\n',
      /\.overclaimrc\.json:3: colour: Unrecognized key/,
    ],
    [
      'a wrong type',
      '.overclaimrc.yaml',
      'profile: blog\nmaxFileSize: big\n',
      /\.overclaimrc\.yaml:2: maxFileSize: .*expected number/,
    ],
    [
      'an unknown rule id',
      '.overclaimrc.yaml',
      'rules:\n  cure-claims: error\n',
      /\.overclaimrc\.yaml:2: rules\.cure-claims: Unrecognized key/,
    ],
    [
      'an unknown severity',
      '.overclaimrc.yaml',
      'rules:\n  cure-claim: loud\n',
      /\.overclaimrc\.yaml:2: rules\.cure-claim: Invalid option/,
    ],
  ];
  for (const [name, file, text, expected] of cases)
    it(name, () => {
      const dir = tempDir({ 'a.md': CLEAN, [file]: text });
      const r = run(['a.md'], { cwd: dir });
      assert.equal(r.code, 2, r.stdout);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, expected);
    });

  const claim = (id, sources) =>
    `  - id: ${id}\n    topic: efficacy\n    statement: Our clinic's protocol is described in our own leaflet.\n    evidence: emerging\n    verified: true\n    sources: [${sources}]\n`;

  it('a claim-base extension with a missing source or a duplicate id', () => {
    const dir = tempDir({
      'a.md': CLEAN,
      '.overclaimrc.yaml': 'claimBases: [clinic.yaml]\n',
      'clinic.yaml': `sources: []\nclaims:\n${claim('our-protocol', 'no-such-source')}${claim('our-protocol', 'no-such-source')}`,
    });
    const r = run(['a.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /clinic\.yaml, entry "our-protocol": duplicate claim id in this file \(line 9\)/,
    );
    assert.match(
      r.stderr,
      /clinic\.yaml, entry "our-protocol", field "sources": refers to missing source "no-such-source" \(line 8\)/,
    );
  });

  it('a claim-base file that is not valid YAML', () => {
    const dir = tempDir({
      'a.md': CLEAN,
      '.overclaimrc.yaml': 'claimBases: [clinic.yaml]\n',
      'clinic.yaml': 'claims: [\n',
    });
    const r = run(['a.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /clinic\.yaml: not valid YAML: .* \(line 2\)/);
  });
});

describe('nothing from the workspace runs', () => {
  it('a JavaScript config is named and refused, never executed', () => {
    const dir = tempDir({ 'a.md': CLEAN });
    const marker = join(dir, 'config-was-executed');
    writeFileSync(
      join(dir, '.overclaimrc.js'),
      `require('fs').writeFileSync(${JSON.stringify(marker)}, 'yes'); module.exports = {};\n`,
    );
    const r = run(['a.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.overclaimrc\.js: not loaded: overclaim never executes configuration/);
    assert.ok(!existsSync(marker), 'the JS config ran');
  });

  it('a JSON config next to a JS one is used, and the JS one is left alone', () => {
    const dir = tempDir({
      'a.md': CURE,
      '.overclaimrc.json': JSON.stringify({ rules: { 'cure-claim': 'off' } }),
    });
    const marker = join(dir, 'config-was-executed');
    writeFileSync(
      join(dir, '.overclaimrc.js'),
      `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x');\n`,
    );
    const r = run(['--format', 'json', 'a.md'], { cwd: dir });
    assert.ok(!json(r).files[0].findings.some((f) => f.ruleId === 'cure-claim'));
    assert.ok(!existsSync(marker));
  });

  it('--changed-since runs no program named in the repository’s .git/config', (t) => {
    if (spawnSync('git', ['--version']).status !== 0) {
      t.skip('git is not installed');
      return;
    }
    const dir = tempDir({ 'a.md': CLEAN });
    const git = (...args) => {
      const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    };
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', 'a.md');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
    writeFileSync(join(dir, 'a.md'), `${CLEAN}${CURE}`);
    const marker = join(dir, 'git-ran-a-program');
    const script = join(dir, 'evil.sh');
    writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\ncat\n`);
    chmodSync(script, 0o755);
    writeFileSync(join(dir, '.gitattributes'), '*.md diff=evil\n');
    git('config', 'core.fsmonitor', script);
    git('config', 'diff.evil.textconv', script);
    git('config', 'diff.external', script);
    const r = run(['--format', 'json', '--changed-since', 'HEAD', 'a.md'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!existsSync(marker), 'git ran a program from .git/config');

    // A clean filter defined by the repository would run on `git diff`: refused, named, exit 2.
    writeFileSync(join(dir, '.gitattributes'), '*.md filter=evil\n');
    git('config', 'filter.evil.clean', script);
    const refused = run(['--changed-since', 'HEAD', 'a.md'], { cwd: dir });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /defines git filters \(filter\.evil\.clean\)/);
    assert.equal(refused.stdout, '');
    assert.ok(!existsSync(marker), 'git ran the clean filter');
  });

  it('every output format works with the network blocked', () => {
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'html']) {
      const r = run(['--format', format, 'examples']);
      assert.equal(r.code, 1, `${format}: ${r.stderr}`);
      assert.ok(r.stdout.length > 0, format);
    }
  });

  it('reading standard input works with the network blocked', () => {
    const r = run(['--stdin', '--stdin-filename', 'draft.md', '--format', 'json'], { input: CURE });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(json(r).files[0].path, 'draft.md');
  });
});

describe('the language server with the network blocked', () => {
  it('lints a document and a workspace config, and shuts down, without a socket', async () => {
    const { TestClient } = await import('../support/lsp-client.mjs');
    const { pathToFileURL } = await import('node:url');
    const dir = tempDir({ '.overclaimrc.yaml': 'profile: clinic-marketing\n' });
    const log = join(dir, 'network-attempts.log');
    // The client spawns dist/server.js with this environment: the preload blocks the network.
    const saved = { ...process.env };
    process.env.NODE_OPTIONS = `--import ${pathToFileURL(noNetwork).href}`;
    process.env.OVERCLAIM_NETWORK_LOG = log;
    let client;
    try {
      client = new TestClient({ cwd: dir });
    } finally {
      process.env.NODE_OPTIONS = saved.NODE_OPTIONS ?? '';
      if (saved.NODE_OPTIONS === undefined) delete process.env.NODE_OPTIONS;
      delete process.env.OVERCLAIM_NETWORK_LOG;
    }
    await client.initialize(pathToFileURL(dir).href);
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, CURE);
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.ok(published.diagnostics.some((d) => d.code === 'cure-claim'));
    assert.equal(await client.shutdown(), 0);
    const attempts = existsSync(log) ? readFileSync(log, 'utf8') : '';
    assert.equal(attempts, '', `the server tried to use the network:\n${attempts}`);
  });
});
