/**
 * Minimum-cost assignment on a dense row-major cost matrix (rows × cols), by the shortest
 * augmenting path method with potentials (Kuhn–Munkres in the Jonker–Volgenant form): O(n²m).
 * Entries that are not finite are forbidden. Among assignments using only allowed entries it finds
 * one of maximum size and, among those, of minimum total cost — the contract of
 * scipy.optimize.linear_sum_assignment as py-motmetrics uses it.
 */
export function linearSumAssignment(cost: Float64Array, rows: number, cols: number): [number, number][] {
  if (rows === 0 || cols === 0) return [];
  // Forbidden entries get a cost above any whole assignment of allowed ones, so the optimum uses as
  // few of them as possible; they are dropped from the answer afterwards.
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cost) {
    if (Number.isFinite(c)) {
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
    }
  }
  if (lo === Infinity) return [];
  const forbidden = (hi - lo + 1) * Math.min(rows, cols) + hi + 1;
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const at = (i: number, j: number) => {
    const c = transpose ? cost[j * cols + i]! : cost[i * cols + j]!;
    return Number.isFinite(c) ? c : forbidden;
  };
  // 1-based arrays as in the classic formulation; column 0 is the virtual start.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j] = row assigned to column j (0 = none)
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = at(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const pairs: [number, number][] = [];
  for (let j = 1; j <= m; j++) {
    if (p[j] === 0) continue;
    const r = transpose ? j - 1 : p[j]! - 1;
    const c = transpose ? p[j]! - 1 : j - 1;
    if (Number.isFinite(cost[r * cols + c]!)) pairs.push([r, c]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/**
 * Assignment with a cost limit, as ByteTrack's `linear_assignment` (lap.lapjv with extend_cost and
 * cost_limit): a pair is only made when that beats leaving both sides unmatched, i.e. cost ≤ limit.
 * Solved on the square (rows+cols) extension whose dummy entries cost limit/2.
 */
export function assignWithLimit(cost: Float64Array, rows: number, cols: number, limit: number) {
  const size = rows + cols;
  const ext = new Float64Array(size * size).fill(limit / 2);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) ext[i * size + j] = cost[i * cols + j]!;
  }
  for (let i = rows; i < size; i++) {
    for (let j = cols; j < size; j++) ext[i * size + j] = 0;
  }
  const matches: [number, number][] = [];
  const matchedRows = new Uint8Array(rows);
  const matchedCols = new Uint8Array(cols);
  for (const [r, c] of linearSumAssignment(ext, size, size)) {
    if (r < rows && c < cols && cost[r * cols + c]! <= limit) {
      matches.push([r, c]);
      matchedRows[r] = 1;
      matchedCols[c] = 1;
    }
  }
  const unmatchedRows = [...matchedRows.keys()].filter((r) => !matchedRows[r]);
  const unmatchedCols = [...matchedCols.keys()].filter((c) => !matchedCols[c]);
  return { matches, unmatchedRows, unmatchedCols };
}
