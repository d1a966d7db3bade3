import { ruleTable } from '../support/rule-table.ts';

ruleTable('cure-claim', {
  invalid: [
    'Three ketamine sessions cured my brother’s depression, and they can cure yours too.',
    '## A Cure for Depression Is Finally Here',
    'Our infusion protocol heals depression at its source.',
    'Patients who finish the full programme enjoy permanent results.',
    'Spravato may cure your depression after everything else has let you down.',
    'Book today and end your depression forever.',
    '- Guaranteed results with every ketamine package',
    'We believe psilocybin cures depression.',
  ],
  valid: [
    'Ketamine is not a cure, though it can ease symptoms for some people.',
    'No medication cures depression outright, but remission is a realistic goal.',
    'Does ketamine cure depression?',
    'Some clinics claim that ketamine cures depression, but the evidence does not support that.',
    'Myth: One infusion cures depression for life.',
    'The headline called it “a cure for depression”, which overstated the study.',
    'Search the forum for `ketamine cures depression` to see how often the phrase appears.',
    'Many people who respond to treatment reach remission, and relief of symptoms can last for months.',
    'The claim that ketamine is a permanent cure is false.',
    'Critics say the clinic’s adverts promise permanent relief that no study has shown.',
  ],
});
