import { spawn, type ChildProcess } from 'node:child_process';
import RtspServerModule from 'rtsp-streaming-server';
import { chooseFfmpeg } from '../../server/platform/ffmpeg.js';

interface Closable {
  server: { close(): void };
}
type RtspServerClass = new (o: {
  serverPort: number;
  clientPort: number;
  rtpPortStart: number;
  rtpPortCount: number;
}) => {
  start(): Promise<void>;
  ClientServer: Closable;
  PublishServer: Closable;
};

/**
 * A local RTSP camera for tests and demos: a small RTSP server (rtsp-streaming-server) on loopback,
 * fed by ffmpeg publishing a video file in a loop. `stopSource`/`startSource` play a camera that
 * dies and comes back.
 */
export async function startRtspCamera(
  file: string,
  ports: { publish: number; play: number; rtp: number },
  /** ffmpeg input arguments in place of the looped file (e.g. a FIFO of painted frames) */
  input: string[] = ['-re', '-stream_loop', '-1', '-i', file],
) {
  const mod = RtspServerModule as unknown as { default?: RtspServerClass } & RtspServerClass;
  const Server = mod.default ?? mod;
  const server = new Server({
    serverPort: ports.publish,
    clientPort: ports.play,
    rtpPortStart: ports.rtp,
    rtpPortCount: 200,
  });
  await server.start();
  let source: ChildProcess | null = null;
  const startSource = () => {
    source = spawn(
      chooseFfmpeg(null).path,
      [
        '-loglevel',
        'error',
        ...input,
        '-an',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-tune',
        'zerolatency',
        '-g',
        '10',
        '-f',
        'rtsp',
        `rtsp://127.0.0.1:${ports.publish}/cam1`,
      ],
      { stdio: 'ignore' },
    );
  };
  startSource();
  return {
    url: `rtsp://127.0.0.1:${ports.play}/cam1`,
    startSource,
    stopSource(): void {
      source?.kill('SIGKILL');
      source = null;
    },
    stop(): void {
      source?.kill('SIGKILL');
      // The library has no stop(); its two RTSP listeners are plain servers. Not awaited: a server
      // closes only when its last client connection has, which a stalled client may never do.
      for (const part of [server.ClientServer, server.PublishServer]) part.server.close();
    },
  };
}
