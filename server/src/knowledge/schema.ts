/**
 * The shape of the claim base: sources, claims, lexicon and rule triggers.
 * Shipped data in `knowledge/` and a clinic's own claim-base files are both checked
 * against these schemas, so a user file can never carry anything the engine cannot read.
 */
import * as z from 'zod';
import { lazily } from '../lazily.ts';

export const sourceTypes = [
  'label',
  'regulator',
  'rct',
  'meta-analysis',
  'review',
  'observational',
  'preclinical',
  'news',
  'marketing',
] as const;

export const seedVerdicts = ['supported', 'overstated', 'unsupported', 'contradicted'] as const;

export const evidenceLevels = [
  'regulatory',
  'rct',
  'emerging',
  'mechanistic',
  'unsupported',
  'false',
] as const;

export const claimTopics = [
  'regulatory',
  'efficacy',
  'durability',
  'onset',
  'safety',
  'mechanism',
  'epidemiology',
  'advertising',
] as const;

export const lexiconCategories = [
  'treatments',
  'routes',
  'conditions',
  'effects',
  'boosters',
  'hedges',
  'negations',
  'attributions',
  'distancing',
  'risks',
  'disclaimers',
  'evidence-caveats',
  'study-scope',
  'anaphora',
  'citation-hosts',
  'approvals',
  'jurisdictions',
  'commerce',
  'comparisons',
] as const;
export type LexiconCategory = (typeof lexiconCategories)[number];

