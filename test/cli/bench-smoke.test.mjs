// Keeps the benchmark code working: runs `npm run bench -- --quick` (tiny corpus, one run) and
// checks the shape of what it saves. No timing assertions: these machines are too noisy.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');

describe('npm run bench -- --quick', () => {
  it('measures every contender and saves the results as JSON', () => {
    const out = mkdtempSync(join(tmpdir(), 'overclaim-bench-smoke-'));
    const parts = 'throughput,startup,latency,instructions,stages';
    const args = ['run', 'bench', '--silent', '--', '--quick', '--only', parts, '--out', out];
    const r = spawnSync('npm', args, { cwd: root, encoding: 'utf8', timeout: 360_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /floor/);
    const result = JSON.parse(readFileSync(join(out, 'quick.json'), 'utf8'));
    assert.equal(result.quick, true);
    const labels = result.throughput.posts.tools.map((t) => t.label);
    assert.deepEqual(labels, [
      'floor',
      'overclaim',
      'overclaim -j2',
      'floor pool=1',
      'overclaim pool=1',
      'textlint+prh',
      'alex',
    ]);
    for (const tool of result.throughput.posts.tools) {
      assert.ok(tool.wallMs.median > 0, `${tool.label} has a wall time`);
      // Each run divided by the floor's run of the same round.
      const [only] = tool.wallMs.samples;
      const [floorRun] = result.throughput.posts.tools[0].wallMs.samples;
      assert.equal(tool.pairedWallRatio.median, only / floorRun, tool.label);
    }
    assert.match(r.stdout, /paired/);
    assert.deepEqual(
      result.startup.tools.map((t) => t.label),
      ['node -e 0', 'overclaim'],
    );
    // The editor part runs once the language server is built, and says so when it is not.
    const latency = result.latency;
    if (latency.skipped) assert.match(latency.skipped, /server/);
    else
      for (const doc of latency.documents) {
        assert.equal(doc.edits, 10);
        assert.ok(doc.latencyMs.samples.length === 10, `${doc.document}: every edit answered`);
        // Memory at the last edit and once the server's idle collections have run.
        assert.ok(doc.serverRssMb > 0 && doc.serverIdleRssMb > 0, JSON.stringify(doc));
      }
    // Instruction counts under valgrind (scripts/setup-system.sh installs it for the tests).
    const { instructions } = result;
    if (instructions.skipped) assert.match(instructions.skipped, /valgrind/);
    else {
      assert.deepEqual(
        instructions.posts.map((t) => t.label),
        ['floor', 'overclaim', 'textlint+prh'],
      );
      for (const t of instructions.posts) assert.ok(t.instructions.median > 1e8, t.label);
      assert.match(r.stdout, /Instructions on \d+ posts.*\n.*÷floor +÷textlint/);
    }
    // The engine stage by stage: each stage's run includes the ones before it.
    const { stages } = result;
    if (stages.skipped) assert.match(stages.skipped, /valgrind/);
    else {
      assert.deepEqual(
        stages.map((s) => s.label),
        ['prose', 'split', 'tokens', 'scan', 'analyse', 'rules'],
      );
      assert.ok(stages[0].own > 1e8, 'the first stage counts the whole run');
      const total = stages.reduce((sum, s) => sum + s.own, 0);
      assert.equal(total, stages[stages.length - 1].instructions.median);
      assert.match(r.stdout, /up to each stage on \d+ posts/);
    }
  });
});
