import type { Detections } from './detections.js';
import type { Xyxy } from './geometry.js';

/** A point in normalised image coordinates: 0..1 across and down, so zones survive resolution changes. */
export type Point = readonly [x: number, y: number];
export type Polygon = readonly Point[];

export interface ZoneShape {
  readonly id: string;
  readonly polygon: Polygon;
}

/** Where a person is: their feet (bottom-centre) by default, since they stand in a station with them. */
export type Anchor = 'bottom-center' | 'center';

export interface FrameSize {
  readonly width: number;
  readonly height: number;
}

export interface ZoneIssue {
  zoneId: string;
  code: 'too_few_points' | 'not_finite' | 'out_of_range' | 'self_intersection' | 'zero_area' | 'overlap';
  message: string;
  /** the values in the message, for a page that says it in another language */
  params?: Record<string, string | number>;
}

const EPS = 1e-12;

export function anchorPoint(box: Xyxy, anchor: Anchor, frame: FrameSize): Point {
  if (!box.every(Number.isFinite)) throw new RangeError('box coordinates must be finite');
  if (!(frame.width > 0 && frame.height > 0)) throw new RangeError('frame size must be positive');
  const x = (box[0] + box[2]) / 2 / frame.width;
  const y = (anchor === 'bottom-center' ? box[3] : (box[1] + box[3]) / 2) / frame.height;
  return [x, y];
}

function cross(o: Point, a: Point, b: Point): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function onSegment(p: Point, a: Point, b: Point): boolean {
  return (
    Math.abs(cross(a, b, p)) <= EPS &&
    p[0] >= Math.min(a[0], b[0]) - EPS &&
    p[0] <= Math.max(a[0], b[0]) + EPS &&
    p[1] >= Math.min(a[1], b[1]) - EPS &&
    p[1] <= Math.max(a[1], b[1]) + EPS
  );
}

/** Whether segments ab and cd share a point (touching counts). */
function segmentsIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS)))
    return true;
  return onSegment(a, c, d) || onSegment(b, c, d) || onSegment(c, a, b) || onSegment(d, a, b);
}

/**
 * Point in polygon by ray casting (even–odd, so concave polygons work); a point on an edge or a
 * vertex counts as inside, so a person standing on the painted line is in the zone.
 */
export function pointInPolygon(p: Point, polygon: Polygon): boolean {
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return false;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (onSegment(p, a, b)) return true;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

export function polygonArea(polygon: Polygon): number {
  let twice = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    twice += polygon[j]![0] * polygon[i]![1] - polygon[i]![0] * polygon[j]![1];
  }
  return Math.abs(twice) / 2;
}

/** Problems that make a polygon unusable; an empty list means it may be saved. */
export function polygonErrors(zoneId: string, polygon: Polygon): ZoneIssue[] {
  const issue = (code: ZoneIssue['code'], message: string, params?: ZoneIssue['params']): ZoneIssue[] => [
    { zoneId, code, message, ...(params && { params }) },
  ];
  if (polygon.length < 3) {
    return issue('too_few_points', `needs at least 3 points, has ${polygon.length}`, { count: polygon.length });
  }
  if (!polygon.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])))
    return issue('not_finite', 'has a point that is not a finite number');
  if (!polygon.every((p) => p[0] >= 0 && p[0] <= 1 && p[1] >= 0 && p[1] <= 1)) {
    return issue('out_of_range', 'points must be normalised image coordinates within 0..1');
  }
  const n = polygon.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // Adjacent edges share a vertex by construction; only non-adjacent ones may not meet.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsIntersect(polygon[i]!, polygon[(i + 1) % n]!, polygon[j]!, polygon[(j + 1) % n]!)) {
        return issue('self_intersection', `edge ${i + 1} crosses edge ${j + 1}`, { edge: i + 1, other: j + 1 });
      }
    }
  }
  if (polygonArea(polygon) <= EPS) return issue('zero_area', 'encloses no area');
  return [];
}

export function polygonsOverlap(a: Polygon, b: Polygon): boolean {
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (segmentsIntersect(a[i]!, a[(i + 1) % a.length]!, b[j]!, b[(j + 1) % b.length]!)) return true;
    }
  }
  return pointInPolygon(a[0]!, b) || pointInPolygon(b[0]!, a);
}

/** Errors block saving; warnings (overlapping zones) are shown but allowed. */
export function validateZones(zones: readonly ZoneShape[]): { errors: ZoneIssue[]; warnings: ZoneIssue[] } {
  const errors = zones.flatMap((z) => polygonErrors(z.id, z.polygon));
  const bad = new Set(errors.map((e) => e.zoneId));
  const warnings: ZoneIssue[] = [];
  for (let i = 0; i < zones.length; i++) {
    for (let j = i + 1; j < zones.length; j++) {
      const [a, b] = [zones[i]!, zones[j]!];
      if (!bad.has(a.id) && !bad.has(b.id) && polygonsOverlap(a.polygon, b.polygon)) {
        warnings.push({
          zoneId: a.id,
          code: 'overlap',
          message: `overlaps zone ${b.id}; people in both count for the smaller one`,
          params: { other: b.id },
        });
      }
    }
  }
  return { errors, warnings };
}

/**
 * Finds the zone of a point. Where zones overlap, the smallest one wins (seed: "prioritise by
 * area"): a station drawn inside a line area is the more specific answer.
 */
export function createZoneIndex(zones: readonly ZoneShape[]) {
  const { errors } = validateZones(zones);
  if (errors.length) throw new RangeError(`zone ${errors[0]!.zoneId}: ${errors[0]!.message}`);
  const sorted = zones
    .map((z) => ({
      id: z.id,
      polygon: z.polygon,
      area: polygonArea(z.polygon),
      minX: Math.min(...z.polygon.map((p) => p[0])),
      maxX: Math.max(...z.polygon.map((p) => p[0])),
      minY: Math.min(...z.polygon.map((p) => p[1])),
      maxY: Math.max(...z.polygon.map((p) => p[1])),
    }))
    .sort((a, b) => a.area - b.area);
  function zoneOf(p: Point): string | null {
    for (const z of sorted) {
      if (p[0] < z.minX || p[0] > z.maxX || p[1] < z.minY || p[1] > z.maxY) continue;
      if (pointInPolygon(p, z.polygon)) return z.id;
    }
    return null;
  }
  return {
    zoneOf,
    /** The zone of each detection's anchor point, or null outside every zone. */
    assign(dets: Detections, frame: FrameSize, anchor: Anchor = 'bottom-center'): (string | null)[] {
      return Array.from({ length: dets.length }, (_, i) => zoneOf(anchorPoint(dets.box(i), anchor, frame)));
    },
  };
}
export type ZoneIndex = ReturnType<typeof createZoneIndex>;

/** 1 for each detection whose anchor point lies in the polygon. */
export function zoneMask(
  polygon: Polygon,
  dets: Detections,
  frame: FrameSize,
  anchor: Anchor = 'bottom-center',
): Uint8Array {
  const mask = new Uint8Array(dets.length);
  for (let i = 0; i < dets.length; i++)
    mask[i] = pointInPolygon(anchorPoint(dets.box(i), anchor, frame), polygon) ? 1 : 0;
  return mask;
}
