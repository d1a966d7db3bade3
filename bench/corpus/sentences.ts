/**
 * Sentence templates for the benchmark corpus, written for it. Slots in braces are filled from
 * the word lists below. The mix matters more than the wording: most of a real draft is plain
 * prose, some of it is careful claims, and a few sentences are overclaims a linter should flag.
 */

export const slots: Record<string, readonly string[]> = {
  treatment: [
    'ketamine',
    'esketamine',
    'IV ketamine',
    'ketamine infusion therapy',
    'Spravato',
    'ketamine-assisted psychotherapy',
  ],
  route: ['oral ketamine', 'sublingual ketamine', 'ketamine troches', 'at-home ketamine'],
  condition: [
    'depression',
    'treatment-resistant depression',
    'major depressive disorder',
    'low mood',
    'bipolar depression',
  ],
  person: ['Maya', 'Jonah', 'Priya', 'Tomás', 'Ellen', 'Sam', 'Aisha', 'Ruth'],
  weeks: ['two', 'three', 'four', 'six', 'eight'],
  count: ['three', 'four', 'five', 'six', 'eight'],
  percent: ['64%', '70%', '78%', '85%', '90%'],
  year: ['2019', '2021', '2022', '2023', '2024'],
  place: ['Portland', 'Leeds', 'Austin', 'Dublin', 'Denver', 'Adelaide'],
};

/** Ordinary prose: logistics, stories, reflections. Most of every post. */
export const plainSentences: readonly string[] = [
  'Most people who look into {treatment} start by reading about it late at night.',
  'The first appointment is usually an unhurried conversation about your history.',
  'Bring a list of every medicine you take, including vitamins and supplements.',
  'Arrange for someone to drive you home, because you should not drive that day.',
  'Several readers wrote to us after the last post with careful, thoughtful questions.',
  'We update this page whenever a new study or a label change comes out.',
  'Insurance coverage differs a great deal, so call your plan before you book anything.',
  'The room is quiet, the chairs recline, and the nurse explains each step as it happens.',
  'Sleep, movement and regular meals still matter while you are in treatment.',
  'A plain notebook is enough to track your mood from one week to the next.',
  'Friends can help by asking how the week went rather than how you feel.',
  'The cost depends on the setting, the number of sessions and the city you live in.',
  'Your prescriber reviews how you responded before planning any further sessions.',
  'Some people write their questions down on the way to each visit.',
  'A short walk afterwards helps many people settle back into the day.',
  '{person} moved to {place} in {year} and spent the first winter mostly indoors.',
  '{person} kept a diary during the first {weeks} weeks and shared parts of it with us.',
  'When {person} first called the clinic, the hardest part was saying the word out loud.',
  'The waiting list in {place} was {weeks} weeks long when we checked last spring.',
  'We asked {count} clinicians what they wish patients knew before the first visit.',
  'None of them mentioned the medicine first; all of them mentioned follow-up.',
  'There is no single right way to talk about a hard year.',
  'This section is longer than the others because the questions keep coming.',
  'If the page feels like a lot, skip to the checklist at the end.',
  'Clinics usually send a short questionnaire to fill in before the first session.',
  'Blood pressure is checked before, during and after each appointment.',
  'Most sessions last about forty minutes, followed by time to rest.',
  'It is normal to feel unsure about whether a new approach is worth trying.',
  'Keep your regular appointments with your therapist during this period.',
  'We changed the names and a few details to protect the people in these stories.',
  'The photographs in this article were taken with permission.',
  'A reader in {place} asked whether the clinic would talk to her family doctor.',
  'That is a reasonable request, and most clinics are happy to do it.',
  'Write down what you hope will change, in your own words, before you start.',
  'Some weeks will feel better than others, and that is worth noting too.',
  'The staff at one clinic keep a pot of tea going all afternoon.',
  'Parking can be tight near the hospital, so leave a little early.',
  'We will come back to the question of cost later in the series.',
];

