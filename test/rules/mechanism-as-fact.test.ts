import { ruleTable } from '../support/rule-table.ts';

ruleTable('mechanism-as-fact', {
  invalid: [
    'Ketamine rewires your brain so that negative thoughts lose their grip.',
    'Each infusion repairs damaged synapses in the prefrontal cortex.',
    'Psilocybin resets the brain and breaks old patterns of thinking.',
    'Our ketamine treatment addresses the root cause of depression instead of masking symptoms.',
    'Ketamine regrows brain cells lost to chronic stress.',
    'Esketamine restores the brain’s balance of glutamate.',
    'We believe ketamine heals the brain after years of depression.',
    'Ketamine jump-starts neuroplasticity in people with depression.',
  ],
  valid: [
    'In rodent studies, ketamine grew new synaptic connections within a day.',
    'Researchers think ketamine may promote the growth of new connections between neurons.',
    'Ketamine does not rewire your brain in any simple sense.',
    'Does ketamine really rewire the brain?',
    'Some clinics say ketamine repairs damaged synapses, but this has not been shown in people.',
    'Myth: Psilocybin resets the brain.',
    'Pop-science articles love the phrase “rewires your brain”.',
    'Ketamine blocks NMDA receptors, which are involved in glutamate signalling.',
    'Early research suggests ketamine might help restore connections between neurons.',
    '<!-- TODO: ketamine rewires your brain -->',
  ],
});
