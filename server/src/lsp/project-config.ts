/**
 * Which configuration and claim base apply to a document: the nearest `.overclaimrc.*` (with
 * its extra claim-base files) over the editor settings. A broken file never stops linting: its
 * problems are kept for a diagnostic on that file and the last good version stays in force.
 */
import { basename, dirname, resolve } from 'node:path';
import { defaultConfig, type Config } from '../config/schema.ts';
import { builtInClaimBase } from '../knowledge/builtin.ts';
import { KnowledgeError, type ClaimBase } from '../knowledge/compile.ts';
import { loadClaimBases } from '../node/claim-base-loader.ts';
import {
  CONFIG_NAMES,
  ConfigError,
  findConfigFile,
  loadConfigFile,
} from '../node/config-loader.ts';
import type { EditorSettings } from './settings.ts';

export interface FileProblem {
  /** Absolute path of the file at fault. */
  file: string;
  /** 1-based, when known. */
  line?: number;
  message: string;
}

export interface ResolvedConfig {
  config: Config;
  claimBase: ClaimBase;
}

interface Project {
  config: Config;
  claimBase: ClaimBase;
  claimBaseFiles: string[];
}

export class ProjectConfigs {
  private readonly projects = new Map<string, Project>();
  private readonly lastGood = new Map<string, Project>();
  private readonly nearest = new Map<string, string | undefined>();
  /** Problems per file (config files and claim-base files), replaced on every load. */
  readonly problems = new Map<string, FileProblem[]>();

  resolve(documentPath: string | undefined, editor: EditorSettings): ResolvedConfig {
    const file = documentPath === undefined ? undefined : this.configFileFor(documentPath);
    const project = file === undefined ? undefined : this.project(file);
    const base = project?.config ?? {
      ...defaultConfig,
      profile: editor.profile ?? defaultConfig.profile,
      citationStyle: editor.citationStyle ?? defaultConfig.citationStyle,
    };
    return {
      config: { ...base, rules: { ...editor.rules, ...base.rules } },
      claimBase: project?.claimBase ?? builtInClaimBase,
    };
  }

  /** Forgets what a changed file affected; returns whether it mattered to any project. */
  fileChanged(path: string): boolean {
    const isConfig = CONFIG_NAMES.includes(basename(path));
    if (isConfig) {
      this.nearest.clear();
      // Its problems come back on the next load; a deleted file is never loaded again.
      this.forgetProblemsFrom(path);
    }
    let relevant = isConfig;
    for (const [file, project] of this.projects) {
      if (file === path || project.claimBaseFiles.includes(path)) {
        this.projects.delete(file);
        relevant = true;
      }
    }
    return relevant;
  }

  /** Files whose changes should trigger a re-lint: claim bases named by project files. */
  watchedClaimBases(): string[] {
    return [...new Set([...this.projects.values()].flatMap((p) => p.claimBaseFiles))];
  }

  private configFileFor(documentPath: string): string | undefined {
    const dir = dirname(documentPath);
    if (!this.nearest.has(dir)) this.nearest.set(dir, findConfigFile(dir));
    return this.nearest.get(dir);
  }

  private project(file: string): Project | undefined {
    const cached = this.projects.get(file);
    if (cached) return cached;
    const loaded = this.load(file);
    const project = loaded ?? this.lastGood.get(file);
    if (loaded) this.lastGood.set(file, loaded);
    if (project) this.projects.set(file, project);
    return project;
  }

  private load(file: string): Project | undefined {
    this.forgetProblemsFrom(file);
    let config: Config;
    try {
      config = loadConfigFile(file).config;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.addProblems(
        error.problems.map((p) => ({
          file,
          line: p.line,
          message: p.field ? `${p.field}: ${p.message}` : p.message,
        })),
        file,
      );
      return undefined;
    }
    const claimBaseFiles = config.claimBases.map((f) => resolve(dirname(file), f));
    try {
      const claimBase = loadClaimBases(builtInClaimBase, config.claimBases, dirname(file));
      return { config, claimBase, claimBaseFiles };
    } catch (error) {
      if (!(error instanceof KnowledgeError)) throw error;
      this.addProblems(
        error.problems.map((p) => ({
          file: p.file,
          message: [p.entry && `entry "${p.entry}"`, p.field && `field "${p.field}"`, p.message]
            .filter(Boolean)
            .join(': '),
        })),
        file,
      );
      // The config itself is good: use it with the last good claim base, and keep watching
      // the broken files so that fixing them re-lints.
      const claimBase = this.lastGood.get(file)?.claimBase ?? builtInClaimBase;
      return { config, claimBase, claimBaseFiles };
    }
  }

  /** Problems are grouped by the project file whose load produced them. */
  private readonly problemOrigin = new Map<string, string>();

  private addProblems(problems: FileProblem[], origin: string): void {
    for (const p of problems) {
      const list = this.problems.get(p.file) ?? [];
      list.push(p);
      this.problems.set(p.file, list);
      this.problemOrigin.set(p.file, origin);
    }
  }

  private forgetProblemsFrom(origin: string): void {
    for (const [file, from] of this.problemOrigin) {
      if (from !== origin) continue;
      this.problems.delete(file);
      this.problemOrigin.delete(file);
    }
  }
}
