/** Room mode, the facilitator's methods: carried out by the room (main/room/manager.ts). */
import { ApiFailure } from '../../shared/api/errors';
import type { RoomControl } from '../room/manager';
import type { Handlers } from './context';

type RoomHandlers = Pick<Handlers, 'room.interfaces' | 'room.status' | 'room.open' | 'room.close' | 'room.curve'>;

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
  };
}
