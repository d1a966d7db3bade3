// Bundles the in-editor Mocha suites for the extension host. Mocha is bundled in (not left
// external) so the suites load in any VS Code build, whatever its Node supports for require(esm).
import { build } from 'esbuild';

const suites = {
  'suite/index': 'test/editor/suite/index.ts',
  'packaged/index': 'test/editor/packaged/index.ts',
};

await build({
  entryPoints: suites,
  outdir: 'dist/test/editor',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode'],
  logLevel: 'warning',
  // Mocha's parallel mode resolves worker files at run time; the suites run serially.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
