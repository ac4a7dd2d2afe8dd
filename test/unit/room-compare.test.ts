import { describe, expect, it } from 'vitest';
import { diffRoomCurves, roomChangeLines, roomCurve } from '../../shared/domain/room-curve';

describe('the Versions panel says how the room curve changed since a version', () => {
  const titles: Record<string, string> = { s1: 'Awareness', s2: 'Purchase', s3: 'Loyalty' };
  const title = (id: string) => titles[id] ?? 'A deleted stage';
  const order = ['s1', 's2', 's3'];
  it('a line per stage whose average or number of people differs, nothing for the same', () => {
    const before = roomCurve(order, [
      { stageId: 's1', score: -2 },
      { stageId: 's1', score: 1 },
      { stageId: 's2', score: 1 },
      { stageId: 's3', score: 2 },
    ]);
    const after = roomCurve(order, [
      { stageId: 's1', score: -2 },
      { stageId: 's1', score: 1 },
      { stageId: 's1', score: 0 },
      { stageId: 's2', score: 1 },
    ]);
    expect(roomChangeLines(diffRoomCurves(before, after), title)).toEqual([
      'Awareness: the room\'s average −0.5 (2 people) → −0.33 (3 people)',
      'Loyalty: the room\'s average +2 (1 person) → not scored now',
    ]);
    expect(roomChangeLines(diffRoomCurves(after, after), title)).toEqual([]);
    expect(roomChangeLines(diffRoomCurves([], after.slice(1)), title)).toEqual(['Purchase: the room\'s average not scored → +1 (1 person)']);
  });
});
