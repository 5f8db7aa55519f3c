export interface CameraSource {
  cameraId: string;
  sourceKind: 'rtsp' | 'usb' | 'file';
  rtspUrl: string | null;
  usbDevice: string | null;
  filePath: string | null;
  fps: number;
  /** WxH */
  resolution: string;
  /** picture adjustment from the calibration wizard, applied in the relay (eq filter) */
  picture?: { brightness: number; contrast: number } | null;
}

/**
 * ffmpeg arguments that pull a camera and send VP8 RTP to a loopback UDP port. VP8 rather than
 * H.264 passthrough: Debian's Chromium (our kiosk browser) decodes no H.264 over WebRTC; the
 * encoder runs in real-time mode with a keyframe every second, so a new viewer waits at most 1 s.
 */
export function ffmpegArgs(cam: CameraSource, rtpPort: number): string[] {
  const input: string[] = [];
  if (cam.sourceKind === 'file') {
    if (!cam.filePath) throw new Error(`camera ${cam.cameraId}: file camera without file_path`);
    // -re plays the file at its own rate, looped, as a live camera would deliver it. No
    // `-fflags nobuffer` here: a file has nothing to wait for, and with it ffmpeg mistimes files
    // whose frames are stored out of order (H.264 B-frames), sending one frame every 25 s.
    input.push('-re', '-stream_loop', '-1', '-i', cam.filePath);
  } else if (cam.sourceKind === 'rtsp') {
    if (!cam.rtspUrl) throw new Error(`camera ${cam.cameraId}: RTSP camera without rtsp_url`);
    // TCP first (no lost packets, one port through firewalls); UDP when the camera offers no TCP.
    // The socket timeout makes ffmpeg give up on a camera that stops answering.
    // Half a second of probing is enough for one video stream and shortens every reconnect. One
    // decoder thread: frame-threaded H.264 decoding holds a frame per extra thread (measured with
    // bench:relay, 1 RTSP camera: p50 259 ms with the default, 95 ms with one thread and low_delay).
    input.push(
      '-fflags',
      'nobuffer',
      '-rtsp_flags',
      'prefer_tcp',
      '-timeout',
      '5000000',
      '-analyzeduration',
      '500000',
      '-flags',
      'low_delay',
      '-threads',
      '1',
      '-i',
      cam.rtspUrl,
    );
  } else {
    if (!cam.usbDevice) throw new Error(`camera ${cam.cameraId}: USB camera without usb_device`);
    input.push(
      '-fflags',
      'nobuffer',
      '-f',
      'v4l2',
      '-framerate',
      String(cam.fps),
      '-video_size',
      cam.resolution,
      '-i',
      cam.usbDevice,
    );
  }
  const gop = Math.max(1, Math.round(cam.fps));
  // RTSP and file sources expose no exposure control to us, so brightness and contrast are
  // adjusted in the relay; left out when neutral, so most cameras pay nothing for it.
  const pic = cam.picture;
  const filter =
    pic && (pic.brightness !== 0 || pic.contrast !== 1)
      ? ['-vf', `eq=brightness=${pic.brightness.toFixed(2)}:contrast=${pic.contrast.toFixed(2)}`]
      : [];
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    ...input,
    '-an',
    ...filter,
    '-c:v',
    'libvpx',
    '-deadline',
    'realtime',
    '-cpu-used',
    '16',
    // One encoder thread per camera: several cameras share two cores, and libvpx's own threads
    // only fight over them. No look-ahead frames, which would add latency.
    '-threads',
    '1',
    '-lag-in-frames',
    '0',
    '-g',
    String(gop),
    '-b:v',
    '1M',
    '-error-resilient',
    '1',
    '-f',
    'rtp',
    '-payload_type',
    '96',
    `rtp://127.0.0.1:${rtpPort}?pkt_size=1200`,
  ];
}

/** A camera's RTSP URL with the password hidden, for logs and status messages. */
export function redactRtsp(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
