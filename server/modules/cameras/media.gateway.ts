import type { Server } from 'socket.io';
import { AnswerRequest, WatchRequest } from '../../../src/lib/protocol/media.js';
import { isDomainError } from '../../../src/lib/shared/errors.js';
import type { MediaService } from './media.service.js';

type Ack = (reply: { ok: true; [k: string]: unknown } | { ok: false; code: string; message: string }) => void;

function fail(ack: Ack, err: unknown): void {
  if (isDomainError(err)) ack({ ok: false, code: err.code, message: err.message });
  else ack({ ok: false, code: 'internal', message: 'the relay could not set up the stream' });
}

/**
 * WebRTC signalling on `/media`: `watch {cameraIds}` → an offer; `answer {viewerId, sdp}`. A viewer's
 * streams end when its socket disconnects.
 */
export function attachMediaSignalling(io: Server, media: MediaService): void {
  io.of('/media').on('connection', (socket) => {
    const mine = new Set<string>();
    socket.on('watch', async (body: unknown, ack: Ack) => {
      if (typeof ack !== 'function') return;
      const parsed = WatchRequest.safeParse(body);
      if (!parsed.success)
        return ack({
          ok: false,
          code: 'invalid_input',
          message: `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`,
        });
      try {
        const { viewerId, offer } = await media.watch(parsed.data.cameraIds);
        mine.add(viewerId);
        ack({ ok: true, viewerId, sdp: offer.sdp });
      } catch (err) {
        fail(ack, err);
      }
    });
    socket.on('answer', async (body: unknown, ack: Ack) => {
      if (typeof ack !== 'function') return;
      const parsed = AnswerRequest.safeParse(body);
      if (!parsed.success || !mine.has(parsed.data.viewerId))
        return ack({ ok: false, code: 'invalid_input', message: 'unknown viewer or bad SDP' });
      try {
        await media.answer(parsed.data.viewerId, parsed.data.sdp);
        ack({ ok: true });
      } catch (err) {
        fail(ack, err);
      }
    });
    socket.on('disconnect', () => {
      for (const id of mine) void media.closeViewer(id);
    });
  });
}
