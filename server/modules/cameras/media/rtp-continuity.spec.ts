import { describe, expect, it } from 'vitest';
import { createRtpContinuity } from './rtp-continuity.js';

const rtp = (ssrc: number, seq: number, ts: number) => {
  const b = Buffer.alloc(20);
  b.writeUInt8(0x80, 0);
  b.writeUInt16BE(seq, 2);
  b.writeUInt32BE(ts, 4);
  b.writeUInt32BE(ssrc, 8);
  return b;
};
const fields = (b: Buffer) => [b.readUInt32BE(8), b.readUInt16BE(2), b.readUInt32BE(4)];

describe('RTP continuity across encoder restarts', () => {
  it('passes the first run through and continues the next run where it left off', () => {
    const fix = createRtpContinuity(90000, 10);
    expect(fields(fix(rtp(111, 100, 5000)))).toEqual([111, 100, 5000]);
    expect(fields(fix(rtp(111, 101, 14000)))).toEqual([111, 101, 14000]);
    // ffmpeg restarted: new SSRC, sequence and timestamp from elsewhere.
    expect(fields(fix(rtp(222, 7, 123)))).toEqual([111, 102, 23000]);
    expect(fields(fix(rtp(222, 8, 9123)))).toEqual([111, 103, 32000]);
  });

  it('wraps sequence numbers and timestamps', () => {
    const fix = createRtpContinuity(90000, 10);
    fix(rtp(1, 65535, 0xffffffff));
    expect(fields(fix(rtp(2, 10, 0)))).toEqual([1, 0, 8999]);
  });
});
