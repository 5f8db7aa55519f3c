/**
 * Constant-velocity Kalman filter on a box's centre x, centre y, aspect ratio (w/h) and height, with
 * their velocities (8-d state). A port of ifzhang/ByteTrack `yolox/tracker/kalman_filter.py`
 * @ d1bf019: process and measurement noise scale with the box height, so near and far people are
 * filtered alike.
 */
export interface KalmanState {
  /** [cx, cy, a, h, vcx, vcy, va, vh] */
  readonly mean: Float64Array;
  /** 8×8 covariance, row-major */
  readonly covariance: Float64Array;
}

/** A measurement as [cx, cy, aspect (w/h), h]. */
export type Xyah = readonly [cx: number, cy: number, a: number, h: number];

const N = 8;
const W_POS = 1 / 20;
const W_VEL = 1 / 160;

function diagSquared(std: readonly number[]): Float64Array {
  const m = new Float64Array(std.length * std.length);
  std.forEach((s, i) => (m[i * std.length + i] = s * s));
  return m;
}

export function initiate(z: Xyah): KalmanState {
  const h = z[3];
  const mean = new Float64Array([z[0], z[1], z[2], z[3], 0, 0, 0, 0]);
  const std = [2 * W_POS * h, 2 * W_POS * h, 1e-2, 2 * W_POS * h, 10 * W_VEL * h, 10 * W_VEL * h, 1e-5, 10 * W_VEL * h];
  return { mean, covariance: diagSquared(std) };
}

/** One frame ahead: x' = F x, P' = F P Fᵀ + Q, with F adding each velocity to its position. */
export function predict(s: KalmanState): KalmanState {
  const h = s.mean[3]!;
  const mean = new Float64Array(s.mean);
  for (let i = 0; i < 4; i++) mean[i] = mean[i]! + mean[i + 4]!;
  const P = s.covariance;
  // F P: row i (< 4) gains row i + 4.
  const FP = new Float64Array(P);
  for (let i = 0; i < 4; i++) for (let j = 0; j < N; j++) FP[i * N + j] = FP[i * N + j]! + P[(i + 4) * N + j]!;
  // (F P) Fᵀ: column j (< 4) gains column j + 4.
  const cov = new Float64Array(FP);
  for (let i = 0; i < N; i++) for (let j = 0; j < 4; j++) cov[i * N + j] = cov[i * N + j]! + FP[i * N + j + 4]!;
  const q = [W_POS * h, W_POS * h, 1e-2, W_POS * h, W_VEL * h, W_VEL * h, 1e-5, W_VEL * h];
  for (let i = 0; i < N; i++) cov[i * N + i] = cov[i * N + i]! + q[i]! * q[i]!;
  return { mean, covariance: cov };
}

/** Inverse of a 4×4 matrix by Gauss–Jordan elimination with partial pivoting. */
function invert4(m: Float64Array): Float64Array {
  const a = new Float64Array(32);
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) a[i * 8 + j] = m[i * 4 + j]!;
    a[i * 8 + 4 + i] = 1;
  }
  for (let c = 0; c < 4; c++) {
    let pivot = c;
    for (let r = c + 1; r < 4; r++) if (Math.abs(a[r * 8 + c]!) > Math.abs(a[pivot * 8 + c]!)) pivot = r;
    if (pivot !== c) {
      for (let k = 0; k < 8; k++) {
        const t = a[c * 8 + k]!;
        a[c * 8 + k] = a[pivot * 8 + k]!;
        a[pivot * 8 + k] = t;
      }
    }
    const d = a[c * 8 + c]!;
    for (let k = 0; k < 8; k++) a[c * 8 + k] = a[c * 8 + k]! / d;
    for (let r = 0; r < 4; r++) {
      if (r === c) continue;
      const f = a[r * 8 + c]!;
      if (f !== 0) for (let k = 0; k < 8; k++) a[r * 8 + k] = a[r * 8 + k]! - f * a[c * 8 + k]!;
    }
  }
  const inv = new Float64Array(16);
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) inv[i * 4 + j] = a[i * 8 + 4 + j]!;
  return inv;
}

/**
 * Measurement noise, as standard deviations: centre and height relative to the box height, aspect
 * absolute. ByteTrack uses 1/20, 1/20 and 0.1.
 */
export interface MeasurementNoise {
  position: number;
  height: number;
  aspect: number;
}

export const BYTE_TRACK_NOISE: MeasurementNoise = { position: W_POS, height: W_POS, aspect: 1e-1 };

/** Corrects the state with a measurement: the standard Kalman update with H = [I₄ 0]. */
export function update(s: KalmanState, z: Xyah, noise: MeasurementNoise = BYTE_TRACK_NOISE): KalmanState {
  const h = s.mean[3]!;
  const P = s.covariance;
  const r = [noise.position * h, noise.position * h, noise.aspect, noise.height * h];
  // S = H P Hᵀ + R is P's top-left 4×4 block plus R.
  const S = new Float64Array(16);
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) S[i * 4 + j] = P[i * N + j]!;
  for (let i = 0; i < 4; i++) S[i * 4 + i] = S[i * 4 + i]! + r[i]! * r[i]!;
  const Sinv = invert4(S);
  // K = P Hᵀ S⁻¹ (8×4); P Hᵀ is P's first four columns.
  const K = new Float64Array(32);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < 4; j++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += P[i * N + k]! * Sinv[k * 4 + j]!;
      K[i * 4 + j] = sum;
    }
  }
  const innovation = [z[0] - s.mean[0]!, z[1] - s.mean[1]!, z[2] - s.mean[2]!, z[3] - s.mean[3]!];
  const mean = new Float64Array(s.mean);
  for (let i = 0; i < N; i++) {
    let sum = 0;
    for (let k = 0; k < 4; k++) sum += K[i * 4 + k]! * innovation[k]!;
    mean[i] = mean[i]! + sum;
  }
  // P' = P − K S Kᵀ = P − K (H P), and H P is P's first four rows.
  const cov = new Float64Array(P);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += K[i * 4 + k]! * P[k * N + j]!;
      cov[i * N + j] = cov[i * N + j]! - sum;
    }
  }
  return { mean, covariance: cov };
}

export function xyahOf(x1: number, y1: number, x2: number, y2: number): Xyah {
  const w = x2 - x1;
  const h = y2 - y1;
  return [x1 + w / 2, y1 + h / 2, h > 0 ? w / h : 0, h];
}

/** The state's box as [x1, y1, x2, y2]. */
export function stateBox(s: KalmanState): [number, number, number, number] {
  const [cx, cy, a, h] = [s.mean[0]!, s.mean[1]!, s.mean[2]!, s.mean[3]!];
  const w = a * h;
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}
