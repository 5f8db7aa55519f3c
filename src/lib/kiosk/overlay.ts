import type { KioskConfig } from '../protocol/observations.js';
import type { ProcessedFrame } from './camera-runner.js';

/** Okabe–Ito blue and orange: told apart with every common colour-vision deficiency. */
export const STATE_COLOURS = { active: '#0072B2', idle: '#E69F00', outside: '#999999' } as const;

export type PersonState = keyof typeof STATE_COLOURS;

/**
 * Draws zones, boxes, track ids, names and states over a camera's video. State is told by colour
 * and by line style (idle dashed) and written out in the label, so colour is never the only cue.
 */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  frame: ProcessedFrame,
  zones: KioskConfig['zones'],
  stateOf: (trackId: number, zoneId: string | null) => PersonState,
  nameOf: (trackId: number) => string | undefined,
): void {
  const { width, height } = frame;
  if (ctx.canvas.width !== width || ctx.canvas.height !== height) {
    ctx.canvas.width = width;
    ctx.canvas.height = height;
  }
  ctx.clearRect(0, 0, width, height);
  const line = Math.max(2, Math.round(height / 240));
  ctx.lineWidth = line;
  ctx.font = `${Math.max(12, Math.round(height / 30))}px system-ui, sans-serif`;
  for (const z of zones) {
    ctx.beginPath();
    z.polygon.forEach(([x, y], i) => (i ? ctx.lineTo(x * width, y * height) : ctx.moveTo(x * width, y * height)));
    ctx.closePath();
    ctx.globalAlpha = 0.15;
    ctx.fillStyle = z.color;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = z.color;
    ctx.setLineDash([]);
    ctx.stroke();
    const [lx, ly] = z.polygon[0]!;
    ctx.fillStyle = z.color;
    ctx.fillText(z.name, lx * width + line * 2, ly * height - line * 2);
  }
  for (const p of frame.people) {
    const state = stateOf(p.trackId, p.zoneId);
    const [x1, y1, x2, y2] = p.box;
    ctx.strokeStyle = STATE_COLOURS[state];
    ctx.setLineDash(state === 'idle' ? [line * 3, line * 2] : []);
    ctx.strokeRect(x1, y1, x2 - x1, y2 - y1);
    const label = [`#${p.trackId}`, nameOf(p.trackId), state].filter(Boolean).join(' · ');
    const textW = ctx.measureText(label).width + line * 2;
    const textH = Math.max(12, Math.round(height / 30)) + line;
    ctx.fillStyle = STATE_COLOURS[state];
    ctx.fillRect(x1, Math.max(0, y1 - textH), textW, textH);
    ctx.fillStyle = state === 'idle' ? '#000' : '#fff';
    ctx.fillText(label, x1 + line, Math.max(textH - line * 2, y1 - line * 2));
  }
  ctx.setLineDash([]);
}

/** Grid columns × rows for the kiosk by camera count (seed 000): 1 → 1×1, 2 → 2×1, 3–4 → 2×2. */
export function gridFor(cameras: number): { cols: number; rows: number } {
  if (cameras <= 1) return { cols: 1, rows: 1 };
  if (cameras === 2) return { cols: 2, rows: 1 };
  return { cols: 2, rows: 2 };
}

/**
 * The kiosk's own view of who is active, for its overlay and status bar: moved within the zone's
 * idle threshold. The server's session engine keeps the numbers that count.
 */
export function createActivityView(idleMsOf: (zoneId: string) => number) {
  const seen = new Map<string, { moved: number; seen: number }>();
  const key = (cameraId: string, trackId: number) => `${cameraId}/${trackId}`;
  return {
    update(frame: ProcessedFrame): void {
      for (const p of frame.people) {
        const k = key(frame.cameraId, p.trackId);
        const s = seen.get(k);
        seen.set(k, { moved: p.moving || !s ? frame.ts : s.moved, seen: frame.ts });
      }
      // Tracks gone for a minute are forgotten; a kiosk runs for weeks.
      if (seen.size > 1000) for (const [k, s] of seen) if (frame.ts - s.seen > 60_000) seen.delete(k);
    },
    stateOf(cameraId: string, trackId: number, zoneId: string | null, nowMs: number): PersonState {
      if (zoneId === null) return 'outside';
      const t = seen.get(key(cameraId, trackId))?.moved ?? nowMs;
      return nowMs - t >= idleMsOf(zoneId) ? 'idle' : 'active';
    },
  };
}
