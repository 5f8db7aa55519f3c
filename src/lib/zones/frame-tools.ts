import type { Point } from '../tracking/zones.js';
import { createDetector } from '../vision/create-detector.js';
import { chooseRuntime } from '../vision/runtime.js';
import { peopleInZones, type TestedPerson } from './editor.js';

export interface FrozenFrame {
  url: string;
  width: number;
  height: number;
}

/** The video's current picture as a still to draw zones on; null before the first frame. */
export function freezeVideo(video: HTMLVideoElement | null): FrozenFrame | null {
  if (!video?.videoWidth) return null;
  const c = document.createElement('canvas');
  c.width = video.videoWidth;
  c.height = video.videoHeight;
  c.getContext('2d')!.drawImage(video, 0, 0);
  return { url: c.toDataURL('image/jpeg', 0.9), width: c.width, height: c.height };
}

/** "Test detection": the kiosk's detector on the still, each person with the zone their feet are in. */
export async function testDetection(
  frame: FrozenFrame,
  zones: readonly { key: string; polygon: readonly Point[] }[],
  model: string,
): Promise<TestedPerson[]> {
  const detector = await createDetector(await chooseRuntime(), { model });
  try {
    const img = new Image();
    img.src = frame.url;
    await img.decode();
    const [found] = await detector.detect([img]);
    const where = peopleInZones(
      zones.map((z) => ({ zoneId: z.key, polygon: z.polygon })),
      found!,
      frame,
    );
    return found!.map((p, i) => ({
      box: [p.x / frame.width, p.y / frame.height, (p.x + p.w) / frame.width, (p.y + p.h) / frame.height],
      zoneKey: where[i]!,
    }));
  } finally {
    detector.dispose();
  }
}
