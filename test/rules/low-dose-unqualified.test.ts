import { ruleTable } from '../support/rule-table.ts';

ruleTable('low-dose-unqualified', {
  invalid: [
    'Sublingual ketamine works just as well as infusions, at a fraction of the cost.',
    'Our compounded ketamine troches relieve depression from the comfort of your sofa.',
    'Oral ketamine is an effective treatment for treatment-resistant depression.',
    'At-home ketamine lozenges are as effective as IV ketamine.',
    'Microdosing ketamine helps lift stubborn low mood.',
    'Low-dose oral ketamine treats anxiety and depression at home.',
    'We believe at-home ketamine works for depression.',
  ],
  valid: [
    'Oral ketamine may help some people, but the evidence comes mostly from small studies.',
    'Sublingual ketamine relieved symptoms in a few trials, though evidence is limited.',
    'Compounded ketamine troches can ease symptoms for some people; they are not FDA-approved and most research used IV ketamine.',
    'Oral ketamine relieves low mood. The evidence for this comes mostly from small studies.',
    'A low-dose IV infusion of ketamine can ease depression in adults who have not responded to tablets.',
    'Intranasal esketamine is effective for treatment-resistant depression in adults.',
    'Oral ketamine has not been shown to be as effective as IV ketamine.',
    'Do ketamine lozenges work for depression?',
    'According to one telehealth site, sublingual ketamine works as well as infusions.',
    'Myth: Microdosing ketamine is as effective as IV treatment.',
  ],
});
