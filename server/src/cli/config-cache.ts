/** Configuration and claim base per config file, each read once per run (and per worker). */
import { dirname, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { defaultConfig, type Config, type Profile } from '../config/schema.ts';
import type { RuleId } from '../engine/rule-ids.ts';
import type { RuleSetting } from '../engine/types.ts';
import { builtInClaimBase } from '../knowledge/builtin.ts';
import type { ClaimBase } from '../knowledge/compile.ts';
import { loadClaimBases } from '../node/claim-base-loader.ts';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../node/config-loader.ts';

/** What the command line says about configuration; plain data, so workers get it too. */
export interface ConfigFlags {
  cwd: string;
  config?: string;
  profile?: Profile;
  rules: Partial<Record<RuleId, RuleSetting>>;
}

export interface DocumentConfig {
  config: Config;
  base: ClaimBase;
  dir: string;
}

export class ConfigCache {
  private readonly byFile = new Map<string, { loaded: LoadedConfig; base: ClaimBase }>();
  /** The walk up from a directory, once per directory: it stats ~6 names per level. */
  private readonly fileByDir = new Map<string, string | undefined>();
  firstBase?: ClaimBase;

  constructor(private readonly flags: ConfigFlags) {}

  private configFileFor(dir: string): string | undefined {
    if (!this.fileByDir.has(dir)) this.fileByDir.set(dir, findConfigFile(dir));
    return this.fileByDir.get(dir);
  }

  forDocument(path: string): DocumentConfig {
    const file = this.flags.config
      ? resolve(this.flags.cwd, this.flags.config)
      : this.configFileFor(dirname(path));
    const key = file ?? '';
    let entry = this.byFile.get(key);
    if (!entry) {
      const loaded: LoadedConfig = file
        ? loadConfigFile(file)
        : { config: defaultConfig, dir: this.flags.cwd };
      entry = {
        loaded,
        base: loadClaimBases(builtInClaimBase, loaded.config.claimBases, loaded.dir),
      };
      this.byFile.set(key, entry);
    }
    this.firstBase ??= entry.base;
    const config: Config = {
      ...entry.loaded.config,
      profile: this.flags.profile ?? entry.loaded.config.profile,
      rules: { ...entry.loaded.config.rules, ...this.flags.rules },
    };
    return { config, base: entry.base, dir: entry.loaded.dir };
  }
}

export function isIgnored(path: string, dir: string, globs: string[]): boolean {
  if (globs.length === 0) return false;
  const rel = relative(dir, path).split('\\').join('/');
  return picomatch(globs, { dot: true })(rel);
}
