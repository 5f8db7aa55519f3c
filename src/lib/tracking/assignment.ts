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

/** Groups of rows and columns linked by allowed pairs (cost ≤ limit), found with union–find. */
function components(
  cost: Float64Array,
  rows: number,
  cols: number,
  limit: number,
): { rows: number[]; cols: number[] }[] {
  const parent = Array.from({ length: rows + cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) if (cost[r * cols + c]! <= limit) parent[find(r)] = find(rows + c);
  }
  const groups = new Map<number, { rows: number[]; cols: number[] }>();
  for (let i = 0; i < rows + cols; i++) {
    const g = groups.get(find(i)) ?? { rows: [], cols: [] };
    if (i < rows) g.rows.push(i);
    else g.cols.push(i - rows);
    groups.set(find(i), g);
  }
  return [...groups.values()].filter((g) => g.rows.length > 0 && g.cols.length > 0);
}

/**
 * Assignment with a cost limit, as ByteTrack's `linear_assignment` (lap.lapjv with extend_cost and
 * cost_limit): a pair is only made when that beats leaving both sides unmatched, i.e. cost ≤ limit.
 * Solved on the square (rows+cols) extension whose dummy entries cost limit/2, separately for each
 * group of rows and columns linked by allowed pairs — the same optimum, since no allowed pair crosses
 * groups, at a fraction of the cost when people stand apart.
 */
export function assignWithLimit(cost: Float64Array, rows: number, cols: number, limit: number) {
  const matches: [number, number][] = [];
  const matchedRows = new Uint8Array(rows);
  const matchedCols = new Uint8Array(cols);
  for (const g of components(cost, rows, cols, limit)) {
    const r = g.rows.length;
    const c = g.cols.length;
    if (r === 1 && c === 1) {
      matches.push([g.rows[0]!, g.cols[0]!]);
      continue;
    }
    const size = r + c;
    const ext = new Float64Array(size * size).fill(limit / 2);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) ext[i * size + j] = cost[g.rows[i]! * cols + g.cols[j]!]!;
    for (let i = r; i < size; i++) for (let j = c; j < size; j++) ext[i * size + j] = 0;
    for (const [i, j] of linearSumAssignment(ext, size, size)) {
      if (i < r && j < c && ext[i * size + j]! <= limit) matches.push([g.rows[i]!, g.cols[j]!]);
    }
  }
  for (const [row, col] of matches) {
    matchedRows[row] = 1;
    matchedCols[col] = 1;
  }
  matches.sort((a, b) => a[0] - b[0]);
  const unmatchedRows = [...matchedRows.keys()].filter((i) => !matchedRows[i]);
  const unmatchedCols = [...matchedCols.keys()].filter((j) => !matchedCols[j]);
  return { matches, unmatchedRows, unmatchedCols };
}
