import type { Role } from '../../../../src/lib/protocol/auth.js';

export interface UserRecord {
  userId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  active: boolean;
  lastLoginAt: Date | null;
}

export interface UsersRepository {
  findByUsername(username: string): Promise<UserRecord | null>;
  findById(userId: string): Promise<UserRecord | null>;
  list(): Promise<UserRecord[]>;
  count(): Promise<number>;
  create(u: Omit<UserRecord, 'lastLoginAt'>): Promise<UserRecord>;
  /** Changes role or active flag; refused (Conflict) when no active admin would be left. */
  update(userId: string, patch: { active?: boolean; role?: Role }): Promise<UserRecord>;
  touchLogin(userId: string, at: Date): Promise<void>;
}

export interface ApiKeyRecord {
  apiKeyId: string;
  name: string;
  prefix: string;
  keyHash: string;
  role: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface KioskRecord {
  kioskId: string;
  name: string;
  prefix: string;
  tokenHash: string;
  cameraIds: string[];
  telemetry: unknown;
  createdAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
}

/** A log-in session with the user it belongs to. */
export interface StoredSession {
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  user: { userId: string; displayName: string; role: string; active: boolean };
}

/** Log-in sessions, API keys and kiosk tokens: only hashes of the secrets are stored. */
export interface CredentialsRepository {
  createSession(tokenHash: string, userId: string, expiresAt: Date): Promise<void>;
  findSession(tokenHash: string): Promise<StoredSession | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(userId: string): Promise<void>;
  deleteExpiredSessions(now: Date): Promise<number>;
  createApiKey(k: Omit<ApiKeyRecord, 'createdAt' | 'lastUsedAt' | 'revokedAt'> & { createdBy: string }): Promise<void>;
  findApiKeyByPrefix(prefix: string): Promise<ApiKeyRecord | null>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  touchApiKey(apiKeyId: string, at: Date): Promise<void>;
  revokeApiKey(apiKeyId: string, at: Date): Promise<boolean>;
  createKiosk(
    k: Pick<KioskRecord, 'kioskId' | 'name' | 'prefix' | 'tokenHash' | 'cameraIds'> & { createdBy: string },
  ): Promise<void>;
  findKioskByPrefix(prefix: string): Promise<KioskRecord | null>;
  findKiosk(kioskId: string): Promise<KioskRecord | null>;
  listKiosks(): Promise<KioskRecord[]>;
  revokeKiosk(kioskId: string, at: Date): Promise<boolean>;
  saveKioskTelemetry(kioskId: string, telemetry: object, at: Date): Promise<void>;
  recentKioskTelemetry(
    since: Date,
  ): Promise<{ kioskId: string; name: string; telemetry: unknown; lastSeenAt: Date | null }[]>;
}
