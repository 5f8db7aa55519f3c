/** The figures of one day, as the summary is built from them. */
export interface DayFigures {
  date: string;
  zones: { zoneId: string; name: string }[];
  /** active and idle seconds per zone and index */
  time: { zoneId: string | null; indexNumber: number | null; activeSeconds: number; idleSeconds: number }[];
  workers: { workerId: string; name: string; activeSeconds: number; idleSeconds: number }[];
  anomalies: { type: string; count: number }[];
  /** alerts raised that day below critical, for the digest */
  alerts: { severity: string; rule: string; message: string; raisedAt: string }[];
}

export interface DailySummary {
  date: string;
  workSeconds: number;
  activeSeconds: number;
  idleSeconds: number;
  productivityPct: number | null;
  zones: {
    zoneId: string;
    name: string;
    productivityPct: number | null;
    indices: { index: number; activeSeconds: number; idleSeconds: number; productivityPct: number | null }[];
  }[];
  anomalies: { total: number; byType: Record<string, number> };
  /** named workers with at least `MIN_WORK_SECONDS` of time, best and weakest by productivity */
  best: { workerId: string; name: string; productivityPct: number }[];
  weakest: { workerId: string; name: string; productivityPct: number }[];
  digest: DayFigures['alerts'];
}

/** A worker with less time than this that day is not ranked: a few minutes say nothing. */
export const MIN_WORK_SECONDS = 30 * 60;

const pct = (active: number, idle: number) =>
  active + idle > 0 ? Math.round((1000 * active) / (active + idle)) / 10 : null;

/** The day's summary: productivity = active / (active + idle), per zone and index and overall. */
export function buildDailySummary(f: DayFigures): DailySummary {
  const active = f.time.reduce((s, t) => s + t.activeSeconds, 0);
  const idle = f.time.reduce((s, t) => s + t.idleSeconds, 0);
  const zones = f.zones.map((z) => {
    const rows = f.time.filter((t) => t.zoneId === z.zoneId && t.indexNumber !== null);
    const a = rows.reduce((s, t) => s + t.activeSeconds, 0);
    const i = rows.reduce((s, t) => s + t.idleSeconds, 0);
    return {
      zoneId: z.zoneId,
      name: z.name,
      productivityPct: pct(a, i),
      indices: rows
        .map((t) => ({
          index: t.indexNumber!,
          activeSeconds: t.activeSeconds,
          idleSeconds: t.idleSeconds,
          productivityPct: pct(t.activeSeconds, t.idleSeconds),
        }))
        .sort((x, y) => x.index - y.index),
    };
  });
  const ranked = f.workers
    .filter((w) => w.activeSeconds + w.idleSeconds >= MIN_WORK_SECONDS)
    .map((w) => ({ workerId: w.workerId, name: w.name, productivityPct: pct(w.activeSeconds, w.idleSeconds)! }))
    .sort((a, b) => b.productivityPct - a.productivityPct || a.workerId.localeCompare(b.workerId));
  const top = Math.min(3, Math.floor(ranked.length / 2) || ranked.length);
  return {
    date: f.date,
    workSeconds: active + idle,
    activeSeconds: active,
    idleSeconds: idle,
    productivityPct: pct(active, idle),
    zones,
    anomalies: {
      total: f.anomalies.reduce((s, a) => s + a.count, 0),
      byType: Object.fromEntries(f.anomalies.map((a) => [a.type, a.count])),
    },
    best: ranked.slice(0, top),
    // With one ranked worker there is nobody to compare with: they are best, not also weakest.
    weakest: ranked.length > 1 ? ranked.slice(-top).reverse() : [],
    digest: f.alerts,
  };
}

/** The summary as an e-mail's text. */
export function summaryText(s: DailySummary): string {
  const h = (sec: number) => `${Math.floor(sec / 3600)} h ${Math.round((sec % 3600) / 60)} min`;
  return [
    `Floorsight daily summary, ${s.date}`,
    ``,
    `Work time ${h(s.workSeconds)} (active ${h(s.activeSeconds)}, idle ${h(s.idleSeconds)}); productivity ${s.productivityPct ?? '–'} %.`,
    ``,
    `Zones:`,
    ...s.zones.map(
      (z) =>
        `  ${z.name}: ${z.productivityPct ?? '–'} %` +
        (z.indices.length ? ` (${z.indices.map((i) => `#${i.index} ${i.productivityPct ?? '–'} %`).join(', ')})` : ''),
    ),
    ``,
    `Anomalies: ${s.anomalies.total}${Object.entries(s.anomalies.byType)
      .map(([t, n]) => `, ${t} ${n}`)
      .join('')}`,
    `Best: ${s.best.map((w) => `${w.name} ${w.productivityPct} %`).join(', ') || '–'}`,
    `Weakest: ${s.weakest.map((w) => `${w.name} ${w.productivityPct} %`).join(', ') || '–'}`,
    ``,
    `Alerts below critical today (${s.digest.length}):`,
    ...s.digest.map((a) => `  ${a.raisedAt} ${a.severity} ${a.rule}: ${a.message}`),
  ].join('\n');
}
