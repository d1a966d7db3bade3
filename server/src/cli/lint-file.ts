/**
 * One draft from disk to report: read, lint, and with --fix apply the safe fixes, lint again
 * and write the result back. The same function runs in-process and in worker threads.
 */
import { fixText } from '../engine/fix.ts';
import { lint } from '../engine/lint.ts';
import { readSourceFile, writeIfUnchanged } from '../node/source-file.ts';
import { changedLineFilter, type ChangedLinesData } from './changed-filter.ts';
import type { ConfigCache } from './config-cache.ts';
import type { FileReport, FixReport } from './report.ts';

export type FixMode = 'off' | 'write' | 'dry-run';

/** What a run needs from each file: fixes, and whether findings carry their suggestions. */
export interface FileWork {
  fix: FixMode;
  /** False when neither the output nor a fix reads them (stylish and JUnit list findings only). */
  suggestions: boolean;
}

export interface FileTask {
  /** Absolute path. */
  path: string;
  /** As shown in the output. */
  shown: string;
  /** Only findings on these lines are kept (--changed-since). */
  changed?: ChangedLinesData;
}

export function lintFile(task: FileTask, configs: ConfigCache, work: FileWork): FileReport {
  const { config } = configs.forDocument(task.path);
  const read = readSourceFile(task.path, config.maxFileSize);
  if (!read.ok)
    return {
      path: task.shown,
      text: '',
      findings: [],
      suppressed: 0,
      notices: [],
      skipped: read.reason,
    };
  const report = lintText(read.file.text, task, configs, work, (text) =>
    writeIfUnchanged(read.file, text),
  );
  if (report.fix && read.file.bom) report.fix.bom = true;
  return report;
}

/** Lints (and fixes) text that is already in memory; `write` stores a fixed text. */
export function lintText(
  original: string,
  task: FileTask,
  configs: ConfigCache,
  { fix, suggestions }: FileWork,
  write?: (text: string) => string | undefined,
): FileReport {
  const { config, base } = configs.forDocument(task.path);
  const keep = changedLineFilter(original, task.changed);
  const options = { path: task.path, config, claimBase: base, suggestions };
  const first = lint(original, options);
  const unfixed: FileReport = {
    path: task.shown,
    text: original,
    findings: keep(first.findings, (o) => o),
    suppressed: first.suppressed,
    notices: first.notices,
  };
  if (fix === 'off') return unfixed;
  let last = first;
  const result = fixText(original, (text, originOf) => {
    // The first pass is the lint above; later passes lint the fixed text.
    last = text === original ? first : lint(text, options);
    return keep(last.findings, originOf);
  });
  if (result.applied.length === 0) return unfixed;
  const fixed: FixReport = {
    originalText: original,
    edits: result.edits,
    applied: result.applied,
    written: false,
  };
  const report: FileReport = {
    path: task.shown,
    text: result.text,
    findings: result.findings,
    suppressed: last.suppressed,
    notices: result.converged
      ? last.notices
      : [
          ...last.notices,
          {
            message: `Safe fixes were still being offered after ${result.passes} passes; review the remaining suggestions by hand.`,
            start: 0,
            end: 0,
          },
        ],
    fix: fixed,
  };
  if (fix === 'dry-run' || !write) return report;
  const problem = write(result.text);
  if (problem === undefined) return { ...report, fix: { ...fixed, written: true } };
  // Nothing was written: what remains is what is on disk.
  return { ...unfixed, fix: { ...fixed, problem } };
}
