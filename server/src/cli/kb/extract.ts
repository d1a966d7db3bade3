/**
 * `overclaim kb extract <file…>`: candidate claims from source documents, as a YAML draft a
 * curator edits into `knowledge/claims/` (or JSON with --format json).
 */
import { stringify } from 'yaml';
import { extractCandidates, type Candidate } from '../../knowledge/extract.ts';
import { collectFiles, displayPath } from '../../node/collect-files.ts';
import { readDocument } from '../../node/read-document.ts';
import { UsageError } from '../args.ts';
import { printJson, projectBase, type KbContext } from './context.ts';

const MAX_BYTES = 4 * 1024 * 1024;

export function kbExtract(ctx: KbContext): number {
  if (ctx.positionals.length === 0)
    throw new UsageError('kb extract needs one or more Markdown or text files');
  const base = projectBase(ctx);
  const candidates: Candidate[] = [];
  const files = collectFiles(ctx.positionals, ctx.io.cwd);
  for (const path of files) {
    const read = readDocument(path, MAX_BYTES);
    if (!read.ok) {
      ctx.io.stderr(`overclaim: skipped ${displayPath(path, ctx.io.cwd)}: ${read.reason}\n`);
      continue;
    }
    candidates.push(
      ...extractCandidates(base, displayPath(path, ctx.io.cwd), read.text, ctx.today),
    );
  }
  if (ctx.format === 'json') {
    printJson(ctx, { claimBase: base.version, candidates });
    return 0;
  }
  const header = [
    `# Candidate claims proposed by \`overclaim kb extract\` from ${files.length} file(s), claim base ${base.version}.`,
    '# For each candidate: keep it only if it states something checkable; when `matches` is empty and',
    '# `contradicts` is empty, the base has nothing on it yet — turn `draft` into a claim in your own words,',
    '# add real sources and an honest evidence level. `contradicts` lists the claims that answer an overclaim.',
  ];
  ctx.io.stdout(
    `${header.join('\n')}\n${stringify({ candidates: candidates.map(compact) }, { lineWidth: 100, aliasDuplicateObjects: false })}`,
  );
  return 0;
}

/** Leaves out empty lists so the draft stays readable. */
function compact(c: Candidate): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(c).filter(([, v]) => !(Array.isArray(v) && v.length === 0)),
  );
}
