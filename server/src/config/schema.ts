/**
 * The project configuration (`.overclaimrc.json` / `.overclaimrc.yaml`), shared by the CLI,
 * the language server and the editor. The JSON Schema for editors is generated from this.
 */
import * as z from 'zod';
import { ruleIds } from '../engine/rule-ids.ts';
import { lazily } from '../lazily.ts';

export const profiles = ['blog', 'clinic-marketing', 'editorial'] as const;
export type Profile = (typeof profiles)[number];

export const ruleSettings = ['off', 'info', 'warning', 'error'] as const;

function buildSchemas() {
  const ruleSetting = z.enum(ruleSettings);
  const config = z
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
        .describe(
          'Files larger than this many bytes are skipped with a message instead of linted.',
        ),
    })
    .strict();

  /** What a document's front matter may set under `overclaim:`. */
  const frontMatter = z
    .object({
      profile: z.enum(profiles).optional(),
      disable: z.array(z.enum(ruleIds)).default([]),
      rules: z.partialRecord(z.enum(ruleIds), ruleSetting).default({}),
    })
    .strict();
  return { config, frontMatter };
}

const schemas = lazily(buildSchemas);
/** The project configuration's schema (made on first use: see lazily.ts). */
export const configSchema = () => schemas().config;
export const frontMatterSchema = () => schemas().frontMatter;

type Schemas = ReturnType<typeof buildSchemas>;
export type Config = z.infer<Schemas['config']>;
export type ConfigInput = z.input<Schemas['config']>;
export type FrontMatterConfig = z.infer<Schemas['frontMatter']>;

/** `configSchema().parse({})`, written out so a lint needs no schema (a unit test keeps them equal). */
export const defaultConfig: Config = {
  profile: 'blog',
  rules: {},
  claimBases: [],
  citationStyle: 'footnote',
  ignore: [],
  maxFileSize: 1_048_576,
};
