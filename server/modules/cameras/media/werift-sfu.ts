import { randomUUID } from 'node:crypto';
import { MediaStreamTrack, RTCPeerConnection, RTCRtpCodecParameters } from 'werift';
import type { CameraRelay } from './camera-relay.js';
import { keepCandidates } from './sdp.js';

export interface SessionDescription {
  type: 'offer' | 'answer';
  sdp: string;
}

/** The relay's view of WebRTC: one viewer subscribes to 1–4 cameras. mediasoup could serve it too. */
export interface Sfu {
  openViewer(relays: readonly CameraRelay[]): Promise<{ viewerId: string; offer: SessionDescription }>;
  acceptAnswer(viewerId: string, answer: SessionDescription): Promise<void>;
  closeViewer(viewerId: string): Promise<void>;
  /** viewers per camera */
  viewerCounts(): Record<string, number>;
  close(): Promise<void>;
}

interface Viewer {
  pc: RTCPeerConnection;
  cameraIds: string[];
  unsubscribe: (() => void)[];
}

/**
 * SFU on werift (pure TypeScript; mediasoup cannot be built here). Each viewer gets its own peer
 * connection with one send-only VP8 track per camera; the camera's RTP packets are forwarded as
 * they arrive, without decoding. `iceAddresses` limits the candidates offered and accepted.
 */
export function createWeriftSfu(iceAddresses: readonly string[]): Sfu {
  const allowed = new Set(iceAddresses);
  const viewers = new Map<string, Viewer>();
  const only = iceAddresses.length === 1 ? iceAddresses[0] : undefined;

  return {
    async openViewer(relays) {
      const pc = new RTCPeerConnection({
        codecs: {
          audio: [],
          video: [
            new RTCRtpCodecParameters({
              mimeType: 'video/VP8',
              clockRate: 90000,
              payloadType: 96,
              rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }],
            }),
          ],
        },
        iceUseIpv6: false,
        ...(only ? { iceInterfaceAddresses: { udp4: only }, iceAdditionalHostAddresses: [only] } : {}),
      });
      const unsubscribe: (() => void)[] = [];
      for (const relay of relays) {
        const track = new MediaStreamTrack({ kind: 'video' });
        pc.addTransceiver(track, { direction: 'sendonly' });
        unsubscribe.push(relay.subscribe((packet) => track.writeRtp(packet)));
      }
      await pc.setLocalDescription(await pc.createOffer());
      const viewerId = randomUUID();
      viewers.set(viewerId, { pc, cameraIds: relays.map((r) => r.cameraId), unsubscribe });
      pc.connectionStateChange.subscribe((state) => {
        if (state === 'failed' || state === 'closed') void this.closeViewer(viewerId);
      });
      return { viewerId, offer: { type: 'offer', sdp: keepCandidates(pc.localDescription!.sdp, allowed) } };
    },
    async acceptAnswer(viewerId, answer) {
      const v = viewers.get(viewerId);
      if (!v) throw new Error(`no viewer ${viewerId}`);
      await v.pc.setRemoteDescription({ type: 'answer', sdp: keepCandidates(answer.sdp, allowed) });
    },
    async closeViewer(viewerId) {
      const v = viewers.get(viewerId);
      if (!v) return;
      viewers.delete(viewerId);
      v.unsubscribe.forEach((u) => u());
      await v.pc.close();
    },
    viewerCounts() {
      const counts: Record<string, number> = {};
      for (const v of viewers.values()) for (const id of v.cameraIds) counts[id] = (counts[id] ?? 0) + 1;
      return counts;
    },
    async close() {
      await Promise.all([...viewers.keys()].map((id) => this.closeViewer(id)));
    },
  };
}
