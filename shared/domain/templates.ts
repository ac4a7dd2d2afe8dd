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
}

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
  },
};
