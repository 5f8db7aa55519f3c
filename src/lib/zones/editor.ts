import { anchorPoint, createZoneIndex, polygonErrors, type Point } from '../tracking/zones.js';

/** A person found by "test detection", box normalised, with the key of the zone they stand in. */
export interface TestedPerson {
  box: [number, number, number, number];
  zoneKey: string | null;
}

/** Rounds a normalised point to the editor's grid (`step` 0: no snapping), kept inside the frame. */
export function snapPoint(p: Point, step: number): Point {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  if (!(step > 0)) return [clamp(p[0]), clamp(p[1])];
  const r = (v: number) => clamp(Math.round(v / step) * step);
  return [Number(r(p[0]).toFixed(4)), Number(r(p[1]).toFixed(4))];
}

/**
 * "Test detection": which detected people stand in which zone on the frozen frame. Zones that are
 * not valid yet are left out rather than failing the whole test.
 */
export function peopleInZones(
  zones: readonly { zoneId: string; polygon: readonly Point[] }[],
  boxes: readonly { x: number; y: number; w: number; h: number }[],
  frame: { width: number; height: number },
): (string | null)[] {
  const usable = zones.filter((z) => polygonErrors(z.zoneId, z.polygon).length === 0);
  let index: ReturnType<typeof createZoneIndex>;
  try {
    index = createZoneIndex(usable.map((z) => ({ id: z.zoneId, polygon: z.polygon })));
  } catch {
    return boxes.map(() => null);
  }
  return boxes.map((b) => index.zoneOf(anchorPoint([b.x, b.y, b.x + b.w, b.y + b.h], 'bottom-center', frame)));
}
