// npm run schedule:timeline -- --start 08:00 --end 17:00 --break 10:00/15 --break 15:00/15 --indices 11
//   [--mode equal|fixed] [--minutes M] [--json]
// Prints the day's index timeline; with --json its last line is [{index, segments:[{start,end}], netMinutes}].
import { parseArgs } from 'node:util';
import { isDomainError } from '../../../src/lib/shared/errors.js';
import { computeTimeline, timelineJson } from './domain/timeline.js';

const { values } = parseArgs({
  options: {
    start: { type: 'string', default: '08:00' },
    end: { type: 'string', default: '17:00' },
    break: { type: 'string', multiple: true, default: [] },
    indices: { type: 'string', default: '11' },
    mode: { type: 'string', default: 'equal' },
    minutes: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

try {
  if (values.mode !== 'equal' && values.mode !== 'fixed') throw new Error('--mode must be equal or fixed');
  const breaks = values.break!.map((b, i) => {
    const m = /^([\d:]+)\/(\d+(?:\.\d+)?)$/.exec(b);
    if (!m) throw new Error(`--break ${b} (#${i + 1}) must look like HH:MM/minutes`);
    return { start: m[1]!, durationMin: Number(m[2]) };
  });
  const rows = timelineJson(
    computeTimeline({
      workStart: values.start!,
      workEnd: values.end!,
      breaks,
      indices: Number(values.indices),
      mode: values.mode,
      fixedMinutes: values.minutes === undefined ? null : Number(values.minutes),
    }),
  );
  for (const r of rows) {
    const m = Math.floor(r.netMinutes);
    const s = Math.round((r.netMinutes - m) * 60);
    console.log(
      `Index ${String(r.index).padStart(2)}  ${r.segments.map((x) => `${x.start}–${x.end}`).join(' → break → ')}  (${m} min ${s} s)`,
    );
  }
  if (values.json) console.log(JSON.stringify(rows));
} catch (err) {
  console.error(isDomainError(err) || err instanceof Error ? err.message : String(err));
  process.exit(2);
}
