import { linearSumAssignment } from './assignment.js';
import { iou, tlwhToXyxy, type Tlwh } from './geometry.js';
import { byFrame, type MotRow } from './mot-format.js';

export interface MotSummary {
  numFrames: number;
  numObjects: number;
  numPredictions: number;
  numMatches: number;
  numSwitches: number;
  numFalsePositives: number;
  numMisses: number;
  numFragmentations: number;
  mostlyTracked: number;
  partiallyTracked: number;
  mostlyLost: number;
  numUniqueObjects: number;
  /** 1 − (FN + FP + IDSW) / GT */
  mota: number;
  /** mean distance (1 − IoU) of matched pairs, as py-motmetrics reports it */
  motp: number;
  idf1: number;
  idp: number;
  idr: number;
}

/** 1 − IoU for pairs at or above the IoU threshold; NaN (not a candidate) below it. */
function distances(gt: readonly MotRow[], hyp: readonly MotRow[], minIou: number): Float64Array {
  const d = new Float64Array(gt.length * hyp.length);
  for (let i = 0; i < gt.length; i++) {
    const g = tlwhToXyxy(gt[i]!.box);
    for (let j = 0; j < hyp.length; j++) {
      const dist = 1 - iou(g, tlwhToXyxy(hyp[j]!.box));
      d[i * hyp.length + j] = dist <= 1 - minIou ? dist : NaN;
    }
  }
  return d;
}

interface ObjectStats {
  frames: number;
  matched: number;
  /** per frame the object was present: matched (true) or missed (false), in order */
  history: boolean[];
}

/**
 * CLEAR-MOT and identity metrics for one sequence, computed as py-motmetrics' MOTAccumulator and
 * its MOTChallenge metrics do (IoU ≥ 0.5 by default). Frames are those present in either file.
 */
export function evaluateMot(gtRows: readonly MotRow[], hypRows: readonly MotRow[], minIou = 0.5): MotSummary {
  const gtFrames = byFrame(gtRows);
  const hypFrames = byFrame(hypRows);
  const frames = [...new Set([...gtFrames.keys(), ...hypFrames.keys()])].sort((a, b) => a - b);

  const current = new Map<number, number>(); // object → hypothesis it is matched to (py-motmetrics `m`)
  const lastMatchFrame = new Map<number, number>();
  const objects = new Map<number, ObjectStats>();
  let lastFrame: number | null = null;
  let matches = 0;
  let switches = 0;
  let fp = 0;
  let fn = 0;
  let distSum = 0;
  // For IDF1: how often each (object, hypothesis) pair was within the threshold, and how often each id appeared.
  const pairCounts = new Map<string, number>();
  const objCounts = new Map<number, number>();
  const hypCounts = new Map<number, number>();

  for (const frame of frames) {
    const gt = gtFrames.get(frame) ?? [];
    const hyp = hypFrames.get(frame) ?? [];
    const d = distances(gt, hyp, minIou);
    const gtTaken = new Uint8Array(gt.length);
    const hypTaken = new Uint8Array(hyp.length);
    const matchedNow = new Set<number>();

    for (const g of gt) objCounts.set(g.id, (objCounts.get(g.id) ?? 0) + 1);
    for (const h of hyp) hypCounts.set(h.id, (hypCounts.get(h.id) ?? 0) + 1);
    for (let i = 0; i < gt.length; i++) {
      for (let j = 0; j < hyp.length; j++) {
        if (!Number.isNaN(d[i * hyp.length + j]!)) {
          const key = `${gt[i]!.id}:${hyp[j]!.id}`;
          pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
        }
      }
    }

    const match = (i: number, j: number) => {
      gtTaken[i] = 1;
      hypTaken[j] = 1;
      matches++;
      distSum += d[i * hyp.length + j]!;
      matchedNow.add(gt[i]!.id);
      current.set(gt[i]!.id, hyp[j]!.id);
      lastMatchFrame.set(gt[i]!.id, frame);
    };

    // 1. Keep last frame's correspondences where still valid, unless that hypothesis is already taken.
    for (let i = 0; i < gt.length; i++) {
      const o = gt[i]!.id;
      if (!current.has(o) || lastMatchFrame.get(o) !== lastFrame) continue;
      const j = hyp.findIndex((h, k) => !hypTaken[k] && h.id === current.get(o));
      if (j >= 0 && !Number.isNaN(d[i * hyp.length + j]!)) match(i, j);
    }

    // 2. Optimal assignment of the rest; a new partner for a previously matched object is a switch.
    const freeGt = [...gtTaken.keys()].filter((i) => !gtTaken[i]);
    const freeHyp = [...hypTaken.keys()].filter((j) => !hypTaken[j]);
    const sub = new Float64Array(freeGt.length * freeHyp.length);
    freeGt.forEach((i, a) => freeHyp.forEach((j, b) => (sub[a * freeHyp.length + b] = d[i * hyp.length + j]!)));
    for (const [a, b] of linearSumAssignment(sub, freeGt.length, freeHyp.length)) {
      const i = freeGt[a]!;
      const j = freeHyp[b]!;
      const o = gt[i]!.id;
      if (current.has(o) && current.get(o) !== hyp[j]!.id) switches++;
      match(i, j);
    }

    fn += gtTaken.reduce((n, t) => n + (t ? 0 : 1), 0);
    fp += hypTaken.reduce((n, t) => n + (t ? 0 : 1), 0);
    for (const g of gt) {
      const s = objects.get(g.id) ?? { frames: 0, matched: 0, history: [] };
      s.frames++;
      const ok = matchedNow.has(g.id);
      if (ok) s.matched++;
      s.history.push(ok);
      objects.set(g.id, s);
    }
    lastFrame = frame;
  }

  let mt = 0;
  let pt = 0;
  let ml = 0;
  let frag = 0;
  for (const s of objects.values()) {
    const ratio = s.matched / s.frames;
    if (ratio >= 0.8) mt++;
    else if (ratio < 0.2) ml++;
    else pt++;
    // Fragmentations: switches from tracked to missed between the first and last tracked frame.
    const first = s.history.indexOf(true);
    const last = s.history.lastIndexOf(true);
    for (let k = first + 1; first >= 0 && k <= last; k++) if (s.history[k - 1] && !s.history[k]) frag++;
  }

  const numObjects = gtRows.length;
  const numPredictions = hypRows.length;
  const id = identityScores(objCounts, hypCounts, pairCounts);
  return {
    numFrames: frames.length,
    numObjects,
    numPredictions,
    numMatches: matches,
    numSwitches: switches,
    numFalsePositives: fp,
    numMisses: fn,
    numFragmentations: frag,
    mostlyTracked: mt,
    partiallyTracked: pt,
    mostlyLost: ml,
    numUniqueObjects: objects.size,
    mota: numObjects ? 1 - (fn + fp + switches) / numObjects : 0,
    motp: matches ? distSum / matches : 0,
    idf1: numObjects + numPredictions ? (2 * id.idtp) / (numObjects + numPredictions) : 0,
    idp: id.idtp + id.idfp ? id.idtp / (id.idtp + id.idfp) : 0,
    idr: id.idtp + id.idfn ? id.idtp / (id.idtp + id.idfn) : 0,
  };
}

