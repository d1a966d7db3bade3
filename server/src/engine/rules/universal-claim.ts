import { isAboutTreatment } from '../assertion.ts';
import { triggerRule } from './trigger-rule.ts';

/** "Works for everyone", "all patients", "when nothing else works" as a universal. */
export default triggerRule({
  id: 'universal-claim',
  defaultSeverity: 'warning',
  summary: 'Works for everyone, always, all patients, or "when nothing else works" as a universal.',
  verb: 'claims it works for everyone',
  hedgesAnswer: true,
  onTopic: isAboutTreatment,
});
