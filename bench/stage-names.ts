/** The stages `bench/stage-runner.ts` runs up to, in order; each includes the ones before. */
export const STAGES = ['prose', 'split', 'tokens', 'scan', 'analyse', 'rules'] as const;
export type Stage = (typeof STAGES)[number];
