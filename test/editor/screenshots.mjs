#!/usr/bin/env node
// Retakes the README screenshots (docs/images/editor-*.png) from a code-server run of the
// suite's UI tests on examples/clinic-landing-page.md: squiggles with the Problems panel, the
// claim-card hover, and the quick-fix menu. Run with `npm run screenshots`.
import { join } from 'node:path';
import { ROOT } from './lib/layout.mjs';
import { runInCodeServer } from './run-code-server.mjs';

process.exitCode = await runInCodeServer({
  mode: 'dev',
  grep: 'UI \\(seen in the browser\\)',
  screenshotsDir: join(ROOT, 'docs', 'images'),
  timeoutMs: 180_000,
});
