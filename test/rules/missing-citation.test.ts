import { ruleTable } from '../support/rule-table.ts';

ruleTable('missing-citation', {
  invalid: [
    'The FDA approved Spravato in March 2019 for adults with treatment-resistant depression.',
    'Spravato can only be given in a certified treatment centre under a REMS programme.',
    'In the US, ketamine is listed in Schedule III of the Controlled Substances Act.',
    'Auvelity was approved by the FDA in 2022 to treat major depressive disorder in adults.',
    'In ELEKT-D, ketamine did as well as ECT for outpatients with treatment-resistant depression.',
    'Spravato’s label includes a boxed warning about sedation and dissociation.',
    'The FDA approved Spravato as a standalone treatment for treatment-resistant depression in January 2025.',
  ],
  valid: [
    'The FDA approved Spravato in March 2019 for adults with treatment-resistant depression ([FDA](https://www.fda.gov/news-events/press-announcements/fda-approves-new-nasal-spray-medication-treatment-resistant-depression-available-only-certified)).',
    'Auvelity was approved in 2022 for major depressive disorder in adults (Iosifescu et al., 2022).',
    'Our clinic is open Monday to Friday, with evening appointments on Thursdays.',
    'Was Spravato approved for treatment-resistant depression in 2019?',
    'Some blogs say Spravato was approved in 2019 for treatment-resistant depression.',
    'Spravato was approved in 2017 for treatment-resistant depression.',
    'Type `Spravato REMS` into the FDA search box.',
    'Ketamine can cause dissociation and a temporary rise in blood pressure.',
    'Spravato carries a boxed warning for sedation and dissociation [^1].',
  ],
});
