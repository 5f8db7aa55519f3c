import type { KioskTelemetry } from '$lib/protocol/telemetry';
import type { RuntimeInfo } from './runtime.js';

/** Rolling inference timings per model, for the kiosk's status bar and its reports to the server. */
export function createInferenceStats(windowSize = 60) {
  const samples = new Map<string, { ms: number[]; at: number[] }>();
  return {
    /** `atMs`: when the inference finished (the caller's clock), for frames per second. */
    record(model: string, ms: number, atMs: number): void {
      const s = samples.get(model) ?? { ms: [], at: [] };
      s.ms.push(ms);
      s.at.push(atMs);
      if (s.ms.length > windowSize) {
        s.ms.shift();
        s.at.shift();
      }
      samples.set(model, s);
    },
    summary(): KioskTelemetry['models'] {
      return [...samples].map(([model, s]) => {
        const sorted = [...s.ms].sort((a, b) => a - b);
        const spanSec = (s.at.at(-1)! - s.at[0]!) / 1000;
        return {
          model,
          inferenceMs: Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10,
          fps: spanSec > 0 ? Math.round(((s.at.length - 1) / spanSec) * 10) / 10 : 0,
        };
      });
    },
  };
}

/** Sends the kiosk's runtime and timings to the server (shown in /health `gpu` and the system page). */
export async function reportTelemetry(
  kioskToken: string,
  runtime: RuntimeInfo,
  models: KioskTelemetry['models'],
  errors: KioskTelemetry['errors'] = [],
): Promise<void> {
  const body: KioskTelemetry = { backend: runtime.backend, adapter: runtime.adapter, models, errors };
  const res = await fetch('/api/v1/kiosk/telemetry', {
    method: 'POST',
    headers: { authorization: `Bearer ${kioskToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`telemetry refused: HTTP ${res.status}`);
}
