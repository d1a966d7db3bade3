/** The result of a run, shared by every output format. */
import type { Finding, Notice } from '../engine/types.ts';

export interface FileReport {
  /** As given, or relative to the working directory. */
  path: string;
  text: string;
  findings: Finding[];
  suppressed: number;
  notices: Notice[];
  /** Why the file was not linted, when it was not. */
  skipped?: string;
}

export interface RunReport {
  version: string;
  claimBase: { version: string; claims: number; sources: number };
  files: FileReport[];
}

export function countSeverities(files: FileReport[]): {
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
} {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let suppressed = 0;
  for (const f of files) {
    suppressed += f.suppressed;
    for (const x of f.findings) {
      if (x.severity === 'error') errors++;
      else if (x.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { errors, warnings, infos, suppressed };
}
