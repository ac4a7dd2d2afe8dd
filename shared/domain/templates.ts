import type { CopisElement } from './copis';
import type { CopisVariant, LaneKind, NoteColor, TemplateId } from './model';

export interface TemplateLane {
  title: string;
  kind: LaneKind;
  color: NoteColor;
  prompt: string;
}
export interface TemplateStage {
  title: string;
  prompt: string;
}
export interface Template {
  id: TemplateId;
  name: string;
  summary: string;
  copisVariant: CopisVariant;
  stages: TemplateStage[];
  lanes: TemplateLane[];
  /** A guiding question per COPIS element, shown as a hint where the element has no entry yet (never stored as an entry). */
  copisPrompts: Record<CopisElement, string>;
}

const NO_PROMPTS: Record<CopisElement, string> = { c: '', o: '', p: '', i: '', s: '' };
/** What any journey may ask of its COPIS analysis. */
const GENERAL_PROMPTS: Record<CopisElement, string> = {
  c: 'Who is the customer in this journey, and what do they expect at each stage?',
  o: 'What does the business want to reach at each stage?',
  p: 'Which internal steps and hand-overs make each stage happen?',
  i: 'Which information do we have, and which is missing, at each stage?',
  s: 'What will we do about it: which priorities and changes?',
};

const purchaseLanes: TemplateLane[] = [
  { title: 'Customer actions', kind: 'notes', color: 'yellow', prompt: 'What does the customer do here, step by step?' },
  { title: 'Touchpoints', kind: 'touchpoints', color: 'blue', prompt: 'Where do they meet us: which channel, which moment?' },
  { title: 'Emotions', kind: 'emotion', color: 'yellow', prompt: 'How do they feel, from −2 (angry) to +2 (delighted), and why?' },
  { title: 'Pain points', kind: 'notes', color: 'pink', prompt: 'What gets in their way or annoys them?' },
  { title: 'Opportunities', kind: 'notes', color: 'green', prompt: 'What could we do better or differently?' },
];

