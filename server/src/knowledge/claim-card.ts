/**
 * The claim card: everything a writer needs to judge one claim — the supported statement, its
 * evidence level and scope, caveats, sources and freshness. The editor hover, `overclaim kb show`
 * and reports all render it from here. Pure: the caller passes the base and, for tests, today.
 */
import type { ClaimBase } from './compile.ts';
import {
  evidenceLabels,
  referenceText,
  scopeEntries,
  sourceQualifiers,
  sourceUrl,
} from './describe.ts';
import { isoToday, staleNote } from './freshness.ts';
import type { Claim, Source } from './schema.ts';

export interface ClaimCardOptions {
  /** YYYY-MM-DD; defaults to the current date. Decides the "past its review date" note. */
  today?: string;
}

interface CardParts {
  claim: Claim;
  sources: Source[];
  missing: string[];
  stale?: string;
}

function partsOf(base: ClaimBase, claimId: string, options: ClaimCardOptions): CardParts | undefined {
  const claim = base.claims.find((c) => c.id === claimId);
  if (!claim) return undefined;
  const byId = new Map(base.sources.map((s) => [s.id, s]));
  const sources = claim.sources.flatMap((id) => byId.get(id) ?? []);
  const missing = claim.sources.filter((id) => !byId.has(id));
  return { claim, sources, missing, stale: staleNote(claim, options.today ?? isoToday()) };
}

/** Markdown that renders in hovers (VS Code, other LSP clients) and in docs. */
export function claimCardMarkdown(
  base: ClaimBase,
  claimId: string,
  options: ClaimCardOptions = {},
): string | undefined {
  const parts = partsOf(base, claimId, options);
  if (!parts) return undefined;
  const { claim, sources, missing, stale } = parts;
  const out: string[] = [
    `**What the evidence supports** (claim \`${claim.id}\`)`,
    '',
    escapeMarkdown(oneLine(claim.statement)),
    '',
    `**Evidence:** ${evidenceLabels[claim.evidence]}${claim.verified ? '' : ' — **not verified**, do not cite as established'}`,
  ];
  if (!claim.verified && claim.certainty) out.push('', `_Unverified:_ ${escapeMarkdown(oneLine(claim.certainty))}`);
  const scope = scopeEntries(claim);
  if (scope.length > 0) {
    out.push('', '**Scope:**', ...scope.map(([k, v]) => `- ${k}: ${escapeMarkdown(v)}`));
  }
  if (claim.history.length > 0) {
    out.push('', '**Changes:**', ...claim.history.map((h) => `- ${h.date}: ${escapeMarkdown(oneLine(h.change))}`));
  }
  if (stale) out.push('', `⚠️ ${escapeMarkdown(stale)}`);
  if (claim.caveats.length > 0) {
    out.push('', '**Caveats:**', ...claim.caveats.map((c) => `- ${escapeMarkdown(oneLine(c))}`));
  }
  if (claim.saferWording) out.push('', `**Safer wording:** ${escapeMarkdown(oneLine(claim.saferWording))}`);
  out.push('', '**Sources:**', ...sources.map(markdownSource), ...missing.map((id) => `- \`${id}\` (missing)`));
  return `${out.join('\n')}\n`;
}

/** The same card as plain text, for terminals (`overclaim kb show`). */
export function claimCardText(
  base: ClaimBase,
  claimId: string,
  options: ClaimCardOptions = {},
): string | undefined {
  const parts = partsOf(base, claimId, options);
  if (!parts) return undefined;
  const { claim, sources, missing, stale } = parts;
  const out: string[] = [
    `${claim.id}  [${claim.topic}]`,
    '',
    wrap(oneLine(claim.statement)),
    '',
    `Evidence: ${evidenceLabels[claim.evidence]}${claim.verified ? '' : ' — NOT VERIFIED, do not cite as established'}`,
  ];
  if (!claim.verified && claim.certainty) out.push(wrap(`Unverified: ${oneLine(claim.certainty)}`));
  const scope = scopeEntries(claim);
  if (scope.length > 0) out.push('', 'Scope:', ...scope.map(([k, v]) => `  ${k}: ${v}`));
  if (claim.history.length > 0) {
    out.push('', 'Changes:', ...claim.history.map((h) => wrap(`- ${h.date}: ${oneLine(h.change)}`, '  ')));
  }
  if (stale) out.push('', wrap(`! ${stale}`));
  if (claim.caveats.length > 0) out.push('', 'Caveats:', ...claim.caveats.map((c) => wrap(`- ${oneLine(c)}`, '  ')));
  if (claim.saferWording) out.push('', wrap(`Safer wording: ${oneLine(claim.saferWording)}`));
  out.push(
    '',
    'Sources:',
    ...sources.map((s) => {
      const url = sourceUrl(s);
      return wrap(`- ${referenceText(s)} (${sourceQualifiers(s)})${url ? ` ${url}` : ''}`, '  ');
    }),
    ...missing.map((id) => `- ${id} (missing)`),
  );
  return `${out.join('\n')}\n`;
}

function markdownSource(s: Source): string {
  const url = sourceUrl(s);
  const ref = escapeMarkdown(referenceText(s));
  return `- ${url ? `[${ref}](${url})` : ref} — ${sourceQualifiers(s)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Keeps data from turning into Markdown syntax (asterisks, brackets, underscores, backticks). */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

function wrap(text: string, indent = '', width = 88): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
