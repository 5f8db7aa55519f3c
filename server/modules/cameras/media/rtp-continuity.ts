/**
 * Keeps one camera's RTP stream continuous across ffmpeg restarts. A restarted encoder starts a new
 * SSRC with new sequence numbers and timestamps; a browser's jitter buffer would take the jump back
 * for old packets and drop them. Packets are rewritten in place so that sequence numbers and
 * timestamps carry on from the previous run, and the SSRC stays the first run's.
 */
export function createRtpContinuity(clockRate = 90000, fps = 30) {
  let ssrc: number | null = null;
  let currentSource: number | null = null;
  let seqOffset = 0;
  let tsOffset = 0;
  let lastSeq = 0;
  let lastTs = 0;

  return (packet: Buffer): Buffer => {
    if (packet.length < 12) return packet;
    const source = packet.readUInt32BE(8);
    const seq = packet.readUInt16BE(2);
    const ts = packet.readUInt32BE(4);
    if (ssrc === null) {
      ssrc = source;
      currentSource = source;
    } else if (source !== currentSource) {
      // A new run: continue one packet and one frame after the last ones sent.
      currentSource = source;
      seqOffset = (lastSeq + 1 - seq) & 0xffff;
      tsOffset = (lastTs + Math.round(clockRate / fps) - ts) >>> 0;
    }
    lastSeq = (seq + seqOffset) & 0xffff;
    lastTs = (ts + tsOffset) >>> 0;
    packet.writeUInt16BE(lastSeq, 2);
    packet.writeUInt32BE(lastTs, 4);
    packet.writeUInt32BE(ssrc, 8);
    return packet;
  };
}
