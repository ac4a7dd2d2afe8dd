/**
 * A deterministic source of realistic sticky-note content: a seeded generator (mulberry32) and a
 * small vocabulary of customer-journey phrases, names and stage/lane titles.
 */

export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

export const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Delivery', 'First use', 'Support', 'Renewal', 'Advocacy'];

/** 8 stages × 6 lanes: one touchpoints lane, one emotion lane (which holds scores, not notes). */
export const LANES = [
  { title: 'Customer actions', kind: 'notes', color: 'yellow' },
  { title: 'Touchpoints', kind: 'touchpoints', color: 'blue' },
  { title: 'Emotions', kind: 'emotion', color: 'yellow' },
  { title: 'Pain points', kind: 'notes', color: 'pink' },
  { title: 'Opportunities', kind: 'notes', color: 'green' },
  { title: 'Backstage', kind: 'notes', color: 'orange' },
];

export const EMOTIONS = [
  { score: 1, explanation: 'Curious about the offer' },
  { score: 0, explanation: 'Comparing, a little unsure' },
  { score: -1, explanation: 'Checkout asks for too much' },
  { score: -2, explanation: 'The parcel is late and nobody says why' },
  { score: 1, explanation: 'It works out of the box' },
  { score: -1, explanation: 'Waiting on hold for support' },
  { score: 0, explanation: 'Renewal price is a surprise' },
  { score: 2, explanation: 'Happy to recommend it' },
];

export const AUTHORS = ['Anna Keller', 'Ben Okafor', 'Chloé Martin', 'Dev Patel', 'Eva Lindqvist', 'Farid Haddad', 'Grace Liu', 'Hugo Silva', 'Ines Novak', 'Jonas Weber', 'Kemi Adeyemi', 'Lena Rossi'];

export const COLORS = ['yellow', 'orange', 'pink', 'blue', 'green', 'purple', 'grey'];
export const TAGS = ['pain', 'opportunity', 'idea', 'question'];
export const CHANNELS = ['web', 'app', 'email', 'phone', 'store', 'social', 'chat', 'print', 'word_of_mouth', 'other'];

const PHRASES = [
  'cannot find pricing',
  'waits for delivery',
  'loves the packaging',
  'asks for a refund',
  'confused by the fees',
  'shares it with colleagues',
  'sees an ad on social media',
  'asks a friend who already uses it',
  'reads reviews on a comparison site',
  'cannot find the price on the website',
  'compares three plans side by side',
  'wonders whether the trial needs a credit card',
  'calls the hotline to ask about delivery',
  'abandons the cart when shipping costs appear',
  'pays with the saved card in two taps',
  'gets a confirmation email with the wrong date',
  'tracks the parcel several times a day',
  'the courier leaves it with a neighbour',
  'unboxes it and looks for the manual',
  'the setup wizard asks for the serial number',
  'needs help pairing the device with the phone',
  'chats with support late in the evening',
  'waits twenty minutes on hold',
  'the agent solves it on the first call',
  'receives a survey right after the call',
  'forgets the password and resets it',
  'gets a reminder before the renewal',
  'is surprised by the new yearly price',
  'looks for a loyalty discount',
  'recommends it in a team meeting',
  'posts a photo and tags the brand',
  'we could show the total price earlier',
  'offer a guest checkout without an account',
  'send a proactive message when delivery slips',
  'a short video instead of the printed manual',
  'let customers pick a delivery slot',
  'store staff cannot see online orders',
  'the warehouse system updates once a night',
  'marketing and support use different lists',
  'legal requires a second consent checkbox',
  'the app and the website show different stock',
  'nobody owns the returns process end to end',
  'what if we called first-time buyers after a week',
  'reward customers who refer a colleague',
  'measure how long the first setup really takes',
  'ask why people cancel in one simple question',
];

/** A note's text: whole journey phrases, up to `words` words (3–40), as a sentence. */
export function noteText(r, words) {
  const phrases = [];
  let left = words;
  for (;;) {
    const fitting = PHRASES.filter((p) => p.split(' ').length <= left);
    if (fitting.length === 0) break;
    const phrase = r.pick(fitting);
    phrases.push(phrase);
    left -= phrase.split(' ').length;
  }
  const text = phrases.join(', ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** Most sticky notes are short; some run long. 3–40 words, about 12 on average. */
export function wordCount(r) {
  return 3 + Math.floor(37 * r.next() ** 2.2);
}
