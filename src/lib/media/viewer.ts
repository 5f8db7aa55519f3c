import { io, type Socket } from 'socket.io-client';

type Reply = { ok: true; viewerId?: string; sdp?: string } | { ok: false; code: string; message: string };

function ask(socket: Socket, event: string, body: unknown): Promise<Reply> {
  return new Promise((resolve) => socket.emit(event, body, resolve));
}

export interface CameraStreams {
  /** per camera, in the order asked for */
  streams: Map<string, MediaStream>;
  pc: RTCPeerConnection;
  close(): void;
}

/**
 * Subscribes to 1–4 cameras through the relay: asks `/media` for an offer, answers it once ICE
 * gathering is done (no trickle: the relay only accepts candidates on its own interfaces), and maps
 * each incoming track to its camera by the order of the offer's media sections.
 */
export async function watchCameras(cameraIds: string[], kioskToken?: string): Promise<CameraStreams> {
  const socket = io('/media', { transports: ['websocket'], auth: kioskToken ? { token: kioskToken } : {} });
  const watch = await ask(socket, 'watch', { cameraIds });
  if (!watch.ok) {
    socket.close();
    throw new Error(watch.message);
  }
  const pc = new RTCPeerConnection();
  const streams = new Map<string, MediaStream>();
  pc.ontrack = (e) => {
    const index = pc.getTransceivers().indexOf(e.transceiver);
    streams.set(cameraIds[index] ?? `track-${index}`, e.streams[0] ?? new MediaStream([e.track]));
  };
  await pc.setRemoteDescription({ type: 'offer', sdp: watch.sdp! });
  await pc.setLocalDescription(await pc.createAnswer());
  await new Promise<void>((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
    setTimeout(resolve, 3000);
  });
  const answered = await ask(socket, 'answer', { viewerId: watch.viewerId, sdp: pc.localDescription!.sdp });
  if (!answered.ok) {
    pc.close();
    socket.close();
    throw new Error(answered.message);
  }
  return {
    streams,
    pc,
    close() {
      pc.close();
      socket.close();
    },
  };
}

/** Frames decoded so far per incoming video track, from WebRTC statistics. */
export async function framesDecoded(pc: RTCPeerConnection): Promise<number[]> {
  const stats = await pc.getStats();
  const out: number[] = [];
  stats.forEach((r: { type: string; kind?: string; framesDecoded?: number }) => {
    if (r.type === 'inbound-rtp' && r.kind === 'video') out.push(r.framesDecoded ?? 0);
  });
  return out;
}
