import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Principal, Role, UserCreateRequest, UserDto } from '../../../src/lib/protocol/auth.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import type { Clock } from '../../platform/domain/clock.js';
import { Conflict, NotFound, TooManyRequests, Unauthenticated } from '../../../src/lib/shared/errors.js';
import type { CredentialsRepository, UserRecord, UsersRepository } from './domain/ports.js';
import { hashMatches, issueToken, newSessionToken, parseToken, sha256 } from './tokens.js';

const BCRYPT_COST = 12;
// Compared against when the user does not exist, so a wrong username costs as long as a wrong password.
const DUMMY_HASH = bcrypt.hashSync('floorsight-no-such-user', BCRYPT_COST);

export interface AuthDeps {
  users: UsersRepository;
  credentials: CredentialsRepository;
  clock: Clock;
  sessionTtlHours: number;
  /** per user and address, every attempt */
  loginLimiter: RateLimiterAbstract;
  /** per address over all usernames, failures only: one address trying many accounts */
  addressLimiter: RateLimiterAbstract;
  events: Pick<EventBus, 'publish'>;
}

export const toUserDto = (u: UserRecord): UserDto => ({
  userId: u.userId,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  active: u.active,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
});

export function createAuthService(deps: AuthDeps) {
  const { users, credentials, clock } = deps;

  async function consumeAttempt(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rej) {
      if (rej instanceof Error) throw rej;
      const ms = (rej as { msBeforeNext?: number }).msBeforeNext ?? 60_000;
      throw new TooManyRequests(Math.ceil(ms / 1000));
    }
  }

  /** Refuses an address that has used up its failures, before any password is checked. */
  async function checkAddress(clientKey: string): Promise<void> {
    const state = await deps.addressLimiter.get(clientKey);
    if (state && state.consumedPoints >= deps.addressLimiter.points) {
      throw new TooManyRequests(Math.ceil(state.msBeforeNext / 1000));
    }
  }

  // Live connections opened with credentials that no longer hold are ended by whoever holds them.
  const revoked = (principalId: string) => deps.events.publish('credentials.revoked', { principalId });

  return {
    async createUser(input: UserCreateRequest): Promise<UserDto> {
      if (await users.findByUsername(input.username))
        throw new Conflict(`username ${input.username} is taken`, {
          key: 'usernameTaken',
          params: { username: input.username },
        });
      const created = await users.create({
        userId: randomUUID(),
        username: input.username,
        displayName: input.displayName,
        passwordHash: await bcrypt.hash(input.password, BCRYPT_COST),
        role: input.role,
        active: true,
      });
      return toUserDto(created);
    },

    async listUsers(): Promise<UserDto[]> {
      return (await users.list()).map(toUserDto);
    },

    /** Role and active flag; a deactivated user's sessions and sockets end at once. */
    async updateUser(
      userId: string,
      patch: { active?: boolean | undefined; role?: Role | undefined },
    ): Promise<UserDto> {
      if (!(await users.findById(userId))) throw new NotFound(`user ${userId}`);
      const updated = await users.update(userId, {
        ...(patch.active !== undefined && { active: patch.active }),
        ...(patch.role !== undefined && { role: patch.role }),
      });
      if (!updated.active) {
        await credentials.deleteSessionsOf(userId);
        revoked(userId);
      } else if (patch.role !== undefined) revoked(userId);
      return toUserDto(updated);
    },

    /** Checks the password and opens a session; the returned token goes into the cookie only. */
    async login(username: string, password: string, clientKey: string) {
      await checkAddress(clientKey);
      await consumeAttempt(deps.loginLimiter, `${username.toLowerCase()}|${clientKey}`);
      const user = await users.findByUsername(username);
      const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok || !user.active) {
        await consumeAttempt(deps.addressLimiter, clientKey);
        throw new Unauthenticated('wrong username or password', { key: 'wrongPassword' });
      }
      await deps.loginLimiter.delete(`${username.toLowerCase()}|${clientKey}`);
      const token = newSessionToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3600_000);
      await credentials.createSession(sha256(token), user.userId, expiresAt);
      await users.touchLogin(user.userId, now);
      return { token, expiresAt, maxAgeSec: deps.sessionTtlHours * 3600, user: toUserDto(user) };
    },

    async logout(sessionToken: string): Promise<void> {
      await credentials.deleteSession(sha256(sessionToken));
    },

    async principalFromSession(sessionToken: string): Promise<Principal | null> {
      const s = await credentials.findSession(sha256(sessionToken));
      if (!s || s.expiresAt <= clock.now() || !s.user.active) return null;
      return { kind: 'user', id: s.user.userId, name: s.user.displayName, grant: s.user.role as Role };
    },

    async principalFromBearer(token: string): Promise<Principal | null> {
      const parsed = parseToken(token);
      if (!parsed) return null;
      if (parsed.kind === 'fsk') {
        const key = await credentials.findApiKeyByPrefix(parsed.prefix);
        if (!key || key.revokedAt || !hashMatches(token, key.keyHash)) return null;
        await credentials.touchApiKey(key.apiKeyId, clock.now());
        return { kind: 'apiKey', id: key.apiKeyId, name: key.name, grant: key.role };
      }
      const kiosk = await credentials.findKioskByPrefix(parsed.prefix);
      if (!kiosk || kiosk.revokedAt || !hashMatches(token, kiosk.tokenHash)) return null;
      return { kind: 'kiosk', id: kiosk.kioskId, name: kiosk.name, grant: 'kiosk' };
    },

    async createApiKey(name: string, role: Role, createdBy: string) {
      const t = issueToken('fsk');
      const apiKeyId = randomUUID();
      await credentials.createApiKey({ apiKeyId, name, role, prefix: t.prefix, keyHash: t.hash, createdBy });
      return { apiKeyId, name, role, key: t.token };
    },

    async listApiKeys() {
      return (await credentials.listApiKeys()).map(({ keyHash: _hash, ...k }) => k);
    },

    async revokeApiKey(apiKeyId: string): Promise<void> {
      if (!(await credentials.revokeApiKey(apiKeyId, clock.now()))) throw new NotFound(`active API key ${apiKeyId}`);
      revoked(apiKeyId);
    },

    async createKiosk(name: string, cameraIds: string[], createdBy: string) {
      const t = issueToken('fsd');
      const kioskId = randomUUID();
      await credentials.createKiosk({ kioskId, name, cameraIds, prefix: t.prefix, tokenHash: t.hash, createdBy });
      return { kioskId, name, cameraIds, token: t.token };
    },

    async listKiosks() {
      return (await credentials.listKiosks()).map(({ tokenHash: _hash, ...k }) => k);
    },

    async revokeKiosk(kioskId: string): Promise<void> {
      if (!(await credentials.revokeKiosk(kioskId, clock.now()))) throw new NotFound(`active kiosk ${kioskId}`);
      revoked(kioskId);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
