import type { Tlwh } from './geometry.js';

/** One row of a MOTChallenge text file: frame, id, box, confidence. */
export interface MotRow {
  frame: number;
  id: number;
  box: Tlwh;
  score: number;
}

/**
 * Parses MOTChallenge CSV text (`frame, id, left, top, width, height, conf, …`). Rows with
 * confidence below `minConfidence` are left out: for ground truth, py-motmetrics' MOTChallenge
 * evaluation uses 1, which drops the rows marked "ignore".
 */
export function parseMot(text: string, minConfidence = -Infinity): MotRow[] {
  const rows: MotRow[] = [];
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (!line) continue;
    const f = line.split(/[,\s]+/).map(Number);
    if (f.length < 7 || f.slice(0, 7).some((x) => !Number.isFinite(x))) {
      throw new SyntaxError(`line ${n + 1}: expected frame,id,left,top,width,height,conf`);
    }
    if (f[6]! < minConfidence) continue;
    rows.push({ frame: f[0]!, id: f[1]!, box: [f[2]!, f[3]!, f[4]!, f[5]!], score: f[6]! });
  }
  return rows;
}

/** Rows grouped by frame number. */
export function byFrame(rows: readonly MotRow[]): Map<number, MotRow[]> {
  const out = new Map<number, MotRow[]>();
  for (const r of rows) {
    const list = out.get(r.frame);
    if (list) list.push(r);
    else out.set(r.frame, [r]);
  }
  return out;
}
