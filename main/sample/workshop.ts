/**
 * The sample workshop's content: a bike-sharing service's onboarding-to-advocacy journey, as a
 * consultant might have captured it in a half-day workshop. Written for Journeywall; any likeness
 * to a real company is not intended.
 */
import type { Channel, NoteTag } from '../../shared/domain/model';

export const SAMPLE_PROJECT = {
  title: 'Velora city bikes — from first ride to regular rider',
  client: 'Velora Mobility',
  workshopDate: '2026-10-14',
  facilitator: 'Hanna Berg',
  goal: 'Understand why half of new sign-ups never take a second ride, and which moments to fix first.',
  description:
    'Half-day workshop with the product, operations and support teams. Two personas from the spring interviews; KPIs from the October dashboard.',
};

export const SAMPLE_STAGES = ['Discover', 'Sign up', 'First ride', 'Everyday riding', 'Problem & support', 'Renew & recommend'];

type N = string | { text: string; tags?: NoteTag[]; channel?: Channel };
/** Per stage (in order): the notes of each lane. */
export const SAMPLE_NOTES: Record<'actions' | 'touchpoints' | 'thoughts' | 'pains' | 'opportunities', N[][]> = {
  actions: [
    ['Sees a row of green bikes outside the station', 'A colleague mentions riding to work', 'Searches "bike hire near me"'],
    ['Downloads the app', 'Types in card details at the rack', 'Confirms the email code'],
    ['Scans the QR code on the handlebar', 'Adjusts the saddle', 'Looks for a dock near the office'],
    ['Rides to work three days a week', 'Checks bike availability before leaving home', 'Buys a monthly pass'],
    ['Finds a flat tyre mid-route', 'Tries to end a ride at a full dock', 'Calls the support line'],
    ['Gets the renewal reminder', 'Shares a referral code with a friend', 'Leaves a rating in the store'],
  ],
  touchpoints: [
    [{ text: 'Branded docking station', channel: 'other' }, { text: 'Instagram reel of a city ride', channel: 'social' }, { text: 'Search ad', channel: 'web' }],
    [{ text: 'App store page', channel: 'app' }, { text: 'Sign-up flow in the app', channel: 'app' }, { text: 'Welcome email', channel: 'email' }],
    [{ text: 'QR unlock screen', channel: 'app' }, { text: 'Map of docks', channel: 'app' }],
    [{ text: 'Monthly pass page', channel: 'web' }, { text: 'Ride receipt', channel: 'email' }, { text: 'Push: bikes nearby', channel: 'app' }],
    [{ text: 'Support hotline', channel: 'phone' }, { text: 'In-app chat', channel: 'chat' }, { text: 'Damage report form', channel: 'app' }],
    [{ text: 'Renewal email', channel: 'email' }, { text: 'Referral card in the app', channel: 'app' }, { text: 'Word of mouth at work', channel: 'word_of_mouth' }],
  ],
  thoughts: [
    ['"Is this cheaper than the bus?"', '"Do I need my own helmet?"'],
    ['"Why do they need my ID for a bike?"', { text: '"Can I try it once without a plan?"', tags: ['question'] }],
    ['"That was easier than I thought"', '"Where do I leave it?"'],
    ['"Faster than the tram at rush hour"', '"I hope there is a bike left at 8:30"'],
    ['"Am I being charged while I wait?"', '"Nobody answers…"'],
    ['"Worth it — I ride almost every day"', '"Would my friend get a discount too?"'],
  ],
  pains: [
    [{ text: 'Prices hidden behind sign-up', tags: ['pain'] }, { text: 'Stations not on public maps', tags: ['pain'] }],
    [{ text: 'ID photo upload fails on older phones', tags: ['pain'] }, { text: 'Seven screens before the first ride', tags: ['pain'] }, { text: 'No guest ride', tags: ['pain'] }],
    [{ text: 'QR code scratched on some bikes', tags: ['pain'] }, { text: 'Saddle clamp stiff', tags: ['pain'] }],
    [{ text: 'Empty stations in the morning', tags: ['pain'] }, { text: 'Full docks downtown at 9', tags: ['pain'] }, { text: 'Pass renewal not clear', tags: ['pain'] }],
    [{ text: 'Hold time over 10 minutes', tags: ['pain'] }, { text: 'Ride keeps running at a full dock', tags: ['pain'] }, { text: 'Refund takes two weeks', tags: ['pain'] }],
    [{ text: 'Referral credit expires quickly', tags: ['pain'] }, { text: 'Renewal price goes up without warning', tags: ['pain'] }],
  ],
  opportunities: [
    [{ text: 'Show prices on the station screen', tags: ['opportunity'] }, { text: 'List stations in map apps', tags: ['idea'] }],
    [{ text: 'One free guest ride with just a card', tags: ['idea'] }, { text: 'Verify ID after the first ride', tags: ['opportunity'] }],
    [{ text: 'First-ride walkthrough with a sound cue at unlock', tags: ['idea'] }, { text: 'Highlight free docks on arrival', tags: ['opportunity'] }],
    [{ text: 'Reserve a bike for 10 minutes', tags: ['idea'] }, { text: 'Morning rebalancing on the busiest routes', tags: ['opportunity'] }],
    [{ text: 'End the ride remotely when the dock is full', tags: ['idea'] }, { text: 'Call-back instead of waiting', tags: ['opportunity'] }, { text: 'Instant credit for broken bikes', tags: ['idea'] }],
    [{ text: 'Referral credit that never expires', tags: ['idea'] }, { text: 'Thank-you ride after 50 rides', tags: ['opportunity'] }],
  ],
};

