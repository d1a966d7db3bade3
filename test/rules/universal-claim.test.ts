import { ruleTable } from '../support/rule-table.ts';

ruleTable('universal-claim', {
  invalid: [
    'Ketamine therapy works for everybody, no matter how long they have been depressed.',
    'All patients respond to our infusion protocol.',
    'Every patient who walks through our door improves after esketamine.',
    'Esketamine always works, even after years of failed treatment.',
    'Our ketamine protocol never fails.',
    'Ketamine works when nothing else does.',
    'We believe ketamine works for anyone willing to try it.',
  ],
  valid: [
    'Ketamine doesn’t work for everyone, and some people feel no change at all.',
    'Many people with long-standing depression improve after a course of infusions.',
    'Some patients respond to esketamine when other treatments have not.',
    'Ketamine may help when other treatments have not worked.',
    'Does ketamine work for everyone?',
    'Some clinics claim their infusions work for everyone, which no trial supports.',
    'Myth: Ketamine works for everybody.',
    'Type `works for everyone` into the search box to find the offending adverts.',
    'The advert said ketamine "works for everyone" and was pulled.',
    'Headlines promising that ketamine “never fails” do readers a disservice.',
  ],
});
