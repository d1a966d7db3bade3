// Spawns the built CLI (dist/cli.cjs) as a user would and checks output, exit codes and errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.cjs');

function run(args, { cwd = root, input } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(files) {
  const dir = mkdtempSync(join(tmpdir(), 'overclaim-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const BALANCED =
  'Ketamine may ease symptoms for some adults. Side effects include dissociation and raised blood pressure. This is not medical advice; talk to your clinician.\n';

describe('overclaim CLI', () => {
  it('lints the examples folder with the stylish format and exits 1 on errors', () => {
    const r = run(['examples']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /examples\/clinic-landing-page\.md/);
    assert.match(r.stdout, /cure-claim/);
    assert.match(r.stdout, /✖ \d+ problems/);
    assert.doesNotMatch(r.stdout, /examples\/careful-blog-post\.md\n\s+\d+:\d+\s+error/);
  });

  it('prints JSON that follows DESIGN §4, offsets included', () => {
    const r = run(['--format', 'json', 'examples/clinic-landing-page.md']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.schemaVersion, 1);
    assert.equal(out.tool.name, 'overclaim');
    assert.ok(out.claimBase.claims >= 40 && out.claimBase.sources > 0);
    assert.equal(out.files.length, 1);
    const file = out.files[0];
    assert.equal(file.path, 'examples/clinic-landing-page.md');
    const text = readFileSync(join(root, file.path), 'utf8');
    const lines = text.split('\n');
    for (const f of file.findings) {
      assert.equal(text.slice(f.range.start.offset, f.range.end.offset), f.text);
      assert.equal(
        lines[f.range.start.line - 1]
          .slice(f.range.start.column - 1)
          .startsWith(f.text.split('\n')[0]),
        true,
      );
      assert.ok(['error', 'warning', 'info'].includes(f.severity));
      for (const s of f.suggestions)
        for (const e of s.edits) assert.ok(e.start <= e.end && e.end <= text.length);
    }
    const errors = file.findings.filter((f) => f.severity === 'error').length;
    assert.deepEqual(out.summary, {
      files: 1,
      errors,
      warnings: file.findings.filter((f) => f.severity === 'warning').length,
      infos: file.findings.filter((f) => f.severity === 'info').length,
      suppressed: file.suppressed,
    });
  });

  it('reads standard input with --stdin-filename and exits 0 on a clean draft', () => {
    const r = run(['--stdin', '--stdin-filename', 'post.md', '--format', 'json'], {
      input: BALANCED,
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.files[0].path, 'post.md');
    assert.deepEqual(out.files[0].findings, []);
  });

  it('honours --fail-on, --max-warnings, --rule and --quiet', () => {
    const warningOnly = `Ketamine rewires the brain. ${BALANCED}`;
    assert.equal(run(['-'], { input: warningOnly }).code, 0);
    assert.equal(run(['-', '--fail-on', 'warning'], { input: warningOnly }).code, 1);
    assert.equal(run(['-', '--max-warnings', '0'], { input: warningOnly }).code, 1);
    assert.equal(run(['-', '--max-warnings', '1'], { input: warningOnly }).code, 0);
    assert.equal(run(['-', '--rule', 'mechanism-as-fact=error'], { input: warningOnly }).code, 1);
    const quiet = run(['-', '--quiet', '--format', 'json'], { input: warningOnly });
    assert.deepEqual(JSON.parse(quiet.stdout).files[0].findings, []);
  });

  it('applies front-matter overrides and the profile flag', () => {
    const doc =
      '---\noverclaim:\n  disable: [cure-claim]\n---\nKetamine cures depression. ' + BALANCED;
    const out = JSON.parse(run(['-', '--format', 'json'], { input: doc }).stdout);
    assert.deepEqual(
      out.files[0].findings.map((f) => f.ruleId),
      [],
    );
    const promo = 'Our ketamine infusions relieve depression.\n';
    const blog = JSON.parse(run(['-', '--format', 'json'], { input: promo }).stdout).files[0]
      .findings;
    const clinic = JSON.parse(
      run(['-', '--format', 'json', '--profile', 'clinic-marketing'], { input: promo }).stdout,
    ).files[0].findings;
    assert.equal(blog.find((f) => f.ruleId === 'fair-balance').severity, 'warning');
    assert.equal(clinic.find((f) => f.ruleId === 'fair-balance').severity, 'error');
  });

  it('exits 2 with a message on stderr and nothing on stdout for usage errors', () => {
    for (const args of [
      [],
      ['--format', 'xml', 'examples'],
      ['--rule', 'no-such-rule=error', 'examples'],
      ['--bogus'],
      ['does-not-exist.md'],
    ]) {
      const r = run(args);
      assert.equal(r.code, 2, `args ${args.join(' ')}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /overclaim: /);
    }
  });

  it('names the file, line and field of a broken config and exits 2', () => {
    const badJson = tempDir({
      '.overclaimrc.json': '{\n  "profile": "blog",\n  "rules": {\n}\n,\n}',
      'a.md': 'Text.\n',
    });
    let r = run(['a.md'], { cwd: badJson });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /\.overclaimrc\.json:\d+: invalid JSON/);
    const badField = tempDir({
      '.overclaimrc.yaml': 'profile: blog\nrules:\n  cure-claim: loud\ncitationstyle: link\n',
      'a.md': 'Text.\n',
    });
    r = run(['a.md'], { cwd: badField });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.overclaimrc\.yaml:3: rules\.cure-claim:/);
    assert.match(r.stderr, /\.overclaimrc\.yaml:4: citationstyle:/);
  });

  it('validates a clinic claim-base file and names the file and entry', () => {
    const broken = tempDir({
      '.overclaimrc.yaml': 'claimBases: [clinic-claims.yaml]\n',
      'clinic-claims.yaml':
        'claims:\n  - id: our-protocol\n    topic: efficacy\n    statement: Our protocol follows the published IV dosing of 0.5 mg/kg.\n    evidence: rct\n    verified: true\n    sources: [no-such-source]\n',
      'a.md': 'Text.\n',
    });
    const r = run(['a.md'], { cwd: broken });
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /clinic-claims\.yaml, entry "our-protocol", field "sources": refers to missing source "no-such-source"/,
    );
    const good = tempDir({
      '.overclaimrc.yaml': 'claimBases: [clinic-claims.yaml]\n',
      'clinic-claims.yaml':
        'sources:\n  - id: clinic-protocol-2026\n    type: review\n    authors: Example Clinic\n    title: Internal dosing protocol\n    venue: Clinic handbook\n    year: 2026\n    verified: true\nclaims:\n  - id: our-protocol\n    topic: efficacy\n    statement: Our protocol follows the published IV dosing of 0.5 mg/kg.\n    evidence: emerging\n    verified: true\n    sources: [clinic-protocol-2026]\n',
      'a.md': BALANCED,
    });
    const ok = run(['a.md', '--format', 'json'], { cwd: good });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(
      JSON.parse(ok.stdout).claimBase.claims,
      JSON.parse(run(['-', '--format', 'json'], { input: 'x' }).stdout).claimBase.claims + 1,
    );
  });

  it('reports binary, invalid UTF-8 and oversized files without crashing, and strips a BOM', () => {
    const dir = tempDir({
      'a.md': BALANCED,
      'bom.md': '\ufeffKetamine cures depression. ' + BALANCED,
    });
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('Caf\xe9 ketamine\n', 'latin1'));
    writeFileSync(join(dir, '.overclaimrc.json'), '{ "maxFileSize": 1000 }');
    writeFileSync(join(dir, 'huge.md'), 'x'.repeat(2000));
    const r = run(['.', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const files = Object.fromEntries(JSON.parse(r.stdout).files.map((f) => [f.path, f]));
    assert.match(files['binary.md'].skipped, /binary/);
    assert.match(files['latin1.md'].skipped, /not valid UTF-8/);
    assert.match(files['huge.md'].skipped, /over the 1000-byte limit/);
    const cure = files['bom.md'].findings.find((f) => f.ruleId === 'cure-claim');
    assert.deepEqual(cure.range.start, { line: 1, column: 10, offset: 9 });
  });

  it('prints help and version', () => {
    assert.match(run(['--help']).stdout, /Usage: overclaim/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+/);
  });
});