function buildSchemas() {
  const id = z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are kebab-case: lowercase letters, digits and hyphens');

  /** YYYY-MM or YYYY-MM-DD. */
  const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dates are YYYY-MM or YYYY-MM-DD');

  /**
   * A phrase pattern: words separated by spaces; `a|b` offers alternatives for one word,
   * a trailing `?` makes a word optional and `*` stands for any one word. Hyphens split words,
   * so `side-effect` and `side effect` are the same pattern. Patterns are compiled to a
   * token automaton, never to a regular expression, so user data cannot cause backtracking.
   */
  const phrase = z
    .string()
    .min(1)
    .max(200)
    .refine((p) => p.trim().split(/\s+/).length <= 12, 'a phrase has at most 12 words');



  /**
   * One statement of a seed document and the base's judgement of it: `supported` (the base agrees
   * at this strength), `overstated` (a real finding stated more strongly or widely than the evidence
   * allows), `unsupported` (no evidence found for it) or `contradicted` (better evidence says otherwise).
   */
  const seedStatementSchema = z
    .object({
      /** A short exact excerpt, enough to find the statement in the document. */
      quote: z.string().min(8).max(240),
      verdict: z.enum(seedVerdicts),
      /** The claim that answers the statement. */
      claim: id,
      /** Why, in a few words, when the claim alone does not make it obvious. */
      note: z.string().optional(),
    })
    .strict();

  const sourceSchema = z
    .object({
      id,
      type: z.enum(sourceTypes),
      /** "Surname AB, et al." or an organisation. */
      authors: z.string().min(1),
      title: z.string().min(1),
      /** Journal, regulator or site. */
      venue: z.string().min(1),
      year: z.number().int().min(1900).max(2100),
      /** Volume(issue):pages or article number, when known. */
      locator: z.string().optional(),
      doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI starts with 10.').optional(),
      pmid: z.string().regex(/^\d{5,9}$/).optional(),
      url: z.url().optional(),
      /** False when a bibliographic detail could not be confirmed; `notes` says which. */
      verified: z.boolean(),
      notes: z.string().optional(),
      /** Present for the seed documents the base was built from. */
      seed: z
        .object({
          file: z.string().min(1),
          role: z.enum(['evidence', 'overclaim-example']),
          contributes: z.string().min(1),
          /** The document's notable statements and how the base judges each. */
          statements: z.array(seedStatementSchema).default([]),
        })
        .strict()
        .optional(),
    })
    .strict();



  const claimSchema = z
    .object({
      id,
      topic: z.enum(claimTopics),
      /** The strongest statement the evidence supports, in the project's own words. */
      statement: z.string().min(20),
      evidence: z.enum(evidenceLevels),
      /** False when the claim rests on a detail the team could not verify; it is then never cited as established. */
      verified: z.boolean(),
      certainty: z.string().optional(),
      scope: z
        .object({
          agents: z.array(id).optional(),
          routes: z.array(id).optional(),
          dose: z.string().optional(),
          population: z.string().optional(),
          setting: z.string().optional(),
          /** Condition ids (lexicon `conditions`) the claim is about. */
          conditions: z.array(id).optional(),
          jurisdictions: z.array(z.enum(['US', 'AU', 'NZ', 'EU', 'UK', 'global'])).optional(),
          /** When the statement was last checked against its sources. Required for regulatory claims. */
          asOf: isoDate.optional(),
        })
        .strict()
        .default({}),
      /** When a fast-moving claim should be checked again. */
      reviewBy: isoDate.optional(),
      /** Dated changes behind the statement (an approval, a label update), oldest first. */
      history: z
        .array(
          z
            .object({
              /** YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the sources confirm. */
              date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD'),
              change: z.string().min(10),
            })
            .strict(),
        )
        .default([]),
      sources: z.array(id).min(1, 'every claim needs at least one source'),
      /** Short caveat sentences a writer can paste next to the claim. */
      caveats: z.array(z.string().min(10)).default([]),
      /** A wording of the claim that the evidence supports, offered as a rewrite. */
      saferWording: z.string().min(10).optional(),
      /** The overclaims this claim answers, in words (for the hover and the docs). */
      answers: z.array(z.string()).default([]),
      /** Sentences about this claim that `missing-citation` should ask a source for. */
      recognise: z
        .object({
          agents: z.array(id).min(1),
          /** Every group must match somewhere in the sentence. */
          allOf: z.array(z.array(phrase).min(1)).min(1),
        })
        .strict()
        .optional(),
      /** Approvals and their dates, used by `approval-status`. */
      approval: z
        .object({
          agent: id,
          jurisdiction: z.enum(['US', 'AU', 'NZ', 'EU', 'UK']),
          status: z.enum(['approved', 'not-approved', 'restricted-access']),
          /** Condition ids the approval covers (empty when not approved). */
          conditions: z.array(id).default([]),
          /** Year of the approval, when approved. */
          year: z.number().int().optional(),
        })
        .strict()
        .optional(),
      /** A figure the claim base knows, used by `unsupported-statistic` to spot contradictions. */
      figure: z
        .object({
          /** Words that say the sentence is about this figure (every group must match). */
          about: z.array(z.array(phrase).min(1)).min(1),
          /** Plausible percentage range. */
          min: z.number().min(0).max(100),
          max: z.number().min(0).max(100),
        })
        .strict()
        .optional(),
    })
    .strict();

  /** A lexicon term: an id plus the phrases that name it. */
  const termSchema = z
    .object({
      id,
      phrases: z.array(phrase).min(1),
      /** Treatments only: which family the term belongs to (esketamine is not racemic ketamine). */
      family: id.optional(),
      /** Treatments only: a usual-care comparator (SSRIs, ECT) that fair balance does not ask risks for. */
      comparator: z.boolean().optional(),
    })
    .strict();


  const lexiconFileSchema = z
    .object({
      category: z.enum(lexiconCategories),
      description: z.string().min(1),
      terms: z.array(termSchema).min(1),
    })
    .strict();

  const triggerSchema = z
    .object({
      /** Any of these phrases is this overclaim. */
      phrases: z.array(phrase).min(1),
      /** The claim that answers this overclaim. */
      claim: id,
      /** Phrases that, when they overlap the match, mean it is not this overclaim. */
      except: z.array(phrase).default([]),
      /** A milder wording for exactly the matched words; offered as a safe fix only when `safe`. */
      replace: z.string().optional(),
      safe: z.boolean().default(false),
      /** For evidence appeals ("studies show"): a citation in the sentence answers it. */
      citationAnswers: z.boolean().default(false),
      /** Overrides the rule's default: whether a hedge ("may", "some patients") answers this trigger. */
      hedgesAnswer: z.boolean().optional(),
      /** A route or a study scope in the sentence ("in trials", "IV") answers this trigger. */
      scopeAnswers: z.boolean().default(false),
      /** Words that must also appear in the sentence (every group must match). */
      requires: z.array(z.array(phrase).min(1)).default([]),
      /** Short explanation shown in the message. */
      why: z.string().min(10),
    })
    .strict();

  const triggerFileSchema = z
    .object({
      rule: id,
      triggers: z.array(triggerSchema).min(1),
    })
    .strict();

  const claimFileSchema = z.object({ claims: z.array(claimSchema) }).strict();
  const sourceFileSchema = z.object({ sources: z.array(sourceSchema) }).strict();


  /** A user's own claim-base file: approved claims and references, same rules as the shipped ones. */
  const userClaimBaseSchema = z
    .object({
      sources: z.array(sourceSchema).default([]),
      claims: z.array(claimSchema).default([]),
    })
    .strict();
  return { phrase, seedStatementSchema, sourceSchema, claimSchema, termSchema, lexiconFileSchema, triggerSchema, triggerFileSchema, claimFileSchema, sourceFileSchema, userClaimBaseSchema };
}

/** Every schema of the claim base, made on first use (see lazily.ts). */
export const knowledgeSchemas = lazily(buildSchemas);
type Schemas = ReturnType<typeof buildSchemas>;

export type Source = z.infer<Schemas['sourceSchema']>;
export type SeedStatement = z.infer<Schemas['seedStatementSchema']>;
export type Claim = z.infer<Schemas['claimSchema']>;
export type Term = z.infer<Schemas['termSchema']>;
export type Trigger = z.infer<Schemas['triggerSchema']>;
export type LexiconFile = z.infer<Schemas['lexiconFileSchema']>;
export type TriggerFile = z.infer<Schemas['triggerFileSchema']>;
