import { ruleTable } from '../support/rule-table.ts';

ruleTable('onset-overclaim', {
  invalid: [
    'Ketamine delivers instant relief from depression.',
    'Patients feel better within minutes of their first ketamine infusion.',
    'Your depression lifts overnight after a single esketamine session.',
    'Esketamine works right away, unlike tablets.',
    'SSRIs take four to six weeks to begin working.',
    'Ketamine works within hours.',
    'Antidepressant tablets do nothing for weeks.',
    'We believe ketamine lifts depression immediately.',
  ],
  valid: [
    'In trials, IV ketamine reduced symptoms within hours to a day in many patients.',
    'Some people notice changes within hours of a ketamine infusion.',
    'The full effect of SSRIs can take several weeks.',
    'Ketamine does not bring instant relief.',
    'Does ketamine work immediately?',
    'Some clinics promise instant relief from ketamine, which trials don’t support.',
    'Myth: Ketamine works overnight.',
    'The advert’s tagline, “relief within minutes”, was removed after complaints.',
    'Esketamine may ease symptoms within a day for some patients.',
    'Read [our onset guide](https://example.com/ketamine-instant-relief) before booking.',
  ],
});
