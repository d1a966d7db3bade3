// The GitHub Action and the pre-commit hooks: their definitions are well-formed, and the
// action's own script runs the CLI as a workflow would (inputs as environment variables).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { BALANCED, OVERCLAIMING, root, tempDir } from './helpers.mjs';

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
const checkStep = action.runs.steps.find((s) => s.id === 'run');

/** Runs the action's "Check drafts" step in bash, as the runner would. */
function runStep(inputs, cwd) {
  const output = join(cwd, 'github-output.txt');
  writeFileSync(output, '');
  const env = {
    ...process.env,
    NO_COLOR: '1',
    GITHUB_OUTPUT: output,
    OVERCLAIM: join(root, 'dist', 'cli.cjs'),
    SARIF_FILE: join(cwd, 'overclaim.sarif'),
  };
  for (const [name, value] of Object.entries(checkStep.env)) {
    const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(value)?.[1];
    if (input) env[name] = inputs[input] ?? action.inputs[input].default;
  }
  const r = spawnSync('bash', ['-e', '-c', checkStep.run], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('=')),
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

describe('GitHub Action (action.yml)', () => {
  it('is a composite action whose expressions only use declared inputs and steps', () => {
    assert.equal(action.runs.using, 'composite');
    const text = readFileSync(join(root, 'action.yml'), 'utf8');
    for (const [, name] of text.matchAll(/inputs\.([a-z-]+)/g))
      assert.ok(name in action.inputs, `undeclared input ${name}`);
    for (const [, id] of text.matchAll(/steps\.([a-z-]+)\.outputs/g))
      assert.ok(
        action.runs.steps.some((s) => s.id === id),
        `unknown step ${id}`,
      );
    for (const step of action.runs.steps) if (step.run) assert.equal(step.shell, 'bash');
    // Inputs reach scripts only through the environment (no template injection).
    for (const step of action.runs.steps)
      if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, `${step.name} splices an expression`);
    assert.ok(
      action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif')),
    );
  });

  it('prints annotations, writes SARIF and the report, and reports the exit code', () => {
    const dir = tempDir({
      'posts/a.md': OVERCLAIMING,
      'posts/b.md': BALANCED,
      'odd name.md': BALANCED,
    });
    const annotations = runStep({ paths: 'posts\n  odd name.md\n' }, dir);
    assert.equal(annotations.status, 0, annotations.stderr);
    assert.equal(annotations.outputs['exit-code'], '1');
    assert.match(annotations.stdout, /^::error file=posts\/a\.md,line=1,/m);
    assert.match(annotations.stdout, /in 3 files/, 'the name with a space is one path');

    const sarif = runStep({ paths: 'posts/*.md', format: 'sarif', report: 'review.html' }, dir);
    assert.equal(sarif.status, 0, sarif.stderr);
    assert.equal(sarif.outputs['exit-code'], '1');
    const log = JSON.parse(readFileSync(sarif.outputs['sarif-file'], 'utf8'));
    assert.ok(log.runs[0].results.length > 3);
    assert.match(readFileSync(join(dir, 'review.html'), 'utf8'), /Claims review report/);

    const lenient = runStep({ paths: 'posts/b.md', 'fail-on': 'error', 'max-warnings': '0' }, dir);
    assert.equal(lenient.outputs['exit-code'], '0', lenient.stdout);

    const wrong = runStep({ format: 'xml' }, dir);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stdout, /::error title=overclaim::format must be github or sarif/);
  });
});

describe('pre-commit hooks (.pre-commit-hooks.yaml)', () => {
  it('match drafts only and run the CLI on the files pre-commit passes', () => {
    const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));
    assert.deepEqual(
      hooks.map((h) => h.id),
      ['overclaim', 'overclaim-fix'],
    );
    const dir = tempDir({ 'a.md': OVERCLAIMING, 'b.mdx': BALANCED });
    for (const hook of hooks) {
      const files = new RegExp(hook.files);
      for (const f of ['a.md', 'b.mdx', 'c.markdown', 'notes.txt']) assert.match(f, files);
      for (const f of ['a.js', 'md.json', 'README.md.bak']) assert.doesNotMatch(f, files);
      assert.match(hook.entry, /^npx --no-install overclaim\b/);
      const args = hook.entry.split(' ').slice(3);
      const r = spawnSync(
        process.execPath,
        [join(root, 'dist', 'cli.cjs'), ...args, 'a.md', 'b.mdx'],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      );
      assert.equal(r.status, 1, r.stderr);
    }
    assert.ok(existsSync(join(dir, 'a.md')));
    assert.notEqual(readFileSync(join(dir, 'a.md'), 'utf8'), OVERCLAIMING, 'the fix hook fixed it');
  });
});
