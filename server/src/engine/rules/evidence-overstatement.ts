import { isAboutOutcomes } from '../assertion.ts';
import { triggerRule } from './trigger-rule.ts';

/** "Clinically proven", "studies prove", "breakthrough" for evidence that is modest or emerging. */
export default triggerRule({
  id: 'evidence-overstatement',
  defaultSeverity: 'warning',
  summary:
    '"Clinically proven", "studies prove", "breakthrough" for evidence the claim base rates weaker.',
  verb: 'overstates the evidence',
  hedgesAnswer: true,
  onTopic: isAboutOutcomes,
});
