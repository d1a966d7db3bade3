// The temporary folders one in-editor run uses. The suite finds harness.json next to its
// workspace folder (see test/editor/suite/harness.ts).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
const EXAMPLES = join(ROOT, 'examples');

// Quiet, predictable editor: no welcome page, tips, update checks or minimap in screenshots.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
  'editor.fontSize': 15,
  'editor.wordWrap': 'on',
  'files.autoSave': 'off',
};

/**
 * A fresh root with a workspace holding copies of the example drafts.
 * `options`: launcher (a name), grep, uiDriver (a browser answers UI requests), packaged.
 */
export function createLayout({ launcher, grep, uiDriver = false, packaged = false }) {
  const root = mkdtempSync(join(tmpdir(), 'overclaim-editor-'));
  const layout = {
    root,
    workspace: join(root, 'workspace'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    uiDriver: join(root, 'ui-driver'),
    standIn: join(root, 'stand-in-extension'),
  };
  const drafts = join(layout.workspace, 'drafts');
  mkdirSync(drafts, { recursive: true });
  for (const name of readdirSync(EXAMPLES))
    if (/\.(md|mdx|txt)$/.test(name) && name !== 'README.md')
      copyFileSync(join(EXAMPLES, name), join(drafts, name));
  mkdirSync(join(layout.userData, 'User'), { recursive: true });
  writeFileSync(
    join(layout.userData, 'User', 'settings.json'),
    JSON.stringify(USER_SETTINGS, null, 2),
  );
  mkdirSync(layout.extensions, { recursive: true });
  mkdirSync(layout.uiDriver, { recursive: true });
  if (packaged) writeStandInExtension(layout.standIn);
  writeFileSync(join(root, 'code-server.yaml'), '');
  const harness = {
    launcher,
    grep,
    uiDriverDir: uiDriver ? layout.uiDriver : undefined,
    extensionsDir: packaged ? layout.extensions : undefined,
  };
  writeFileSync(join(root, 'harness.json'), JSON.stringify(harness, null, 2));
  return layout;
}

/**
 * VS Code only runs `extensionTestsPath` when an extension is under development, so the
 * packaged run develops this empty stand-in instead of the repository: overclaim itself then
 * comes only from the installed .vsix.
 */
function writeStandInExtension(dir) {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'packaged-suite-stand-in',
    publisher: 'overclaim-tests',
    version: '0.0.0',
    engines: { vscode: '^1.90.0' },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
}

export function removeLayout(layout) {
  rmSync(layout.root, { recursive: true, force: true });
}
