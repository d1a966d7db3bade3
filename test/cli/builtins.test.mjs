// Which of Node's built-in modules a plain lint loads, and when. Node's built-ins come with a code
// cache that V8 takes only under the flags it was made with, and the loader raises V8's interrupt
// budget: a built-in loaded after that is parsed and compiled from source on every run. A hook
// preloaded with -r records the modules loaded after the flag is set; nothing here times anything.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BALANCED, OVERCLAIMING, cli, tempDir } from './helpers.mjs';

const hook = `
const v8 = require('node:v8');
const set = v8.setFlagsFromString;
let at = -1;
v8.setFlagsFromString = (flags) => { at = process.moduleLoadList.length; return set(flags); };
process.on('exit', () => {
  const loaded = process.moduleLoadList.filter((m) => m.startsWith('NativeModule '));
  const after = at < 0 ? null : process.moduleLoadList.slice(at).filter((m) => m.startsWith('NativeModule '));
  process.stderr.write('BUILTINS ' + JSON.stringify({ after, loaded }) + '\\n');
});
`;
const dir = tempDir({ 'hook.cjs': hook, 'a.md': OVERCLAIMING, 'b.md': BALANCED });

function builtins(args) {
  const r = spawnSync(process.execPath, ['-r', join(dir, 'hook.cjs'), cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(r.status, 1, r.stderr);
  const line = /^BUILTINS (.*)$/m.exec(r.stderr);
  assert.ok(line, r.stderr);
  return JSON.parse(line[1]);
}

describe('built-in modules', () => {
  for (const args of [
    ['a.md', 'b.md'],
    ['--format', 'json', 'a.md'],
    ['--format', 'github', '.'],
  ])
    it(`none is first loaded after the interrupt budget is set (${args.join(' ')})`, () => {
      const { after } = builtins(args);
      assert.deepEqual(after, []);
    });

  it('a plain lint loads neither node:crypto nor node:child_process', () => {
    const { loaded } = builtins(['a.md', 'b.md']);
    assert.ok(loaded.includes('NativeModule fs'), 'the hook sees the modules');
    assert.ok(!loaded.includes('NativeModule crypto'));
    assert.ok(!loaded.includes('NativeModule child_process'));
  });
});
