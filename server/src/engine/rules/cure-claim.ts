import { isAboutOutcomes } from '../assertion.ts';
import { triggerRule } from './trigger-rule.ts';

/** Cure, healing, permanent or guaranteed results for a depression treatment. Hedges do not help: "may cure" still promises a cure. */
export default triggerRule({
  id: 'cure-claim',
  defaultSeverity: 'error',
  summary: 'Cure, heal, permanent or guaranteed-result language about a depression treatment.',
  verb: 'promises a cure',
  hedgesAnswer: false,
  onTopic: isAboutOutcomes,
});
