import { ruleTable } from '../support/rule-table.ts';

ruleTable('unsupported-statistic', {
  invalid: [
    'Ketamine helps 85% of patients with treatment-resistant depression.',
    '7 in 10 clients feel better after three ketamine infusions.',
    'Nine out of ten patients report less anxiety after esketamine.',
    'About 60% of people with depression never respond to antidepressants.',
    'Treatment-resistant depression affects 70% of people taking antidepressants.',
    'Our ketamine response rate is 92 percent.',
    'Half of patients go into remission after ketamine.',
  ],
  valid: [
    'About 30% of people treated with medication for depression have treatment-resistant depression (Rush et al., 2006).',
    'In one trial, 52% of participants responded to ketamine ([study](https://doi.org/10.1176/appi.ajp.2018.18020138)).',
    'A single ketamine infusion costs $450 at our clinic.',
    'The usual ketamine dose is 0.5 mg/kg given over 40 minutes.',
    'Esketamine was approved in 2019 after several phase 3 trials.',
    'Patients are observed for 2 hours after each esketamine dose.',
    'Do 70% of patients really respond to ketamine?',
    'Some clinics claim that 90% of their patients recover.',
    'Myth: 95% of people respond to ketamine.',
    'Set `threshold: 80%` in the config file.',
  ],
});
