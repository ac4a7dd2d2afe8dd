/** Fixed vocabularies of the domain, used by schemas, storage CHECKs and the UI. */
export const LANE_KINDS = ['notes', 'touchpoints', 'emotion'] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

export const NOTE_TAGS = ['pain', 'opportunity', 'idea', 'question'] as const;
export type NoteTag = (typeof NOTE_TAGS)[number];
export const NOTE_TAG_LABELS: Record<NoteTag, string> = {
  pain: 'Pain point',
  opportunity: 'Opportunity',
  idea: 'Idea',
  question: 'Question',
};

export const CHANNELS = ['web', 'app', 'email', 'phone', 'store', 'social', 'chat', 'print', 'word_of_mouth', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Web',
  app: 'App',
  email: 'Email',
  phone: 'Phone',
  store: 'Store',
  social: 'Social',
  chat: 'Chat',
  print: 'Print',
  word_of_mouth: 'Word of mouth',
  other: 'Other',
};

/** Sticky-note colours: names are stored, the renderer maps them to fills. */
export const NOTE_COLORS = ['yellow', 'orange', 'pink', 'blue', 'green', 'purple', 'grey'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];
export const NOTE_COLOR_FILLS: Record<NoteColor, string> = {
  yellow: '#fff27a',
  orange: '#ffc56b',
  pink: '#ffb3cf',
  blue: '#a9d8ff',
  green: '#b5ecaa',
  purple: '#d6c1ff',
  grey: '#e2e4e8',
};

export const COPIS_VARIANTS = ['consumer', 'customer', 'lean'] as const;
export type CopisVariant = (typeof COPIS_VARIANTS)[number];

export const TEMPLATE_IDS = ['blank', 'purchase', 'referral', 'support', 'personalisation'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** Why a snapshot was taken: by hand, or automatically before or after something. */
export const SNAPSHOT_REASONS = ['manual', 'before-restore', 'before-import', 'voting-ended', 'timer-ended'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];
/** Every reason but 'manual': the app saved the version by itself (the list can hide these). */
export const isAutomaticSnapshot = (reason: SnapshotReason): boolean => reason !== 'manual';
