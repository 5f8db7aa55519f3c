import { describe, expect, it } from 'vitest';
import { ffmpegArgs, redactRtsp, type CameraSource } from './ffmpeg-args.js';
import { keepCandidates } from './sdp.js';

const cam = (over: Partial<CameraSource>): CameraSource => ({
  cameraId: 'CAM01',
  sourceKind: 'file',
  rtspUrl: null,
  usbDevice: null,
  filePath: '/v.avi',
  fps: 15,
  resolution: '640x480',
  ...over,
});

describe('ffmpeg arguments', () => {
  it('loops a file at its own rate and sends VP8 RTP to loopback with a keyframe each second', () => {
    const a = ffmpegArgs(cam({}), 5004);
    expect(a.join(' ')).toContain('-re -stream_loop -1 -i /v.avi');
    expect(a.join(' ')).toContain('-c:v libvpx');
    expect(a[a.indexOf('-g') + 1]).toBe('15');
    expect(a.at(-1)).toBe('rtp://127.0.0.1:5004?pkt_size=1200');
  });
  it('pulls RTSP preferring TCP, and USB through V4L2', () => {
    expect(ffmpegArgs(cam({ sourceKind: 'rtsp', rtspUrl: 'rtsp://u:p@cam/1' }), 1).join(' ')).toContain(
      '-rtsp_flags prefer_tcp',
    );
    expect(ffmpegArgs(cam({ sourceKind: 'usb', usbDevice: '/dev/video0' }), 1).join(' ')).toContain(
      '-f v4l2 -framerate 15 -video_size 640x480 -i /dev/video0',
    );
  });
  it('adjusts brightness and contrast in the relay only when the calibration asks for it', () => {
    expect(ffmpegArgs(cam({ picture: { brightness: 0.1, contrast: 1.2 } }), 1).join(' ')).toContain(
      '-an -vf eq=brightness=0.10:contrast=1.20 -c:v libvpx',
    );
    expect(ffmpegArgs(cam({ picture: { brightness: 0, contrast: 1 } }), 1)).not.toContain('-vf');
    expect(ffmpegArgs(cam({}), 1)).not.toContain('-vf');
  });

  it('refuses a camera without its source, and hides RTSP passwords', () => {
    expect(() => ffmpegArgs(cam({ filePath: null }), 1)).toThrow(/without file_path/);
    expect(redactRtsp('rtsp://admin:secret@10.0.0.5:554/s')).toBe('rtsp://admin:***@10.0.0.5:554/s');
  });
});

describe('keepCandidates', () => {
  const sdp = [
    'v=0',
    'a=candidate:1 1 udp 2116026367 127.0.0.1 5000 typ host',
    'a=candidate:2 1 udp 2116026367 192.0.2.2 5001 typ host',
    'a=end-of-candidates',
  ].join('\r\n');
  it('keeps only the allowed addresses', () => {
    expect(keepCandidates(sdp, new Set(['127.0.0.1']))).not.toContain('192.0.2.2');
    expect(keepCandidates(sdp, new Set(['127.0.0.1']))).toContain('127.0.0.1 5000');
  });
  it('keeps everything when no address is configured', () => {
    expect(keepCandidates(sdp, new Set())).toBe(sdp);
  });
});