export const TEMPLATES: Record<TemplateId, Template> = {
  blank: {
    id: 'blank',
    name: 'Blank',
    summary: 'One stage and one lane to start from; shape the map as the workshop goes.',
    copisVariant: 'consumer',
    stages: [{ title: 'Stage 1', prompt: '' }],
    lanes: [{ title: 'Notes', kind: 'notes', color: 'yellow', prompt: '' }],
    copisPrompts: NO_PROMPTS,
  },
  purchase: {
    id: 'purchase',
    name: 'Purchase journey',
    summary: 'From first hearing of the offer to coming back and recommending it.',
    copisVariant: 'consumer',
    stages: [
      { title: 'Awareness', prompt: 'How do customers first learn that we exist?' },
      { title: 'Consideration', prompt: 'How do they compare us with the alternatives?' },
      { title: 'Purchase', prompt: 'What happens when they decide and pay?' },
      { title: 'Post-purchase', prompt: 'What happens after the sale: delivery, first use, support?' },
      { title: 'Loyalty', prompt: 'What makes them come back and recommend us?' },
    ],
    lanes: purchaseLanes,
    copisPrompts: GENERAL_PROMPTS,
  },
  referral: {
    id: 'referral',
    name: 'Referral journey',
    summary: 'From a good experience to telling others about it: the path that ends in referral and advocacy.',
    copisVariant: 'consumer',
    stages: [
      { title: 'Experience', prompt: 'Which moment makes the customer glad they chose us?' },
      { title: 'Satisfaction', prompt: 'How do we know they are satisfied, and do they know it themselves?' },
      { title: 'Invitation to refer', prompt: 'When and how do we ask them to recommend us?' },
      { title: 'Referral', prompt: 'What do they do to pass us on, and what gets in the way?' },
      { title: 'Friend joins', prompt: 'What happens to the person they referred, from first contact on?' },
      { title: 'Advocacy', prompt: 'What turns a one-off referral into speaking up for us again and again?' },
    ],
    lanes: [
      { title: 'Customer actions', kind: 'notes', color: 'yellow', prompt: 'What does the customer do here?' },
      { title: 'Touchpoints', kind: 'touchpoints', color: 'blue', prompt: 'Where does the referral travel: link, code, word of mouth, social?' },
      { title: 'Emotions', kind: 'emotion', color: 'yellow', prompt: 'How proud or hesitant do they feel about recommending us?' },
      { title: 'Motivations', kind: 'notes', color: 'green', prompt: 'Why would they recommend us: reward, pride, helping a friend?' },
      { title: 'Pain points', kind: 'notes', color: 'pink', prompt: 'What makes referring awkward or not worth it?' },
    ],
    copisPrompts: {
      c: 'Who refers, and who is referred? What does each of them expect?',
      o: 'How many referrals, and how many of them converting, do we aim for?',
      p: 'How does a referral flow from the invitation to the friend’s first purchase?',
      i: 'Which referral data do we track, and which are we missing?',
      s: 'Which rewards, timing and messages will make referring natural?',
    },
  },
  support: {
    id: 'support',
    name: 'Post-purchase support journey',
    summary: 'After the sale: onboarding, a problem, contacting support, its resolution and the follow-up.',
    copisVariant: 'customer',
    stages: [
      { title: 'Purchase', prompt: 'What did the customer buy, and what did they expect to happen next?' },
      { title: 'Onboarding', prompt: 'How do they get started, and who helps them?' },
      { title: 'Problem', prompt: 'What goes wrong, and how do they notice?' },
      { title: 'Contact support', prompt: 'How do they reach us, and how long does it take?' },
      { title: 'Resolution', prompt: 'How is the problem solved, and how do they know it is?' },
      { title: 'Follow-up', prompt: 'Do we come back to them afterwards, and what do we learn?' },
    ],
    lanes: [
      { title: 'Customer actions', kind: 'notes', color: 'yellow', prompt: 'What does the customer do here?' },
      { title: 'Touchpoints', kind: 'touchpoints', color: 'blue', prompt: 'Which channel: help pages, chat, phone, email, a visit?' },
      { title: 'Emotions', kind: 'emotion', color: 'yellow', prompt: 'How frustrated or relieved do they feel, and why?' },
      { title: 'Backstage processes', kind: 'notes', color: 'grey', prompt: 'What happens inside the organisation that the customer does not see?' },
      { title: 'Pain points', kind: 'notes', color: 'pink', prompt: 'Where do they wait, repeat themselves or give up?' },
      { title: 'Opportunities', kind: 'notes', color: 'green', prompt: 'What would prevent the problem or solve it faster?' },
    ],
    copisPrompts: {
      c: 'Who needs help after buying, and in which situation?',
      o: 'Which response and resolution times, and which satisfaction, do we aim for?',
      p: 'How does a request travel from the first contact to its resolution?',
      i: 'What does support need to know about the customer and the purchase, and do they have it?',
      s: 'Which service do we promise after the sale, and how does it keep customers?',
    },
  },
  personalisation: {
    id: 'personalisation',
    name: 'Personalisation journey',
    summary: 'Stage by stage: the customer data available and the personalisation it makes possible.',
    copisVariant: 'consumer',
    stages: [
      { title: 'Discovery', prompt: 'What do we know about someone the first time they meet us?' },
      { title: 'Research', prompt: 'What do they look at and compare, and what does it tell us?' },
      { title: 'Purchase', prompt: 'Which choices do they make, and which could we make for them?' },
      { title: 'Use', prompt: 'How do they use what they bought, and what do we see of it?' },
      { title: 'Renewal', prompt: 'What would make them stay or buy again?' },
    ],
    lanes: [
      { title: 'Customer actions', kind: 'notes', color: 'yellow', prompt: 'What does the customer do here?' },
      { title: 'Touchpoints', kind: 'touchpoints', color: 'blue', prompt: 'Where do we meet them here?' },
      { title: 'Customer data available', kind: 'notes', color: 'purple', prompt: 'Which data do we have at this stage, and may we use it?' },
      { title: 'Personalisation opportunity', kind: 'notes', color: 'green', prompt: 'What could we tailor here with that data?' },
      { title: 'Emotions', kind: 'emotion', color: 'yellow', prompt: 'How do they feel, and would tailoring feel helpful or intrusive?' },
    ],
    copisPrompts: {
      c: 'Which segments or personas do we tailor for?',
      o: 'What should personalisation achieve: conversion, loyalty, less effort?',
      p: 'Where in our processes is the data collected and the tailoring decided?',
      i: 'Which customer data is available, which is missing, and with which consent?',
      s: 'Which personalisation do we build first, and how do we measure it?',
    },
  },
};
