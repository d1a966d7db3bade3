/**
 * The project configuration (`.overclaimrc.json` / `.overclaimrc.yaml`), shared by the CLI,
 * the language server and the editor. The JSON Schema for editors is generated from this.
 */
import * as z from 'zod';
import { ruleIds } from '../engine/rule-ids.ts';

export const profiles = ['blog', 'clinic-marketing', 'editorial'] as const;
export type Profile = (typeof profiles)[number];

export const ruleSetting = z.enum(['off', 'info', 'warning', 'error']);

export const configSchema = z
  .object({
    /** Lets editors find this schema; ignored by overclaim. */
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    profile: z
      .enum(profiles)
      .default('blog')
      .describe(
        'House rules to start from: blog (default), clinic-marketing (fair balance and disclaimers are required) or editorial.',
      ),
    rules: z
      .partialRecord(z.enum(ruleIds), ruleSetting)
      .default({})
      .describe(
        'Per-rule severity, overriding the profile: rule id → off | info | warning | error.',
      ),
    claimBases: z
      .array(z.string().min(1))
      .default([])
      .describe(
        "Extra claim-base files (YAML or JSON), relative to this file: a clinic's approved claims and references.",
      ),
    citationStyle: z
      .enum(['footnote', 'link'])
      .default('footnote')
      .describe('How citation fixes insert a source: a Markdown footnote, or an inline link.'),
    requireSuppressionReason: z
      .boolean()
      .optional()
      .describe(
        'Report inline suppressions that give no reason. Defaults to true in clinic-marketing.',
      ),
    ignore: z
      .array(z.string().min(1))
      .default([])
      .describe('Globs, relative to this file, of drafts never to lint.'),
    maxFileSize: z
      .number()
      .int()
      .positive()
      .default(1_048_576)
      .describe('Files larger than this many bytes are skipped with a message instead of linted.'),
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
