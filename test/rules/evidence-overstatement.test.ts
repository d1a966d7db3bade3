import { ruleTable } from '../support/rule-table.ts';

ruleTable('evidence-overstatement', {
  invalid: [
    'Ketamine is clinically proven to lift depression.',
    'Studies prove that psilocybin outperforms antidepressants.',
    'Esketamine is a revolutionary treatment for depression.',
    'Research shows ketamine works for depression that hasn’t responded to other drugs.',
    'Ketamine is a miracle for people who have tried everything.',
    'There is overwhelming evidence that ketamine relieves depression.',
    'Every study shows the same strong results for ketamine.',
    'We believe ketamine is a game-changer for depression care.',
  ],
  valid: [
    'Ketamine has not been proven to keep depression away long-term.',
    'Psilocybin received Breakthrough Therapy designation from the FDA for treatment-resistant depression.',
    'Research shows that IV ketamine can reduce depressive symptoms within a day (Zarate et al., 2006).',
    'Studies show modest benefits for esketamine over placebo ([review](https://pubmed.ncbi.nlm.nih.gov/31109201/)).',
    'Is ketamine clinically proven to work?',
    'According to one clinic’s advert, ketamine is a revolutionary therapy.',
    'Myth: Science proves ketamine works for depression.',
    'Headlines described the trial as a “breakthrough”, but the effect was small.',
    'Search for `clinically proven` in your drafts before publishing.',
    'The evidence for ketamine in depression comes mostly from short trials.',
  ],
});
