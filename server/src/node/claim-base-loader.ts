/** Reads a user's claim-base files (YAML or JSON) and merges them into the shipped base. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import {
  extendClaimBase,
  KnowledgeError,
  type ClaimBase,
  type KnowledgeProblem,
  type RawFile,
} from '../knowledge/compile.ts';

interface ParsedFile extends RawFile {
  doc: Document;
  lines: LineCounter;
}

export function loadClaimBases(base: ClaimBase, files: string[], relativeTo: string): ClaimBase {
  if (files.length === 0) return base;
  const parsed = files.map((f) => readClaimBase(resolve(relativeTo, f)));
  try {
    return extendClaimBase(base, parsed);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    throw new KnowledgeError(error.problems.map((p) => withLine(p, parsed)));
  }
}

function readClaimBase(path: string): ParsedFile {
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
  const json = path.endsWith('.json');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const yamlError = doc.errors[0];
  let jsonError: Error | undefined;
  if (json)
    try {
      JSON.parse(text);
    } catch (error) {
      jsonError = error as Error;
    }
  if (yamlError || jsonError) {
    const at = jsonError ? /position (\d+)/.exec(jsonError.message)?.[1] : yamlError?.pos[0];
    throw new KnowledgeError([
      {
        file: path,
        line: at === undefined ? undefined : lines.linePos(Number(at)).line,
        message: `not valid ${json ? 'JSON' : 'YAML'}: ${(jsonError ?? yamlError)?.message.split('\n')[0]}`,
      },
    ]);
  }
  return { file: path, data: doc.toJS() as unknown, doc, lines };
}

/** Finds the entry (by id, or "#n") and its field in the file, for a line number. */
function withLine(p: KnowledgeProblem, files: ParsedFile[]): KnowledgeProblem {
  const f = files.find((x) => x.file === p.file);
  if (!f || p.line !== undefined || !p.entry) return p;
  for (const list of ['claims', 'sources']) {
    const seq = f.doc.get(list, true);
    if (!isSeq(seq)) continue;
    const matches = seq.items.filter((item, i) =>
      isMap(item) ? item.get('id') === p.entry || p.entry === `#${i + 1}` : false,
    );
    // A duplicate is reported where it repeats, not where the id first appears.
    const item = /duplicate/.test(p.message) ? matches[matches.length - 1] : matches[0];
    if (!isMap(item)) continue;
    const key = p.field?.split('.')[0];
    const pair = key
      ? item.items.find((x) => String((x.key as { value?: unknown }).value) === key)
      : undefined;
    const range = (pair?.key as { range?: number[] } | undefined)?.range ?? item.range;
    return range?.[0] === undefined ? p : { ...p, line: f.lines.linePos(range[0]).line };
  }
  return p;
}
