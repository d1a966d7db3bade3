import { isAboutTreatment } from '../assertion.ts';
import { triggerRule } from './trigger-rule.ts';

/** Preclinical mechanism stated as an established effect in patients. */
export default triggerRule({
  id: 'mechanism-as-fact',
  defaultSeverity: 'warning',
  summary:
    'Preclinical mechanism stated as established fact in patients ("rewires your brain", "repairs synapses").',
  verb: 'states a mechanism as proven in patients',
  hedgesAnswer: true,
  onTopic: isAboutTreatment,
});
