import type { Backend } from './types.js';

/** Where the server serves the runtimes' WASM files and the models (see server/app/http-app.ts). */
export const ASSET_PATHS = { vendor: '/vendor/', ort: '/vendor/ort/', models: '/models/' } as const;

export interface RuntimeInfo {
  backend: Backend;
  /** GPU adapter description, null on WASM */
  adapter: string | null;
  threads: number;
  crossOriginIsolated: boolean;
}

interface GpuLike {
  requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string; description?: string } } | null>;
}

/**
 * Picks the inference backend: WebGPU when a real adapter is present, WASM (threads + SIMD)
 * otherwise. `prefer` from configuration wins when that backend is available.
 */
export async function chooseRuntime(prefer: Backend | 'auto' = 'auto'): Promise<RuntimeInfo> {
  const threads = globalThis.crossOriginIsolated ? Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1)) : 1;
  const base = { threads, crossOriginIsolated: Boolean(globalThis.crossOriginIsolated) };
  if (prefer !== 'wasm') {
    const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
    const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
    if (adapter) {
      const i = adapter.info ?? {};
      return {
        ...base,
        backend: 'webgpu',
        adapter: [i.vendor, i.architecture, i.description].filter(Boolean).join(' ') || 'WebGPU adapter',
      };
    }
  }
  return { ...base, backend: 'wasm', adapter: null };
}
