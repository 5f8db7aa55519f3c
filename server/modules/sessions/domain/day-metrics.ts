export interface TimeCell {
  zoneId: string | null;
  indexNumber: number | null;
  activeSeconds: number;
  idleSeconds: number;
}

export interface Productivity {
  activeSeconds: number;
  idleSeconds: number;
  /** active / (active + idle), seed 000 phase 10.5; null when nothing was logged */
  productivityPct: number | null;
}

function totals(cells: readonly TimeCell[]): Productivity {
  const activeSeconds = cells.reduce((a, c) => a + c.activeSeconds, 0);
  const idleSeconds = cells.reduce((a, c) => a + c.idleSeconds, 0);
  const sum = activeSeconds + idleSeconds;
  return { activeSeconds, idleSeconds, productivityPct: sum ? Math.round((activeSeconds / sum) * 1000) / 10 : null };
}

function groupBy<K>(cells: readonly TimeCell[], keyOf: (c: TimeCell) => K) {
  const groups = new Map<K, TimeCell[]>();
  for (const c of cells) groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c]);
  return groups;
}

/**
 * A day's figures from its time_logs cells: overall, per zone and per index. Time outside every
 * index (breaks, before and after the shift) counts in the day and zone totals, not in any index.
 */
export function dayMetrics(cells: readonly TimeCell[]) {
  return {
    ...totals(cells),
    zones: [...groupBy(cells, (c) => c.zoneId)]
      .filter(([zoneId]) => zoneId !== null)
      .map(([zoneId, cs]) => ({ zoneId: zoneId!, ...totals(cs) }))
      .sort((a, b) => a.zoneId.localeCompare(b.zoneId)),
    indices: [...groupBy(cells, (c) => c.indexNumber)]
      .filter(([index]) => index !== null)
      .map(([index, cs]) => ({ index: index!, ...totals(cs) }))
      .sort((a, b) => a.index - b.index),
  };
}
