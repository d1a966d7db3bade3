import { ruleTable } from '../support/rule-table.ts';

ruleTable('suicide-claim', {
  invalid: [
    'Ketamine prevents suicide in people with severe depression.',
    'Our infusions stop suicidal thoughts after the first session.',
    'Esketamine eliminates suicidal ideation.',
    'Ketamine is the anti-suicide treatment psychiatry has waited for.',
    'A course of ketamine will make you suicide-proof.',
    'Ketamine ends suicidal thoughts for good.',
    'We believe ketamine prevents suicide.',
  ],
  valid: [
    'Ketamine has not been shown to prevent suicide.',
    'Spravato is approved for depressive symptoms in adults with MDD with acute suicidal ideation or behavior.',
    'Some studies suggest ketamine may reduce suicidal thoughts for a few days.',
    'If you are having thoughts of suicide, call or text 988 to reach the Suicide & Crisis Lifeline.',
    'Can ketamine prevent suicide?',
    'Some clinics claim ketamine stops suicidal thoughts, but the evidence is short-term.',
    'Myth: Ketamine prevents suicide.',
    'The phrase “prevents suicide” should never appear in our adverts.',
    'No treatment has been shown to eliminate suicidal ideation.',
    '```\nKetamine prevents suicide.\n```',
  ],
});
