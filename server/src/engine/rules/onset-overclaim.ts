import { isAboutOutcomes } from '../assertion.ts';
import { triggerRule } from './trigger-rule.ts';

/** Instant or guaranteed rapid relief, unscoped onset claims, and the "SSRIs take 4–6 weeks to start" myth. */
export default triggerRule({
  id: 'onset-overclaim',
  defaultSeverity: 'warning',
  summary: 'Instant or guaranteed rapid relief; onset claims without scope.',
  verb: 'overstates how fast it works',
  hedgesAnswer: true,
  onTopic: isAboutOutcomes,
});