/** Scores per stage (−2…+2): the general curve and each persona's. */
export const SAMPLE_CURVES = {
  general: [1, -1, 1, 1, -2, 0],
  mira: [2, -2, 1, 0, -2, -1],
  jonas: [0, 1, 2, 2, -1, 2],
};
export const SAMPLE_EXPLANATIONS = {
  mira: ['Loves the idea of riding to lectures', 'Gave up twice on the ID upload', '', 'No bikes left at 8:30', 'Waited 14 minutes on the phone', 'Not sure she will renew'],
  jonas: ['', 'Sign-up done on the train', 'Faster than the tram', 'Monthly pass pays off', 'Chat solved it, slowly', 'Told the whole team'],
};

export const SAMPLE_PERSONAS = {
  mira: {
    name: 'Mira Okafor',
    role: 'Student, occasional rider',
    background: 'Second-year engineering student living 4 km from campus. Shares a flat, budget of about €60 a month for transport.',
    goals: 'Get to early lectures on time without paying for a monthly tram pass.',
    painPoints: 'Long sign-ups on an old phone; no bikes at peak time; waiting on hold.',
    needs: 'A first ride in under two minutes, clear prices, student discount.',
    quote: 'If it takes longer than the walk, I walk.',
    color: 'teal',
  },
  jonas: {
    name: 'Jonas Lind',
    role: 'Commuter, daily rider',
    background: 'Project manager, 38, rides from the central station to a business park every weekday. Pays with a company mobility budget.',
    goals: 'A reliable, predictable commute; expenses handled without paperwork.',
    painPoints: 'Full docks at the office; receipts that his employer cannot read.',
    needs: 'Reservations, monthly invoices, quick support when a bike breaks.',
    quote: 'I don’t want to think about it — it should just be there.',
    color: 'amber',
  },
} as const;

/** KPIs: on a stage (by index) or on a touchpoint (by its text). Some met, some missed, one not measured yet. */
export const SAMPLE_KPIS: { stage?: number; touchpoint?: string; name: string; unit: string; target: number; actual: number | null; direction: 'higher' | 'lower'; note?: string }[] = [
  { stage: 1, name: 'Sign-up completion', unit: '%', target: 70, actual: 52, direction: 'higher', note: 'October dashboard' },
  { stage: 2, name: 'Second ride within 7 days', unit: '%', target: 60, actual: 48, direction: 'higher' },
  { stage: 3, name: 'Bike availability at 8–9 am', unit: '%', target: 90, actual: 93, direction: 'higher' },
  { stage: 5, name: 'Referral conversion', unit: '%', target: 15, actual: null, direction: 'higher', note: 'Tracking starts in November' },
  { touchpoint: 'Support hotline', name: 'Average hold time', unit: 'min', target: 3, actual: 11, direction: 'lower' },
  { touchpoint: 'In-app chat', name: 'First reply', unit: 'min', target: 5, actual: 4, direction: 'lower' },
  { touchpoint: 'Sign-up flow in the app', name: 'Satisfaction', unit: '/5', target: 4, actual: 3.1, direction: 'higher' },
  { touchpoint: 'Renewal email', name: 'Renewal rate', unit: '%', target: 65, actual: 71, direction: 'higher' },
];

/**
 * The COPIS analysis (customer variant: Customer, Objective, Process, Information, Service), with
 * the stages each entry is about. "Information" has nothing for Problem & support: the gap the
 * room found (nobody could say what a rider sees while a broken bike is being handled).
 */
export const SAMPLE_COPIS: readonly { element: 'c' | 'o' | 'p' | 'i' | 's'; text: string; stages: readonly number[] }[] = [
  { element: 'c', text: 'Students who ride a few times a week and count every euro', stages: [0, 1, 2, 3] },
  { element: 'c', text: 'Commuters who combine the train with the last two kilometres', stages: [0, 3, 4, 5] },
  { element: 'c', text: 'Visitors who want one ride without an account', stages: [1, 2] },
  { element: 'o', text: 'Half of new sign-ups ride again within a week', stages: [2, 3] },
  { element: 'o', text: 'Support answers within two minutes on every channel', stages: [4] },
  { element: 'o', text: 'Nine in ten riders renew their pass', stages: [5] },
  { element: 'p', text: 'Sign-up in three screens with the payment card scanned', stages: [1] },
  { element: 'p', text: 'Morning rebalancing of bikes to the station hubs', stages: [3] },
  { element: 'p', text: 'Fault report from the app straight to the repair crew', stages: [4] },
  { element: 'p', text: 'Renewal reminder a week before the pass ends', stages: [5] },
  { element: 'i', text: 'Live count of free bikes and docks per station', stages: [0, 2, 3] },
  { element: 'i', text: 'Ride history and cost so far this month', stages: [3, 5] },
  { element: 'i', text: 'Price per ride and per pass, side by side', stages: [0, 1] },
  { element: 's', text: 'One free guest ride with only a bank card', stages: [1, 2] },
  { element: 's', text: 'Call-back instead of a queue at the support line', stages: [4] },
  { element: 's', text: 'Reserve a bike for ten minutes from the app', stages: [3] },
];
