import { strToU8, zipSync } from 'fflate';
import type { Principal } from '../../../src/lib/protocol/auth.js';
import {
  MIN_ENROL_PHOTOS,
  type EnrolmentRequest,
  type EnrolmentTestResult,
  type GalleryMessage,
  type IdentitySettings,
  type WorkerIdentityDto,
} from '../../../src/lib/protocol/identity.js';
import { meanEmbedding, qualityProblems } from '../../../src/lib/identity/photo-quality.js';
import { Conflict, InvalidInput, NotFound } from '../../../src/lib/shared/errors.js';
import type { SealedBox } from '../../platform/crypto/sealed-box.js';
import type { Clock } from '../../platform/domain/clock.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import { enrolmentTest } from './domain/enrolment-test.js';
import type { IdentityRepository, Sealed } from './domain/ports.js';

export type IdentitySource = 'face' | 'badge';

export const IDENTITY_DEFAULTS: IdentitySettings = { mode: 'faces', retentionDays: 365 };

export interface IdentityDeps {
  repo: IdentityRepository;
  box: SealedBox;
  clock: Clock;
  events: Pick<EventBus, 'publish'>;
  match: { minSimilarity: number; minMargin: number };
}

const toFloats = (b: Uint8Array) => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const toBytes = (f: ArrayLike<number>) => new Uint8Array(Float32Array.from(f).buffer);

/**
 * Face enrolment and the gallery kiosks match against. Face data is personal data: it is sealed
 * before it is stored, opened only to send to a kiosk, to test a new enrolment or to export it, and
 * every opening is written to audit_logs with who asked.
 */
