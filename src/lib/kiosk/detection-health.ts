/**
 * What a kiosk tells the person in front of it when it sees nobody: whether the detector finds no
 * one, or finds people the tracker will not follow. Counts run over a sliding window of frames.
 */
export interface DetectionWindow {
  /** frames processed in the window, over all cameras */
  frames: number;
  /** boxes the detector reported in those frames */
  detections: number;
  /** confirmed tracks in those frames */
  tracks: number;
  /** seconds the window spans */
  seconds: number;
}

/** A message of the kiosk's catalogue (src/lib/i18n, `kiosk.*`) with its values. */
export interface Problem {
  key: 'kiosk.noFrames' | 'kiosk.noDetections' | 'kiosk.notTracked';
  values: Record<string, string | number>;
}

export interface DetectionHealth {
  detectionsPerFrame: number;
  tracksPerFrame: number;
  /** null while things look right */
  problem: Problem | null;
}

/** A window this long with frames, boxes and no track is a problem, not a slow start. */
const MIN_SECONDS = 10;

export function detectionHealth(w: DetectionWindow, detector: string, fps: number): DetectionHealth {
  const per = (n: number) => (w.frames ? Math.round((n / w.frames) * 100) / 100 : 0);
  const out = { detectionsPerFrame: per(w.detections), tracksPerFrame: per(w.tracks) };
  if (w.seconds < MIN_SECONDS) return { ...out, problem: null };
  if (!w.frames) return { ...out, problem: { key: 'kiosk.noFrames', values: { seconds: Math.round(w.seconds) } } };
  if (w.tracks > 0) return { ...out, problem: null };
  const rate = { detector, fps: fps.toFixed(1) };
  if (!w.detections) return { ...out, problem: { key: 'kiosk.noDetections', values: { ...rate, frames: w.frames } } };
  return { ...out, problem: { key: 'kiosk.notTracked', values: { ...rate, perFrame: out.detectionsPerFrame } } };
}

/** Keeps the last `seconds` of per-frame counts. */
export function createDetectionWindow(seconds = 15) {
  let frames: { t: number; detections: number; tracks: number }[] = [];
  return {
    add(tMs: number, detections: number, tracks: number): void {
      frames.push({ t: tMs, detections, tracks });
    },
    read(nowMs: number, startedMs: number): DetectionWindow {
      frames = frames.filter((f) => f.t >= nowMs - seconds * 1000);
      return {
        frames: frames.length,
        detections: frames.reduce((s, f) => s + f.detections, 0),
        tracks: frames.reduce((s, f) => s + f.tracks, 0),
        seconds: Math.min(seconds, (nowMs - startedMs) / 1000),
      };
    },
  };
}
