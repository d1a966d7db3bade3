/** The result of a run, shared by every output format. */
import type { Edit, Finding, Notice, Severity } from '../engine/types.ts';
import type { ClaimBase } from '../knowledge/compile.ts';
import { countBySeverity, plural, type SeverityCounts } from '../engine/counts.ts';

export interface FileReport {
  /** As given, or relative to the working directory. */
  path: string;
  text: string;
  findings: Finding[];
  suppressed: number;
  notices: Notice[];
  /** Why the file was not linted, when it was not. */
  skipped?: string;
  /** What --fix or --fix-dry-run did; `text` and `findings` are then those after fixing. */
  fix?: FixReport;
}

export interface FixReport {
  /** The text as read, before any fix (without its BOM). */
  originalText: string;
  /** The file starts with a UTF-8 BOM (offsets do not count it; diffs show it). */
  bom?: boolean;
  /** Every change, composed over all passes, in offsets of `originalText`. */
  edits: Edit[];
  applied: { ruleId: string; title: string }[];
  /** True when the fixed text was written to disk. */
  written: boolean;
  /** Why a fixed file was not written (it changed on disk, or could not be written). */
  problem?: string;
}

export interface RunReport {
  version: string;
  /** The working directory paths are relative to. */
  cwd: string;
  claimBase: { version: string; claims: number; sources: number };
  files: FileReport[];
  /** The lowest severity that fails the run (JUnit marks only those as failures). */
  failOn: Severity;
  /** The claim base a file was linted against (a project may add its own claims). */
  claimBaseFor: (path: string) => ClaimBase;
  /** Set when only lines changed since this git ref are reported. */
  changedSince?: string;
}

export function countSeverities(files: FileReport[]): SeverityCounts & { suppressed: number } {
  const total = { ...countBySeverity([]), suppressed: 0 };
  for (const f of files) {
    const c = countBySeverity(f.findings);
    total.errors += c.errors;
    total.warnings += c.warnings;
    total.infos += c.infos;
    total.suppressed += f.suppressed;
  }
  return total;
}

export { plural };
