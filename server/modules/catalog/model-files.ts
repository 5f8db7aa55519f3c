import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ModelInfo } from '../../../src/lib/protocol/models.js';

interface ManifestEntry {
  model: string;
  file: string;
  sha256: string;
}

const ROLES: Record<string, ModelInfo['role']> = {
  centernet: 'person',
  'movenet-multipose': 'person',
  nanodet: 'person',
  blazeface: 'face-detect',
  faceres: 'face-embed',
  'ppocr-det': 'text-detect',
  'ppocr-rec': 'text-recognise',
};

/** An ONNX file is a protobuf ModelProto; its first field is ir_version (field 1, varint): byte 0x08. */
function looksLikeOnnx(file: string): string | null {
  const size = statSync(file).size;
  if (size < 16) return 'file is empty or truncated';
  const head = readFileSync(file).subarray(0, 1);
  return head[0] === 0x08 ? null : 'not an ONNX model (bad header)';
}

/**
 * The models in the model folder: those laid down from npm and vendor/models (checked against their
 * manifest's SHA-256) and any YOLO-family .onnx file an admin placed there. Read once at start-up and on request.
 */
export function scanModels(dir: string): ModelInfo[] {
  if (!existsSync(dir)) return [];
  const out: ModelInfo[] = [];
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest: ManifestEntry[] = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: ManifestEntry[] }).files
    : [];
  // ONNX files are listed by file name below, laid down or placed by an admin alike; a model with an
  // ONNX file (the OCR recogniser and its dictionary) is listed there, not as a tfjs model.
  const onnxModels = new Set(manifest.filter((m) => m.file.endsWith('.onnx')).map((m) => m.model));
  const tfjs = manifest.filter((m) => !onnxModels.has(m.model));
  for (const model of [...new Set(tfjs.map((m) => m.model))]) {
    const files = tfjs.filter((m) => m.model === model);
    let error: string | null = null;
    let size = 0;
    for (const f of files) {
      const p = path.join(dir, f.file);
      if (!existsSync(p)) {
        error = `${f.file} is missing`;
        break;
      }
      size += statSync(p).size;
      if (createHash('sha256').update(readFileSync(p)).digest('hex') !== f.sha256) {
        error = `${f.file} does not match its checksum (corrupt or replaced)`;
        break;
      }
    }
    out.push({ id: model, kind: 'tfjs', role: ROLES[model] ?? 'person', sizeBytes: size, ok: error === null, error });
  }
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.onnx'))
    .sort()) {
    const p = path.join(dir, f);
    const laid = manifest.find((m) => m.file === f);
    const error =
      laid && createHash('sha256').update(readFileSync(p)).digest('hex') !== laid.sha256
        ? `${f} does not match its checksum (corrupt or replaced)`
        : looksLikeOnnx(p);
    const role = (laid && ROLES[laid.model]) ?? 'person';
    out.push({ id: f, kind: 'onnx', role, sizeBytes: statSync(p).size, ok: error === null, error });
  }
  return out;
}

/** scanModels, repeated only when a file in the folder changed (size or time), since it hashes them. */
export function createModelCatalog(dir: string) {
  let signature = '';
  let cached: ModelInfo[] = [];
  return {
    dir,
    list(): ModelInfo[] {
      const sig = existsSync(dir)
        ? readdirSync(dir)
            .map((f) => {
              const s = statSync(path.join(dir, f));
              return `${f}:${s.size}:${s.mtimeMs}`;
            })
            .join('|')
        : 'missing';
      if (sig !== signature) {
        cached = scanModels(dir);
        signature = sig;
      }
      return cached;
    },
  };
}
export type ModelCatalog = ReturnType<typeof createModelCatalog>;
