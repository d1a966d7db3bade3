#!/usr/bin/env node
// Runs the same in-editor Mocha suites in desktop VS Code with @vscode/test-electron, for
// machines that can download VS Code (update.code.visualstudio.com). CI here cannot — that
// download is blocked — and uses run-code-server.mjs instead.
//
//   node test/editor/run-electron.mjs [--mode dev|packaged|all] [--vscode-version 1.100.3]
//
// The UI checks of the suite are skipped here (they need the browser driver of code-server);
// under Linux without a display, run it through xvfb-run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  downloadAndUnzipVSCode,
  resolveCliArgsFromVSCodeExecutablePath,
  runTests,
} from '@vscode/test-electron';
import { createLayout, removeLayout, ROOT } from './lib/layout.mjs';

const SUITES = {
  dev: join(ROOT, 'dist', 'test', 'editor', 'suite', 'index.cjs'),
  packaged: join(ROOT, 'dist', 'test', 'editor', 'packaged', 'index.cjs'),
};
const VSIX = join(ROOT, 'dist', 'overclaim.vsix');

const say = (message) => process.stderr.write(`${message}\n`);

function isolationArgs(layout) {
  return [`--user-data-dir=${layout.userData}`, `--extensions-dir=${layout.extensions}`];
}

async function runMode(mode, version) {
  for (const file of [SUITES[mode], ...(mode === 'packaged' ? [VSIX] : [])])
    if (!existsSync(file))
      throw new Error(
        `missing ${relative(ROOT, file)}; run \`npm run package && node scripts/build-editor-tests.mjs\``,
      );
  const layout = createLayout({ launcher: 'electron', packaged: mode === 'packaged' });
  try {
    const vscodeExecutablePath = await downloadAndUnzipVSCode(version);
    if (mode === 'packaged') {
      const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath, {
        reuseMachineInstall: true,
      });
      const installed = spawnSync(
        cli,
        [...args, ...isolationArgs(layout), '--install-extension', VSIX],
        {
          stdio: 'inherit',
        },
      );
      if (installed.status !== 0) throw new Error(`installing ${VSIX} failed`);
    }
    await runTests({
      vscodeExecutablePath,
      // Packaged mode develops an empty stand-in (VS Code only runs tests for an extension under
      // development), so overclaim comes from the installed .vsix.
      extensionDevelopmentPath: mode === 'dev' ? ROOT : layout.standIn,
      extensionTestsPath: SUITES[mode],
      launchArgs: [
        layout.workspace,
        ...isolationArgs(layout),
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
    say(`electron ${mode}: passed`);
    return 0;
  } catch (error) {
    say(`electron ${mode}: ${error.message ?? error}`);
    if (/ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT/.test(String(error.message)))
      say(
        '  VS Code cannot be downloaded here; run the same suite in code-server: npm run test:editor',
      );
    return 1;
  } finally {
    removeLayout(layout);
  }
}

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'all' },
    'vscode-version': { type: 'string', default: '1.100.3' },
  },
});
const modes = values.mode === 'all' ? ['dev', 'packaged'] : [values.mode];
let worst = 0;
for (const mode of modes) {
  const code = await runMode(mode, values['vscode-version']);
  worst ||= code;
}
process.exitCode = worst;
