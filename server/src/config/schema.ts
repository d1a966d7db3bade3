/**
 * The project configuration (`.overclaimrc.json` / `.overclaimrc.yaml`), shared by the CLI,
 * the language server and the editor. The JSON Schema for editors is generated from this.
 */
import { z } from 'zod';
import { ruleIds } from '../engine/rule-ids.ts';

export const profiles = ['blog', 'clinic-marketing', 'editorial'] as const;
export type Profile = (typeof profiles)[number];

export const ruleSetting = z.enum(['off', 'info', 'warning', 'error']);

export const configSchema = z
  .object({
    /** Which house rules to start from: `blog` (default), `clinic-marketing` (stricter fair balance) or `editorial`. */
    profile: z.enum(profiles).default('blog'),
    /** Per-rule severity, overriding the profile: rule id → off | info | warning | error. */
    rules: z.partialRecord(z.enum(ruleIds), ruleSetting).default({}),
    /** Extra claim-base files (YAML or JSON), relative to the config file: a clinic's approved claims and references. */
    claimBases: z.array(z.string().min(1)).default([]),
    /** How citation fixes are inserted: a Markdown footnote, or an inline link. */
    citationStyle: z.enum(['footnote', 'link']).default('footnote'),
    /** Report inline suppressions that give no reason. Defaults to true in `clinic-marketing`. */
    requireSuppressionReason: z.boolean().optional(),
    /** Globs (relative to the config file) of files never to lint. */
    ignore: z.array(z.string().min(1)).default([]),
    /** Files larger than this many bytes are skipped with a message instead of being linted. */
    maxFileSize: z.number().int().positive().default(1_048_576),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

/** What a document's front matter may set under `overclaim:`. */
export const frontMatterSchema = z
  .object({
    profile: z.enum(profiles).optional(),
    disable: z.array(z.enum(ruleIds)).default([]),
    rules: z.partialRecord(z.enum(ruleIds), ruleSetting).default({}),
  })
  .strict();

export type FrontMatterConfig = z.infer<typeof frontMatterSchema>;

export const defaultConfig: Config = configSchema.parse({});
