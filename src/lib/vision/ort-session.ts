import type * as Ort from 'onnxruntime-web';
import { ASSET_PATHS, type RuntimeInfo } from './runtime.js';
import { ModelLoadError } from './types.js';

/**
 * onnxruntime-web is loaded from its own files at run time, not bundled: its WASM glue starts worker
 * threads from its own module URL, which bundling would point at our chunk instead.
 */
async function loadOrt(backend: RuntimeInfo['backend']): Promise<typeof Ort> {
  const file = backend === 'webgpu' ? 'ort.webgpu.min.mjs' : 'ort.wasm.min.mjs';
  return (await import(/* @vite-ignore */ `${ASSET_PATHS.ort}${file}`)) as typeof Ort;
}

/** An ONNX model from the model folder, on the runtime's backend. */
export async function openOrtSession(
  runtime: RuntimeInfo,
  file: string,
): Promise<{ ort: typeof Ort; session: Ort.InferenceSession }> {
  const ort = await loadOrt(runtime.backend);
  ort.env.wasm.wasmPaths = ASSET_PATHS.ort;
  ort.env.wasm.numThreads = runtime.threads;
  try {
    const res = await fetch(`${ASSET_PATHS.models}${encodeURIComponent(file)}`);
    if (!res.ok) throw new Error(res.status === 404 ? 'file not found in the model folder' : `HTTP ${res.status}`);
    const session = await ort.InferenceSession.create(new Uint8Array(await res.arrayBuffer()), {
      executionProviders: [runtime.backend === 'webgpu' ? 'webgpu' : 'wasm'],
      graphOptimizationLevel: 'all',
    });
    return { ort, session };
  } catch (err) {
    throw new ModelLoadError(file, err instanceof Error ? err.message : String(err));
  }
}