/** Careful claims: hedged, scoped, attributed or cited. A linter should leave them alone. */
export const carefulSentences: readonly string[] = [
  'In clinical trials, esketamine added to an oral antidepressant improved symptoms for some adults with treatment-resistant depression.',
  'Ketamine may ease depressive symptoms within a day for some people, although the effect often fades within a week or two.',
  'The evidence for {route} is limited, and larger controlled trials are still needed.',
  'Side effects can include dissociation, raised blood pressure, nausea and dizziness.',
  'Talk to your clinician before starting or stopping any treatment.',
  'This article is for general information and is not medical advice.',
  'Researchers are still working out how ketamine affects mood.',
  'Results vary from person to person, and not everyone responds.',
  'Spravato nasal spray was approved by the FDA in 2019 for adults with treatment-resistant depression.',
  'Some clinics claim that ketamine cures depression, but no trial has shown a cure.',
  'Is ketamine a cure? No: the studies measure response and remission, not cures.',
  'Relapse after a course of infusions is common, so ask how a clinic plans follow-up care.',
  'Ketamine is not approved by the FDA as a treatment for depression; clinics use it off label.',
  'A few small studies suggest that repeated infusions might help some patients for longer.',
  'The label for esketamine requires monitoring for at least two hours after each dose.',
  'For some people with {condition}, the benefit of {treatment} may be modest.',
  'Ketamine can be misused, and clinics screen for a history of substance use.',
  'If you are in crisis, contact a local emergency number or a crisis line right away.',
];

/** Overclaims of the kinds the rules target, in blog and clinic-marketing voice. */
export const overclaimSentences: readonly string[] = [
  'Ketamine cures depression for good.',
  '{treatment} works for everyone, even when nothing else has.',
  'Ketamine has no side effects.',
  '{route} works just as well as an infusion for {condition}.',
  'Ketamine is FDA-approved for depression.',
  'Ketamine rewires the brain and repairs damaged synapses.',
  'Studies prove that ketamine is a miracle treatment.',
  'You will feel instant relief after the very first session.',
  'Ketamine eliminates suicidal thoughts.',
  '{percent} of our patients are depression-free after {count} infusions.',
  'Ketamine is completely safe and non-addictive.',
  'Our protocol offers permanent relief from {condition}.',
  'Antidepressants take six weeks to work, but ketamine works within hours.',
  'Ketamine is a clinically proven breakthrough for {condition}.',
];

export const headings: readonly string[] = [
  'What the first visit looks like',
  'Questions to ask before you book',
  'What the research says',
  'Side effects and safety',
  'Cost and insurance',
  'What happens after the course',
  'Stories from readers',
  'How {treatment} is given',
  'A note on {route}',
  'Living with {condition}',
  'Checklist',
  'Further reading',
];

export const listItems: readonly string[] = [
  'a list of current medicines',
  'your therapist’s contact details',
  'someone to drive you home',
  'questions about follow-up care',
  'a plan for the rest of the day',
  'the clinic’s cancellation policy',
  'what monitoring the clinic provides',
  'how the clinic handles a bad reaction',
  '{treatment} costs per session in {place}',
  'whether {route} is offered, and why',
];

export const links: readonly { text: string; url: string }[] = [
  { text: 'the FDA’s Spravato page', url: 'https://www.fda.gov/drugs/spravato' },
  { text: 'a 2023 trial', url: 'https://www.nejm.org/doi/full/10.1056/NEJMoa2302399' },
  { text: 'our earlier post', url: '/blog/first-visit/' },
  { text: 'the clinic directory', url: 'https://example.org/clinics' },
  { text: 'a review in The Lancet Psychiatry', url: 'https://www.thelancet.com/journals/lanpsy' },
  { text: 'the NICE guidance', url: 'https://www.nice.org.uk/guidance/ng222' },
];

export const codeSpans: readonly string[] = [
  'dose_mg',
  'session.length',
  'PHQ-9',
  'MADRS',
  '--infusion-rate',
];

export const editorComments: readonly string[] = [
  '<!-- TODO: check this figure with the clinic -->',
  '<!-- editor: cut this section if the post runs long -->',
  '<!-- image: waiting-room.jpg, alt text pending -->',
];

export const quotes: readonly string[] = [
  'I did not expect to cry in the car park, but I did, and it helped.',
  'The nurse kept asking if I was comfortable, and I was.',
  'It was not magic. It was a start.',
];
