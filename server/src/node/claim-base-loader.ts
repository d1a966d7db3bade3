/** Reads a user's claim-base files (YAML or JSON) and merges them into the shipped base. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import {
  extendClaimBase,
  KnowledgeError,
  type ClaimBase,
  type RawFile,
} from '../knowledge/compile.ts';

export function loadClaimBases(base: ClaimBase, files: string[], relativeTo: string): ClaimBase {
  if (files.length === 0) return base;
  const raw: RawFile[] = files.map((f) => {
    const path = resolve(relativeTo, f);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new KnowledgeError([
        {
          file: path,
          message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        },
      ]);
    }
    try {
      return {
        file: path,
        data: path.endsWith('.json') ? (JSON.parse(text) as unknown) : (parse(text) as unknown),
      };
    } catch (error) {
      throw new KnowledgeError([
        {
          file: path,
          message: `not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`,
        },
      ]);
    }
  });
  return extendClaimBase(base, raw);
}
