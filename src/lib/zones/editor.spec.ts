import { describe, expect, it } from 'vitest';
import { peopleInZones, snapPoint } from './editor.js';

describe('zone editor helpers', () => {
  it('snaps to the grid and keeps points in the frame', () => {
    expect(snapPoint([0.123, 0.987], 0.05)).toEqual([0.1, 1]);
    expect(snapPoint([-0.2, 0.5], 0)).toEqual([0, 0.5]);
  });
  it('places people by their feet and skips zones that are not valid yet', () => {
    const zones = [
      {
        zoneId: 'A',
        polygon: [
          [0, 0.5],
          [0.5, 0.5],
          [0.5, 1],
          [0, 1],
        ] as [number, number][],
      },
      {
        zoneId: 'BAD',
        polygon: [
          [0.6, 0.6],
          [0.9, 0.9],
        ] as [number, number][],
      },
    ];
    const boxes = [
      { x: 100, y: 400, w: 50, h: 150 },
      { x: 700, y: 600, w: 50, h: 150 },
    ];
    expect(peopleInZones(zones, boxes, { width: 1000, height: 1000 })).toEqual(['A', null]);
  });
});
