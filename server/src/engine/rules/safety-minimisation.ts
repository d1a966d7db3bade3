import { isAboutTreatment } from '../assertion.ts';
import { triggerRule } from './trigger-rule.ts';

/** "No side effects", "completely safe", "non-addictive": hedging does not make them true. */
export default triggerRule({
  id: 'safety-minimisation',
  defaultSeverity: 'error',
  summary: '"No side effects", "completely safe", "non-addictive", "no risk", "no withdrawal".',
  verb: 'minimises the risks',
  hedgesAnswer: false,
  onTopic: isAboutTreatment,
});
