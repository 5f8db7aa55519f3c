import type { EnrolmentDto, IdentitySettings, PhotoQuality } from '../../../../src/lib/protocol/identity.js';

/** Bytes as the database holds them: sealed (platform/crypto/sealed-box.ts), never plaintext. */
export type Sealed = Uint8Array;

export interface WorkerConsent {
  workerId: string;
  name: string;
  active: boolean;
  consent: boolean;
  consentAt: Date | null;
}

export interface SealedEnrolment {
  version: number;
  createdAt: Date;
  createdBy: string | null;
  supersededAt: Date | null;
  embedding: Sealed;
  photos: { quality: PhotoQuality; embedding: Sealed; image: Sealed | null; createdAt: Date }[];
}

export type AuditOperation = 'READ' | 'EXPORT' | 'INSERT' | 'UPDATE' | 'DELETE';

export interface AuditEntry {
  auditId: string;
  table: string;
  operation: string;
  userId: string | null;
  at: string;
  data: unknown;
}

export interface IdentityRepository {
  worker(workerId: string): Promise<WorkerConsent | null>;
  enrolments(workerId: string): Promise<EnrolmentDto[]>;
  /** active workers with a badge id */
  badges(): Promise<{ workerId: string; name: string; badgeId: string }[]>;
  /** active, consenting workers with a current enrolment: who may be named by face, no face data read */
  enrolledWorkers(): Promise<{ workerId: string; name: string }[]>;
  /** active, consenting workers' current enrolments */
  gallery(): Promise<{ workerId: string; name: string; embedding: Sealed }[]>;
  /** stores the next version and supersedes the current one, in one transaction; returns the version */
  addEnrolment(
    workerId: string,
    e: { embedding: Sealed; photos: { embedding: Sealed; image: Sealed | null; quality: PhotoQuality }[] },
    by: string,
  ): Promise<number>;
  setConsent(workerId: string, consent: boolean, by: string, at: Date): Promise<void>;
  /** every enrolment with its photos, sealed, newest first */
  personalData(workerId: string): Promise<SealedEnrolment[]>;
  /** removes every enrolment and photo of the worker; returns how many enrolments went */
  deletePersonalData(workerId: string): Promise<number>;
  /** removes enrolments created before the cutoff; returns the workers they belonged to */
  deleteEnrolmentsBefore(cutoff: Date): Promise<string[]>;
  settings(): Promise<Partial<IdentitySettings>>;
  putSettings(s: IdentitySettings, by: string): Promise<void>;
  audit(e: {
    table: string;
    operation: AuditOperation;
    userId: string | null;
    data: Record<string, unknown>;
  }): Promise<void>;
  /** audit_logs rows, newest first (who read or changed what) */
  recentAudit(table: string | undefined, limit: number): Promise<AuditEntry[]>;
  /** every sealed value, for a key rotation: re-seals each with `reseal` in one transaction */
  resealAll(reseal: (v: Sealed) => Sealed): Promise<number>;
}
