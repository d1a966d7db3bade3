// One build script for every bundle. Type-checking is separate (npm run typecheck).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  sourcemap: true,
  legalComments: 'none',
  define: { OVERCLAIM_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

// Each bundle: its entry points and module format. The CLI is ESM; the language server and the
// extension are CommonJS because VS Code's extension host loads extensions with require().
// Some bundled CommonJS dependencies call require(); give ESM output a real one.
const esmRequire = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};
const bundles = [
  {
    entryPoints: { cli: 'server/src/cli/main.ts', server: 'server/src/lsp/main.ts' },
    format: 'esm',
    banner: esmRequire,
  },
  {
    entryPoints: { extension: 'client/src/extension.ts' },
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['vscode'],
  },
];

await Promise.all(bundles.map((b) => build({ ...common, ...b })));
