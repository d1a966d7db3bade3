/**
 * Editor settings (`overclaim.*`, read with workspace/configuration). They are the defaults a
 * project's `.overclaimrc.*` file overrides: the shared file is the team's contract, the editor
 * settings are one writer's preferences.
 */
import * as z from 'zod';
import { profiles, ruleSettings } from '../config/schema.ts';
import { ruleIds } from '../engine/rule-ids.ts';

export const editorSettingsSchema = z.object({
  /** Lint documents at all. */
  enable: z.boolean().catch(true).default(true),
  profile: z.enum(profiles).optional().catch(undefined),
  rules: z.partialRecord(z.enum(ruleIds), z.enum(ruleSettings)).catch({}).default({}),
  citationStyle: z.enum(['footnote', 'link']).optional().catch(undefined),
  /** Documents larger than this (in UTF-16 code units) are skipped with a message. */
  maxDocumentSize: z.number().int().positive().catch(4_000_000).default(4_000_000),
});

export type EditorSettings = z.infer<typeof editorSettingsSchema>;

export const defaultEditorSettings: EditorSettings = editorSettingsSchema.parse({});

/** Settings arrive as any JSON; a wrong value falls back to its default instead of failing. */
export function readEditorSettings(raw: unknown): EditorSettings {
  const result = editorSettingsSchema.safeParse(raw ?? {});
  return result.success ? result.data : defaultEditorSettings;
}
