import type { Server } from 'socket.io';
import type { EventBus } from '../../platform/events/event-bus.js';
import type { IntakeService } from './intake.service.js';

/**
 * `/floor`, for people watching the floor: `floor:live` (zones and open sessions) every `everyMs`,
 * `index:state` when the day moves to the next index or break, `camera:status` when a camera
 * changes state.
 */
export function attachFloorGateway(
  io: Server,
  intake: IntakeService,
  events: Pick<EventBus, 'subscribe'>,
  everyMs = 2000,
): () => void {
  const floor = io.of('/floor');
  const timer = setInterval(() => {
    if (floor.sockets.size) floor.emit('floor:live', intake.floor());
  }, everyMs);
  const offs = [
    events.subscribe('index.changed', (state) => void floor.emit('index:state', state)),
    events.subscribe('camera.status_changed', (e) => void floor.emit('camera:status', e)),
  ];
  return () => {
    clearInterval(timer);
    offs.forEach((off) => off());
  };
}
