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

export interface DetectionHealth {
  detectionsPerFrame: number;
  tracksPerFrame: number;
  /** null while things look right */
  problem: string | null;
}

/** A window this long with frames, boxes and no track is a problem, not a slow start. */
const MIN_SECONDS = 10;

export function detectionHealth(w: DetectionWindow, detector: string, fps: number): DetectionHealth {
  const per = (n: number) => (w.frames ? Math.round((n / w.frames) * 100) / 100 : 0);
  const out = { detectionsPerFrame: per(w.detections), tracksPerFrame: per(w.tracks) };
  if (w.seconds < MIN_SECONDS) return { ...out, problem: null };
  if (!w.frames) {
    return { ...out, problem: `No frame processed in ${Math.round(w.seconds)} s: is the camera showing a picture?` };
  }
  if (w.tracks > 0) return { ...out, problem: null };
  const rate = `${detector} at ${fps.toFixed(1)} fps`;
  if (!w.detections) {
    return {
      ...out,
      problem: `${rate} finds nobody (0 detections in ${w.frames} frames): check that people are in view and lit.`,
    };
  }
  return {
    ...out,
    problem:
      `${rate} finds ${out.detectionsPerFrame} people per frame but none is tracked: ` +
      `their scores are below the tracker's start threshold or they do not stay put for 3 frames.`,
  };
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