export function createIdentityService(d: IdentityDeps) {
  const open = (s: Sealed) => toFloats(d.box.open(s));
  const seal = (f: ArrayLike<number>) => d.box.seal(toBytes(f));
  const changed = (workerIds: string[]) => d.events.publish('identity.changed', { workerIds });

  async function settings(): Promise<IdentitySettings> {
    return { ...IDENTITY_DEFAULTS, ...(await d.repo.settings()) };
  }

  async function worker(workerId: string) {
    const w = await d.repo.worker(workerId);
    if (!w) throw new NotFound(`worker ${workerId}`);
    return w;
  }

  async function openGallery(reader: { userId: string | null; purpose: string }) {
    const rows = await d.repo.gallery();
    await d.repo.audit({
      table: 'face_enrolments',
      operation: 'READ',
      userId: reader.userId,
      data: { purpose: reader.purpose, workers: rows.map((r) => r.workerId) },
    });
    return rows.map((r) => ({ workerId: r.workerId, name: r.name, embedding: open(r.embedding) }));
  }

  return {
    settings,

    async putSettings(s: IdentitySettings, by: Principal): Promise<IdentitySettings> {
      await d.repo.putSettings(s, by.id);
      await d.repo.audit({ table: 'site_settings', operation: 'UPDATE', userId: by.id, data: { identity: s } });
      changed([]);
      return s;
    },

    async identity(workerId: string): Promise<WorkerIdentityDto> {
      const w = await worker(workerId);
      return {
        workerId: w.workerId,
        name: w.name,
        consent: w.consent,
        consentAt: w.consentAt?.toISOString() ?? null,
        enrolments: await d.repo.enrolments(workerId),
      };
    },

    /** Withdrawn consent deletes the worker's face data: nothing is kept that may not be used. */
    async setConsent(workerId: string, consent: boolean, by: Principal): Promise<void> {
      await worker(workerId);
      await d.repo.setConsent(workerId, consent, by.id, d.clock.now());
      const deleted = consent ? 0 : await d.repo.deletePersonalData(workerId);
      await d.repo.audit({
        table: 'workers',
        operation: 'UPDATE',
        userId: by.id,
        data: { workerId, consent, deleted },
      });
      changed([workerId]);
    },

    /** Who else the new photos resemble, before they are saved. */
    async test(workerId: string, embeddings: number[][], by: Principal): Promise<EnrolmentTestResult> {
      await worker(workerId);
      const gallery = await openGallery({ userId: by.id, purpose: `enrolment test of ${workerId}` });
      return enrolmentTest(
        embeddings,
        gallery.filter((g) => g.workerId !== workerId),
        d.match.minSimilarity,
      );
    },

    async enrol(workerId: string, req: EnrolmentRequest, by: Principal): Promise<WorkerIdentityDto> {
      const w = await worker(workerId);
      if (!w.active)
        throw new Conflict(`worker ${workerId} is deactivated`, {
          key: 'workerInactive',
          params: { worker: workerId },
        });
      if (!w.consent)
        throw new Conflict(`worker ${workerId} has not consented to face recognition`, { key: 'noConsent' });
      if ((await settings()).mode === 'anonymised')
        throw new Conflict('this site runs anonymised: no faces are enrolled', { key: 'anonymised' });
      const good = req.photos.filter((p, i) => {
        const problems = qualityProblems(p.quality);
        if (problems.length && req.photos.length - 1 < MIN_ENROL_PHOTOS)
          throw new InvalidInput(`photos.${i}.quality`, problems.join(', '), {
            key: 'photoQuality',
            params: { photo: i + 1, problems: problems.join(', ') },
          });
        return problems.length === 0;
      });
      if (good.length < MIN_ENROL_PHOTOS)
        throw new InvalidInput(
          'photos',
          `${good.length} photos pass the quality checks; ${MIN_ENROL_PHOTOS} are needed`,
          {
            key: 'fewGoodPhotos',
            params: { good: good.length, needed: MIN_ENROL_PHOTOS },
          },
        );
      const version = await d.repo.addEnrolment(
        workerId,
        {
          embedding: seal(meanEmbedding(good.map((p) => p.embedding))),
          photos: good.map((p) => ({
            embedding: seal(p.embedding),
            image: p.image ? d.box.seal(Buffer.from(p.image, 'base64')) : null,
            quality: p.quality,
          })),
        },
        by.id,
      );
      await d.repo.audit({
        table: 'face_enrolments',
        operation: 'INSERT',
        userId: by.id,
        data: { workerId, version, photos: good.length, refused: req.photos.length - good.length },
      });
      changed([workerId]);
      return this.identity(workerId);
    },

    /**
     * The gallery for a kiosk: consenting workers' faces and active workers' badge ids. Empty in
     * anonymised mode, so the kiosk reads no badge and computes no face at all.
     */
    async galleryFor(kioskIds: string[]): Promise<GalleryMessage> {
      const { mode } = await settings();
      if (mode === 'anonymised') return { mode, ...d.match, faces: [], badges: [] };
      const faces = (await openGallery({ userId: null, purpose: `gallery for kiosk ${kioskIds.join(', ')}` })).map(
        (g) => ({ workerId: g.workerId, name: g.name, embedding: Array.from(g.embedding) }),
      );
      return { mode, ...d.match, faces, badges: await d.repo.badges() };
    },

    /** Workers a kiosk may name, and by what: face (consent and an enrolment) or badge; none when anonymised. */
    async nameable(): Promise<{ workerId: string; name: string; by: IdentitySource[] }[]> {
      if ((await settings()).mode === 'anonymised') return [];
      const by = new Map<string, { workerId: string; name: string; by: IdentitySource[] }>();
      for (const f of await d.repo.enrolledWorkers()) by.set(f.workerId, { ...f, by: ['face'] });
      for (const b of await d.repo.badges()) {
        const e = by.get(b.workerId) ?? { workerId: b.workerId, name: b.name, by: [] };
        e.by.push('badge');
        by.set(b.workerId, e);
      }
      return [...by.values()];
    },

    /** One worker's face data as a zip: `worker.json` (enrolments, embeddings, quality) and the photos. */
    async exportPersonalData(workerId: string, by: Principal): Promise<Uint8Array> {
      const w = await worker(workerId);
      const enrolments = await d.repo.personalData(workerId);
      await d.repo.audit({ table: 'face_enrolments', operation: 'EXPORT', userId: by.id, data: { workerId } });
      const files: Record<string, Uint8Array> = {};
      const json = {
        worker: { workerId: w.workerId, name: w.name, consent: w.consent, consentAt: w.consentAt },
        exportedAt: d.clock.now().toISOString(),
        enrolments: enrolments.map((e) => ({
          version: e.version,
          createdAt: e.createdAt,
          createdBy: e.createdBy,
          current: e.supersededAt === null,
          embedding: Array.from(open(e.embedding)),
          photos: e.photos.map((p, i) => {
            const file = p.image ? `photos/v${e.version}-${i + 1}.jpg` : null;
            if (file && p.image) files[file] = d.box.open(p.image);
            return { file, quality: p.quality, embedding: Array.from(open(p.embedding)) };
          }),
        })),
      };
      files['worker.json'] = strToU8(JSON.stringify(json, null, 2));
      return zipSync(files);
    },

    async deletePersonalData(workerId: string, by: Principal): Promise<number> {
      await worker(workerId);
      const deleted = await d.repo.deletePersonalData(workerId);
      await d.repo.audit({ table: 'face_enrolments', operation: 'DELETE', userId: by.id, data: { workerId, deleted } });
      changed([workerId]);
      return deleted;
    },

    /** Deletes enrolments older than the site's retention; returns the workers who lost theirs. */
    async applyRetention(): Promise<string[]> {
      const { retentionDays } = await settings();
      const cutoff = new Date(d.clock.now().getTime() - retentionDays * 86_400_000);
      const workers = await d.repo.deleteEnrolmentsBefore(cutoff);
      if (workers.length) {
        await d.repo.audit({
          table: 'face_enrolments',
          operation: 'DELETE',
          userId: null,
          data: { reason: `retention ${retentionDays} days`, workers },
        });
        changed(workers);
      }
      return workers;
    },
  };
}
export type IdentityService = ReturnType<typeof createIdentityService>;
