import { describe, expect, it } from 'vitest';
import { Detections } from './detections.js';
import {
  anchorPoint,
  createZoneIndex,
  pointInPolygon,
  polygonErrors,
  validateZones,
  zoneMask,
  type Polygon,
} from './zones.js';

const square: Polygon = [
  [0.1, 0.1],
  [0.5, 0.1],
  [0.5, 0.5],
  [0.1, 0.5],
];
// An L shape: concave at (0.5, 0.5).
const ell: Polygon = [
  [0, 0],
  [1, 0],
  [1, 0.5],
  [0.5, 0.5],
  [0.5, 1],
  [0, 1],
];

describe('pointInPolygon', () => {
  it.each([
    { name: 'inside', p: [0.3, 0.3], poly: square, expected: true },
    { name: 'outside', p: [0.6, 0.3], poly: square, expected: false },
    { name: 'on an edge', p: [0.3, 0.1], poly: square, expected: true },
    { name: 'on a vertex', p: [0.5, 0.5], poly: square, expected: true },
    { name: 'in the notch of a concave polygon', p: [0.75, 0.75], poly: ell, expected: false },
    { name: 'in the arm of a concave polygon', p: [0.25, 0.75], poly: ell, expected: true },
    { name: 'on the concave corner', p: [0.5, 0.5], poly: ell, expected: true },
    { name: 'NaN', p: [NaN, 0.3], poly: square, expected: false },
  ] as const)('$name → $expected', ({ p, poly, expected }) => {
    expect(pointInPolygon(p, poly)).toBe(expected);
  });
});

describe('polygon validation', () => {
  it.each([
    {
      name: 'a triangle',
      poly: [
        [0, 0],
        [1, 0],
        [0, 1],
      ],
      code: null,
    },
    { name: 'a concave polygon', poly: ell, code: null },
    {
      name: 'two points',
      poly: [
        [0, 0],
        [1, 1],
      ],
      code: 'too_few_points',
    },
    {
      name: 'a bow tie',
      poly: [
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
      ],
      code: 'self_intersection',
    },
    {
      name: 'a NaN point',
      poly: [
        [0, 0],
        [NaN, 1],
        [1, 0],
      ],
      code: 'not_finite',
    },
    {
      name: 'pixel coordinates',
      poly: [
        [100, 200],
        [500, 200],
        [500, 800],
      ],
      code: 'out_of_range',
    },
    {
      name: 'collinear points',
      poly: [
        [0, 0],
        [0.5, 0.5],
        [1, 1],
      ],
      code: 'zero_area',
    },
    {
      name: 'a repeated point',
      poly: [
        [0, 0],
        [1, 0],
        [1, 0],
        [0, 1],
      ],
      code: 'self_intersection',
    },
  ] as const)('$name → $code', ({ poly, code }) => {
    const errors = polygonErrors('Z01', poly as unknown as Polygon);
    expect(errors[0]?.code ?? null).toBe(code);
  });

  it('warns about overlapping zones but does not block them', () => {
    const { errors, warnings } = validateZones([
      { id: 'Z01', polygon: square },
      {
        id: 'Z02',
        polygon: [
          [0.3, 0.3],
          [0.9, 0.3],
          [0.9, 0.9],
          [0.3, 0.9],
        ],
      },
      {
        id: 'Z03',
        polygon: [
          [0.6, 0.0],
          [0.9, 0.0],
          [0.9, 0.2],
        ],
      },
    ]);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.zoneId, w.code])).toEqual([['Z01', 'overlap']]);
  });

  it('counts a zone wholly inside another as overlapping', () => {
    const inner: Polygon = [
      [0.2, 0.2],
      [0.3, 0.2],
      [0.3, 0.3],
    ];
    expect(
      validateZones([
        { id: 'A', polygon: square },
        { id: 'B', polygon: inner },
      ]).warnings,
    ).toHaveLength(1);
  });
});

describe('zone index', () => {
  const line: Polygon = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ];
  const index = createZoneIndex([
    { id: 'LINE', polygon: line },
    { id: 'STATION', polygon: square },
  ]);

  it('gives a point in several zones to the smallest', () => {
    expect(index.zoneOf([0.3, 0.3])).toBe('STATION');
    expect(index.zoneOf([0.8, 0.8])).toBe('LINE');
    expect(index.zoneOf([1.2, 0.8])).toBeNull();
  });

  it('uses the foot point by default, the centre on request', () => {
    const frame = { width: 1000, height: 1000 };
    // Feet at y = 0.45 inside the station, centre at y = 0.3 also inside; feet at 0.6 outside.
    const dets = Detections.from([
      { box: [250, 150, 350, 450], score: 0.9 },
      { box: [250, 300, 350, 600], score: 0.9 },
    ]);
    expect(index.assign(dets, frame)).toEqual(['STATION', 'LINE']);
    expect(index.assign(dets, frame, 'center')).toEqual(['STATION', 'STATION']);
    expect([...zoneMask(square, dets, frame)]).toEqual([1, 0]);
  });

  it('rejects invalid zones and NaN boxes', () => {
    expect(() =>
      createZoneIndex([
        {
          id: 'BAD',
          polygon: [
            [0, 0],
            [1, 1],
          ],
        },
      ]),
    ).toThrow(/BAD/);
    expect(() => anchorPoint([NaN, 0, 1, 1], 'bottom-center', { width: 10, height: 10 })).toThrow(RangeError);
    expect(() => anchorPoint([0, 0, 1, 1], 'center', { width: 0, height: 10 })).toThrow(RangeError);
  });
});
