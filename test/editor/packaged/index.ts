/** Extension-host entry point for the packaged-extension suite (the installed .vsix). */
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60_000 });
  mocha.suite.emit('pre-require', globalThis, 'test/editor/packaged', mocha);
  await import('./packaged.test.ts');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} packaged-extension test(s) failed`);
}
