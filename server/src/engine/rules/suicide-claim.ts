import { isAboutOutcomes } from '../assertion.ts';
import { triggerRule } from './trigger-rule.ts';

/** "Prevents suicide", "eliminates suicidal thoughts": not shown even for esketamine's suicidal-ideation indication. */
export default triggerRule({
  id: 'suicide-claim',
  defaultSeverity: 'error',
  summary:
    'Prevents suicide or eliminates suicidal thoughts (not demonstrated, even for esketamine).',
  verb: 'claims a suicide benefit',
  hedgesAnswer: true,
  onTopic: isAboutOutcomes,
});
