/**
 * The extension host cannot see the browser, so UI checks are a conversation with the launcher:
 * the suite puts the editor in a state and logs a request line (the log reaches the launcher
 * through `codeAutomationLog`); the launcher looks at the page, acts like a person would, and
 * answers with a JSON file in the driver folder, which the suite waits for with a file watcher.
 */
import { existsSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';

export const UI_REQUEST_PREFIX = '[overclaim-ui] ';

export interface UiAnswer {
  ok: boolean;
  message: string;
}

export async function askUiDriver(
  driverDir: string,
  step: string,
  detail: Record<string, unknown>,
  ms = 30_000,
): Promise<UiAnswer> {
  const answerFile = join(driverDir, `${step}.answer.json`);
  const answered = waitForFile(driverDir, `${step}.answer.json`, ms);
  console.log(`${UI_REQUEST_PREFIX}${JSON.stringify({ step, ...detail })}`);
  await answered;
  return JSON.parse(readFileSync(answerFile, 'utf8')) as UiAnswer;
}

function waitForFile(dir: string, name: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    };
    // The launcher writes the answer elsewhere and renames it in, so the file appears whole.
    const watcher = watch(dir, () => {
      if (existsSync(join(dir, name))) done();
    });
    const timer = setTimeout(
      () => done(new Error(`no answer from the UI driver for ${name} within ${ms} ms`)),
      ms,
    );
    if (existsSync(join(dir, name))) done();
  });
}
