/**
 * Requests beyond LSP that the VS Code extension uses (any client may): lint files that are not
 * open, and render the claim base. Files are read as data; nothing in them is executed.
 */
import { pathToFileURL } from 'node:url';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { countBySeverity } from '../engine/counts.ts';
import { lint } from '../engine/lint.ts';
import { languageFromPath } from '../engine/parse.ts';
import { claimCardMarkdown } from '../knowledge/claim-card.ts';
import { builtInClaimBase } from '../knowledge/builtin.ts';
import { readDocument } from '../node/read-document.ts';
import { pathOf } from './linter.ts';
import type { ProjectConfigs } from './project-config.ts';
import { findingToDiagnostic } from './protocol.ts';
import type { EditorSettings } from './settings.ts';

export const LINT_FILES_REQUEST = 'overclaim/lintFiles';
export const CLAIM_BASE_REQUEST = 'overclaim/claimBase';

export interface LintFilesParams {
  /** file: URIs of drafts to lint from disk. */
  paths: string[];
}

export interface LintFilesResult {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  skipped: { path: string; reason: string }[];
}

interface Deps {
  configs: ProjectConfigs;
  settingsFor(uri: string): Promise<EditorSettings>;
  /** Open documents already have live diagnostics (for their current version, which quick
   * fixes check); publishing a from-disk result over them would hide their fixes. */
  isOpen(uri: string): boolean;
}

export function workspaceRequests(connection: Connection, deps: Deps): void {
  connection.onRequest(
    LINT_FILES_REQUEST,
    async (params: LintFilesParams, token: CancellationToken) => {
      const result: LintFilesResult = { files: 0, errors: 0, warnings: 0, infos: 0, skipped: [] };
      for (const path of params.paths) {
        if (token.isCancellationRequested) break;
        const uri = pathToFileURL(path).href;
        const settings = await deps.settingsFor(uri);
        const { config, claimBase } = deps.configs.resolve(path, settings);
        const read = readDocument(path, config.maxFileSize);
        if (!read.ok) {
          result.skipped.push({ path, reason: read.reason });
          continue;
        }
        const language = languageFromPath(path);
        const doc = TextDocument.create(uri, language, 0, read.text);
        const { findings } = lint(read.text, { claimBase, config, path, language });
        result.files++;
        const counts = countBySeverity(findings);
        result.errors += counts.errors;
        result.warnings += counts.warnings;
        result.infos += counts.infos;
        if (deps.isOpen(uri)) continue;
        void connection.sendDiagnostics({
          uri,
          diagnostics: findings.map((f, i) => findingToDiagnostic(doc, f, i)),
        });
      }
      return result;
    },
  );

  // With the URI of a draft, the base in force for it: the shipped one plus its project's files.
  connection.onRequest(CLAIM_BASE_REQUEST, async (params?: { uri?: string }): Promise<string> => {
    const uri = params?.uri;
    const path = uri === undefined ? undefined : pathOf(uri);
    const base =
      uri === undefined
        ? builtInClaimBase
        : deps.configs.resolve(path, await deps.settingsFor(uri)).claimBase;
    const cards = base.claims.map((c) => claimCardMarkdown(base, c.id) ?? '');
    return [
      `# The overclaim claim base (${base.version})`,
      '',
      `${base.claims.length} claims, ${base.sources.length} sources. Each card says what the evidence supports, for whom, and where it comes from.`,
      '',
      ...cards.map((card) => `${card}\n---\n`),
    ].join('\n');
  });
}
