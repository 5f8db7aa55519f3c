import { createDetector, type DetectorSpec } from '$lib/vision/create-detector';
import { createFaceEmbedder } from '$lib/vision/face';
import { chooseRuntime } from '$lib/vision/runtime';
import type { Backend, PersonBox } from '$lib/vision/types';
import type { PhotoQuality } from '$lib/protocol/identity';

export interface BenchRequest extends DetectorSpec {
  backend?: Backend | 'auto';
  /** image URLs (data: URLs work) */
  frames: string[];
  /** timed passes over all frames after one warm-up pass */
  passes?: number;
  /** WASM threads; default: the runtime's choice */
  threads?: number;
}

export interface BenchResult {
  model: string;
  backend: Backend;
  inputSize: number;
  threads: number;
  medianMs: number;
  p90Ms: number;
  personsPerFrame: number;
  /** the first timed pass's detections, per frame, in source pixels */
  detections: PersonBox[][];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function loadImage(url: string): Promise<ImageBitmap> {
  const blob = await (await fetch(url)).blob();
  return createImageBitmap(blob);
}

/** Times one detector over the given frames, one frame per call, as the kiosk runs it. */
export async function runBench(req: BenchRequest): Promise<BenchResult> {
  const chosen = await chooseRuntime(req.backend ?? 'auto');
  const runtime = req.threads ? { ...chosen, threads: req.threads } : chosen;
  const detector = await createDetector(runtime, req);
  try {
    const frames = await Promise.all(req.frames.map(loadImage));
    for (const f of frames) await detector.detect([f]);
    const times: number[] = [];
    let detections: PersonBox[][] = [];
    for (let pass = 0; pass < (req.passes ?? 3); pass++) {
      const thisPass: PersonBox[][] = [];
      for (const f of frames) {
        const t0 = performance.now();
        const [people] = await detector.detect([f]);
        times.push(performance.now() - t0);
        thisPass.push(people!);
      }
      if (pass === 0) detections = thisPass;
    }
    times.sort((a, b) => a - b);
    return {
      model: detector.model,
      backend: detector.backend,
      inputSize: detector.inputSize,
      threads: runtime.threads,
      medianMs: Math.round(percentile(times, 0.5) * 10) / 10,
      p90Ms: Math.round(percentile(times, 0.9) * 10) / 10,
      personsPerFrame:
        Math.round((detections.reduce((s, d) => s + d.length, 0) / Math.max(1, detections.length)) * 100) / 100,
      detections,
    };
  } finally {
    detector.dispose();
  }
}

export interface FaceBenchResult {
  /** per person: the face BlazeFace found on the head region, or null */
  found: ({ score: number; box: { x: number; y: number; w: number; h: number }; dims: number } | null)[];
  /** per person: the embedding of the head region taken as the face, as plain numbers */
  embeddings: number[][];
  medianMs: number;
}

/** Runs face detection and embedding for the given people on one frame. */
export async function runFaceBench(frameUrl: string, people: PersonBox[]): Promise<FaceBenchResult> {
  const runtime = await chooseRuntime('wasm');
  const faces = await createFaceEmbedder(runtime);
  try {
    const frame = await loadImage(frameUrl);
    const times: number[] = [];
    const found: FaceBenchResult['found'] = [];
    const embeddings: number[][] = [];
    for (const p of people) {
      const t0 = performance.now();
      const f = await faces.embed(frame, p);
      times.push(performance.now() - t0);
      found.push(f && { score: f.score, box: f.box, dims: f.embedding.length });
      const head = { x: p.x, y: p.y, w: p.w, h: Math.min(p.h, p.w * 1.2) };
      embeddings.push(Array.from((await faces.describeAt(frame, head)).embedding));
    }
    times.sort((a, b) => a - b);
    return { found, embeddings, medianMs: Math.round(percentile(times, 0.5) * 10) / 10 };
  } finally {
    faces.dispose();
  }
}

export interface PhotoBenchResult {
  quality: PhotoQuality;
  embedding: number[] | null;
  boxes: { x: number; y: number; w: number; h: number }[];
}

let photoEmbedder: ReturnType<typeof createFaceEmbedder> | null = null;

/** The enrolment analysis of each photo (faces found, quality, embedding of the largest), for eval:identity. */
export async function runPhotoBench(urls: string[]): Promise<PhotoBenchResult[]> {
  photoEmbedder ??= chooseRuntime('wasm').then((r) => createFaceEmbedder(r, 0.5));
  const faces = await photoEmbedder;
  const out: PhotoBenchResult[] = [];
  for (const url of urls) {
    const img = await loadImage(url);
    const r = await faces.analyse(img, img.width, img.height);
    out.push({ quality: r.quality, embedding: r.face && Array.from(r.face.embedding), boxes: r.boxes });
    img.close();
  }
  return out;
}
