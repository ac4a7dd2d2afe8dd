/** drawnAlike: the canvas skips a layout only when nothing it shows differs. */
import { describe, expect, it } from 'vitest';
import type { EmotionScore, Lane, Note, Stage } from '../../shared/api/schemas';
import { drawnAlike } from '../../shared/domain/drawn';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const stages: Stage[] = [
  { id: id(1), title: 'Awareness', prompt: '', position: 0 },
  { id: id(2), title: 'Purchase', prompt: 'What do they buy?', position: 1 },
];
const lanes: Lane[] = [
  { id: id(11), title: 'Actions', kind: 'notes', color: 'yellow', prompt: '', position: 0 },
  { id: id(12), title: 'Channels', kind: 'touchpoints', color: 'blue', prompt: '', position: 1 },
  { id: id(13), title: 'Feelings', kind: 'emotion', color: 'pink', prompt: '', position: 2 },
];
const notes: Note[] = [
  { id: id(21), stageId: id(1), laneId: id(11), text: 'Sees an ad', color: 'yellow', tags: ['idea'], channel: null, author: 'Ana', position: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
  { id: id(22), stageId: id(2), laneId: id(12), text: 'Checkout page', color: 'blue', tags: [], channel: 'web', author: '', position: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
];
const emotions: EmotionScore[] = [{ laneId: id(13), stageId: id(1), personaId: null, score: 1, explanation: 'Curious' }];
const map = { stages, lanes, notes, emotions };
/** The same map as fresh objects, as an API answer brings it. */
const copy = () => structuredClone(map);

describe('drawnAlike', () => {
  it('holds for the same content in new objects, whatever the timestamps say', () => {
    const again = copy();
    again.notes[0]!.updatedAt = '2026-06-01T12:00:00.000Z';
    again.notes[1]!.createdAt = '2026-06-01T12:00:00.000Z';
    expect(drawnAlike(map, again)).toBe(true);
    expect(drawnAlike(map, map)).toBe(true);
  });

  it('fails on any change the canvas shows', () => {
    const changes: [string, (m: ReturnType<typeof copy>) => void][] = [
      ['note text', (m) => (m.notes[0]!.text = 'Sees two ads')],
      ['note colour', (m) => (m.notes[0]!.color = 'green')],
      ['note tags', (m) => (m.notes[0]!.tags = ['idea', 'pain'])],
      ['tags taken off', (m) => (m.notes[0]!.tags = [])],
      ['channel', (m) => (m.notes[1]!.channel = 'app')],
      ['author', (m) => (m.notes[1]!.author = 'Bo')],
      ['note cell', (m) => (m.notes[0]!.stageId = id(2))],
      ['note lane', (m) => (m.notes[0]!.laneId = id(12))],
      ['note position', (m) => (m.notes[1]!.position = 3)],
      ['a note more', (m) => m.notes.push({ ...m.notes[0]!, id: id(23), position: 1 })],
      ['a note less', (m) => m.notes.pop()],
      ['notes in another order', (m) => m.notes.reverse()],
      ['stage title', (m) => (m.stages[0]!.title = 'Discovery')],
      ['stage prompt', (m) => (m.stages[1]!.prompt = '')],
      ['stage order', (m) => (m.stages[0]!.position = 5)],
      ['lane title', (m) => (m.lanes[0]!.title = 'Doing')],
      ['lane kind', (m) => (m.lanes[0]!.kind = 'touchpoints')],
      ['lane colour', (m) => (m.lanes[1]!.color = 'green')],
      ['a stage less', (m) => m.stages.pop()],
      ['emotion score', (m) => (m.emotions[0]!.score = -1)],
      ['emotion explanation', (m) => (m.emotions[0]!.explanation = 'Bored')],
      ['an emotion more', (m) => m.emotions.push({ ...m.emotions[0]!, stageId: id(2) })],
    ];
    for (const [what, change] of changes) {
      const changed = copy();
      change(changed);
      expect(drawnAlike(map, changed), what).toBe(false);
      expect(drawnAlike(changed, map), what).toBe(false);
    }
  });
});
