/**
 * Entry point VS Code calls in the extension host (`extensionTestsPath`): runs the suite with
 * Mocha and rejects when a test fails, which both launchers turn into the exit code.
 */
import Mocha from 'mocha';
import { readHarness } from './harness.ts';

export async function run(): Promise<void> {
  const harness = readHarness();
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000,
    ...(harness.grep ? { grep: harness.grep } : {}),
  });
  // The test modules are bundled into this file; bind Mocha's `suite`/`test` before they load.
  mocha.suite.emit('pre-require', globalThis, 'test/editor/suite', mocha);
  await import('./activation.test.ts');
  await import('./diagnostics.test.ts');
  await import('./quick-fix.test.ts');
  await import('./hover-lens.test.ts');
  await import('./configuration.test.ts');
  await import('./workspace.test.ts');
  await import('./ui.test.ts');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} in-editor test(s) failed`);
}
