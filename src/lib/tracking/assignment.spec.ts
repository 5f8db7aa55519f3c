import { describe, expect, it } from 'vitest';
import { assignWithLimit, linearSumAssignment } from './assignment.js';
import { iou } from './geometry.js';

/** Every assignment, by brute force: maximum size first, then minimum cost. */
function bruteForce(cost: number[][]): { size: number; total: number } {
  const rows = cost.length;
  const cols = cost[0]?.length ?? 0;
  let best = { size: 0, total: 0 };
  const used = new Array<boolean>(cols).fill(false);
  const walk = (r: number, size: number, total: number) => {
    if (r === rows) {
      if (size > best.size || (size === best.size && total < best.total - 1e-9)) best = { size, total };
      return;
    }
    walk(r + 1, size, total);
    for (let c = 0; c < cols; c++) {
      if (used[c] || !Number.isFinite(cost[r]![c]!)) continue;
      used[c] = true;
      walk(r + 1, size + 1, total + cost[r]![c]!);
      used[c] = false;
    }
  };
  walk(0, 0, 0);
  return best;
}

function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('linearSumAssignment', () => {
  it('matches brute force on random rectangular matrices with forbidden entries', () => {
    const rnd = random(7);
    for (let trial = 0; trial < 300; trial++) {
      const rows = 1 + Math.floor(rnd() * 5);
      const cols = 1 + Math.floor(rnd() * 5);
      const cost = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => (rnd() < 0.3 ? NaN : Math.round(rnd() * 100) / 10)),
      );
      const pairs = linearSumAssignment(new Float64Array(cost.flat()), rows, cols);
      const expected = bruteForce(cost);
      expect(pairs.length).toBe(expected.size);
      expect(pairs.reduce((s, [r, c]) => s + cost[r]![c]!, 0)).toBeCloseTo(expected.total, 9);
      expect(new Set(pairs.map((p) => p[0])).size).toBe(pairs.length);
      expect(new Set(pairs.map((p) => p[1])).size).toBe(pairs.length);
    }
  });

  it('returns nothing for empty or all-forbidden input', () => {
    expect(linearSumAssignment(new Float64Array(0), 0, 3)).toEqual([]);
    expect(linearSumAssignment(new Float64Array([NaN, Infinity]), 1, 2)).toEqual([]);
  });
});

describe('assignWithLimit', () => {
  it('leaves pairs above the limit unmatched instead of forcing them', () => {
    // Row 1 could take column 0 at 0.9, but that is over the limit: both stay unmatched.
    const r = assignWithLimit(new Float64Array([0.1, 0.95, 0.9, 0.99]), 2, 2, 0.8);
    expect(r.matches).toEqual([[0, 0]]);
    expect(r.unmatchedRows).toEqual([1]);
    expect(r.unmatchedCols).toEqual([1]);
  });

  it('prefers the globally cheaper pairing over a greedy first pick', () => {
    // Greedy takes (0,0)=0.1 and leaves row 1 with 0.75; optimal is (0,1)+(1,0) = 0.2 + 0.2.
    const r = assignWithLimit(new Float64Array([0.1, 0.2, 0.2, 0.75]), 2, 2, 0.8);
    expect(r.matches).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});

describe('iou', () => {
  it.each([
    { a: [0, 0, 10, 10], b: [0, 0, 10, 10], expected: 1 },
    { a: [0, 0, 10, 10], b: [5, 0, 15, 10], expected: 1 / 3 },
    { a: [0, 0, 10, 10], b: [10, 0, 20, 10], expected: 0 },
    { a: [0, 0, 0, 0], b: [0, 0, 0, 0], expected: 0 },
  ] as const)('$a vs $b = $expected', ({ a, b, expected }) => {
    expect(iou(a, b)).toBeCloseTo(expected, 9);
  });
});

describe('assignWithLimit by components', () => {
  it('gives the same total cost as solving the whole extended matrix at once', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 200; trial++) {
      const rows = Math.floor(rnd() * 7);
      const cols = Math.floor(rnd() * 7);
      const cost = new Float64Array(rows * cols).map(() => (rnd() < 0.6 ? 1 : rnd()));
      const limit = 0.8;
      const size = rows + cols;
      const ext = new Float64Array(size * size).fill(limit / 2);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) ext[i * size + j] = cost[i * cols + j]!;
      for (let i = rows; i < size; i++) for (let j = cols; j < size; j++) ext[i * size + j] = 0;
      const whole = linearSumAssignment(ext, size, size).reduce((s, [i, j]) => s + ext[i * size + j]!, 0);
      const r = assignWithLimit(cost, rows, cols, limit);
      const parts =
        r.matches.reduce((s, [i, j]) => s + cost[i * cols + j]!, 0) +
        ((r.unmatchedRows.length + r.unmatchedCols.length) * limit) / 2;
      expect(parts).toBeCloseTo(whole, 9);
    }
  });
});
