import { ruleTable } from '../support/rule-table.ts';

ruleTable('safety-minimisation', {
  invalid: [
    'Our ketamine infusions have no side effects worth mentioning.',
    'Sublingual ketamine is completely safe to take at home.',
    'Esketamine is non-addictive, unlike many anxiety medicines.',
    'Ketamine therapy is a risk-free option for treatment-resistant depression.',
    'Stopping ketamine causes no withdrawal.',
    'Psilocybin is harmless when taken in a clinic.',
    'Ketamine may have no side effects for you.',
    'Our IV ketamine treatment is safe and effective.',
  ],
  valid: [
    'No treatment is risk-free, and ketamine is no exception.',
    'Ketamine is not side-effect free: nausea and dissociation are common.',
    'Side effects usually pass within two hours of the infusion.',
    'Is ketamine completely safe?',
    'Some online sellers claim their lozenges have no side effects.',
    'Myth: Ketamine is not addictive.',
    'The advert’s promise of a “completely safe” treatment was withdrawn.',
    'Ketamine can be misused, so clinics must store it securely.',
    'Run `grep -i risk-free` on the drafts folder before publishing.',
    'Esketamine is not risk-free, and patients are monitored for two hours after each dose.',
  ],
});