/**
 * IDF1's global one-to-one matching of object ids to hypothesis ids (Ristani et al. 2016), as
 * py-motmetrics' id_global_assignment: every id may also stay unmatched at the cost of all its
 * detections; a matched pair costs the frames where they are not within the threshold together.
 */
function identityScores(
  objCounts: Map<number, number>,
  hypCounts: Map<number, number>,
  pairCounts: Map<string, number>,
) {
  const oids = [...objCounts.keys()];
  const hids = [...hypCounts.keys()];
  const no = oids.length;
  const nh = hids.length;
  const n = no + nh;
  const fpm = new Float64Array(n * n);
  const fnm = new Float64Array(n * n);
  for (let r = 0; r < no; r++) {
    const oc = objCounts.get(oids[r]!)!;
    for (let c = 0; c < nh; c++) fnm[r * n + c] = oc;
    for (let c = nh; c < n; c++) fnm[r * n + c] = NaN;
    fnm[r * n + nh + r] = oc;
  }
  for (let c = 0; c < nh; c++) {
    const hc = hypCounts.get(hids[c]!)!;
    for (let r = 0; r < no; r++) fpm[r * n + c] = hc;
    for (let r = no; r < n; r++) fpm[r * n + c] = NaN;
    fpm[(no + c) * n + c] = hc;
  }
  for (let r = 0; r < no; r++) {
    for (let c = 0; c < nh; c++) {
      const ex = pairCounts.get(`${oids[r]}:${hids[c]}`) ?? 0;
      fpm[r * n + c] = fpm[r * n + c]! - ex;
      fnm[r * n + c] = fnm[r * n + c]! - ex;
    }
  }
  const cost = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) cost[k] = fpm[k]! + fnm[k]!;
  let idfp = 0;
  let idfn = 0;
  for (const [r, c] of linearSumAssignment(cost, n, n)) {
    idfp += fpm[r * n + c]!;
    idfn += fnm[r * n + c]!;
  }
  let hypTotal = 0;
  for (const v of hypCounts.values()) hypTotal += v;
  return { idfp, idfn, idtp: hypTotal - idfp };
}

export type { Tlwh };
