/** Personas: their colours (one per curve), initials for a persona without a photo, and limits. */

/** Curve colours, chosen to stay apart from each other and from the emotion faces' red/green scale. */
export const PERSONA_COLORS = ['teal', 'violet', 'amber', 'blue', 'magenta', 'brown', 'slate', 'olive'] as const;
export type PersonaColor = (typeof PERSONA_COLORS)[number];
export const PERSONA_COLOR_HEX: Record<PersonaColor, string> = {
  teal: '#0f766e',
  violet: '#6d28d9',
  amber: '#b45309',
  blue: '#1d4ed8',
  magenta: '#a21caf',
  brown: '#7c4a1e',
  slate: '#334155',
  olive: '#4d7c0f',
};
export const PERSONA_COLOR_LABELS: Record<PersonaColor, string> = {
  teal: 'Teal',
  violet: 'Violet',
  amber: 'Amber',
  blue: 'Blue',
  magenta: 'Magenta',
  brown: 'Brown',
  slate: 'Slate',
  olive: 'Olive',
};

/** The first colour no persona has yet (the first one again once all are taken). */
export function nextPersonaColor(taken: readonly string[]): PersonaColor {
  const used = new Set(taken);
  return PERSONA_COLORS.find((c) => !used.has(c)) ?? PERSONA_COLORS[taken.length % PERSONA_COLORS.length]!;
}

/** Up to two initials: "Lena Brandt" → "LB", "Ömer" → "Ö", "" → "?". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const first = (w: string) => [...w][0]!.toLocaleUpperCase();
  return words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words[words.length - 1]!);
}

/** The persona text fields besides the name, with their labels (editor, outline, PDF). */
export const PERSONA_TEXT_FIELDS = [
  ['role', 'Role or segment'],
  ['background', 'Background'],
  ['goals', 'Goals'],
  ['painPoints', 'Pain points'],
  ['needs', 'Needs and preferences'],
  ['quote', 'Quote'],
] as const;
export type PersonaTextField = (typeof PERSONA_TEXT_FIELDS)[number][0];

/** A persona's long fields (background, goals …), in characters. */
export const MAX_PERSONA_TEXT = 2000;
