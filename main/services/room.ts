/** Room mode, the facilitator's methods: carried out by the room (main/room/manager.ts). */
import { ApiFailure } from '../../shared/api/errors';
import type { RoomControl } from '../room/manager';
import type { Handlers } from './context';

type RoomHandlers = Pick<Handlers, 'room.interfaces' | 'room.status' | 'room.open' | 'room.close' | 'room.curve' | 'room.private' | 'room.held' | 'room.reveal'>;

export function roomHandlers(room: RoomControl | undefined): RoomHandlers {
  const r = (): RoomControl => {
    if (!room) throw new ApiFailure('unavailable', 'Room mode is not available here.');
    return room;
  };
  return {
    'room.interfaces': () => r().interfaces(),
    'room.status': () => r().status(),
    'room.open': (input) => r().open(input.projectId, input.address),
    'room.close': () => r().close(),
    'room.curve': (input) => r().curve(input.projectId),
    'room.private': (input) => r().setPrivate(input.private),
    'room.held': (input) => r().held(input.projectId),
    'room.reveal': (input) => {
      if ((input.stageId === undefined) !== (input.laneId === undefined)) throw new ApiFailure('invalid_input', 'Give both a stage and a lane (one cell), or neither (every cell).');
      return r().reveal(input.projectId, input.stageId !== undefined && input.laneId !== undefined ? { stageId: input.stageId, laneId: input.laneId } : null);
    },
  };
}
