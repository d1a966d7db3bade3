import { ruleTable } from '../support/rule-table.ts';

ruleTable('approval-status', {
  invalid: [
    'We offer FDA-approved ketamine infusions for depression.',
    'Ketamine is approved for PTSD in the United States.',
    'Auvelity is approved for treatment-resistant depression.',
    'Psilocybin therapy is now FDA-approved for major depression.',
    'Psilocybin is legal across the United States.',
    'Australia approved psilocybin as a treatment for depression in 2023.',
    'Spravato was approved by the FDA in 2017 for treatment-resistant depression.',
    'Ketamine may be FDA-approved for depression by the time you read this.',
  ],
  valid: [
    'Esketamine nasal spray (Spravato) is FDA-approved for treatment-resistant depression in adults.',
    'Ketamine is FDA-approved as an anesthetic, not as an antidepressant.',
    'Ketamine is not FDA-approved for depression, so infusions for it are off-label.',
    'Auvelity is approved for major depressive disorder in adults.',
    'Psilocybin has breakthrough therapy designation from the FDA.',
    'Authorised psychiatrists in Australia may prescribe psilocybin for treatment-resistant depression.',
    'Is ketamine FDA-approved for depression?',
    'Some clinic websites claim their ketamine is FDA-approved for depression.',
    'Myth: Psilocybin is legal everywhere now.',
    'The FDA approved Spravato in 2019 for treatment-resistant depression.',
  ],
});
