import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FACE_MATCH_DEFAULTS } from '../../src/lib/identity/face-match.js';
import { Role } from '../../src/lib/protocol/auth.js';
import type { DatabaseConfig } from '../platform/db/database.js';
import type { IntakeSettings } from '../modules/sessions/index.js';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const boolFromEnv = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every setting, keyed by its environment variable; values from the JSON file use the same keys. */
const ConfigSource = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    FACTORY_TIME_ZONE: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Asia/Bangkok')
      .default('Asia/Bangkok'),
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
    MODEL_DIR: z.string().min(1).default('static/models'),
    DEMO_VIDEO: z.string().min(1).default('vendor/media/vtest-demo.mp4'),
    SEED_DEMO: boolFromEnv.default(true),
    ADMIN_USERNAME: z.string().min(3).max(100).optional(),
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    SESSION_TTL_HOURS: z.coerce.number().positive().max(720).default(12),
    COOKIE_SECURE: boolFromEnv.default(false),
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(10),
    LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
    SVELTEKIT_HANDLER: z.string().min(1).default('build/handler.js'),
    FFMPEG_PATH: z.string().min(1).optional(),
    MEDIA_ICE_ADDRESSES: z
      .string()
      .regex(/^(\d{1,3}(\.\d{1,3}){3})(,\d{1,3}(\.\d{1,3}){3})*$/, 'must be comma-separated IPv4 addresses')
      .optional(),
    SESSION_GRACE_SECONDS: z.coerce.number().positive().max(600).default(5),
    SESSION_LEAVE_SECONDS: z.coerce.number().positive().max(60).default(1),
    IDLE_THRESHOLD_SECONDS: z.coerce.number().positive().max(3600).default(60),
    TIME_LOG_SECONDS: z.coerce.number().min(1).max(60).default(5),
    INTAKE_COMMIT_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    STALE_STREAM_SECONDS: z.coerce.number().positive().default(120),
    KIOSK_MAX_CLOCK_SKEW_SECONDS: z.coerce.number().positive().max(86_400).default(120),
    KIOSK_MAX_BACKLOG_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 365)
      .default(168),
    KIOSK_PROCESSING_FPS: z.coerce.number().positive().max(60).default(15),
    // The fastest detector that finds as many people as YOLOX-nano (bench:vision, README Vision).
    KIOSK_DETECTOR: z.string().min(1).max(100).default('yolox_nano.onnx'),
    MAX_ZONES_PER_CAMERA: z.coerce.number().int().min(1).max(16).default(4),
    // Face data is sealed with this key (base64, 32 bytes), or with the one in IDENTITY_KEY_FILE.
    IDENTITY_KEY: z.string().min(1).optional(),
    IDENTITY_KEY_FILE: z.string().min(1).optional(),
    // Keys face data was sealed with before a rotation (base64, comma-separated): read, never written.
    IDENTITY_PREVIOUS_KEYS: z.string().min(1).optional(),
    FACE_MATCH_THRESHOLD: z.coerce.number().min(0).max(1).default(FACE_MATCH_DEFAULTS.minSimilarity),
    FACE_MATCH_MARGIN: z.coerce.number().min(0).max(1).default(FACE_MATCH_DEFAULTS.minMargin),
    // Alerts beyond the app: webhooks get every alert; critical ones are e-mailed at once.
    ALERT_WEBHOOK_URLS: z
      .string()
      .regex(/^https?:\/\/\S+(,https?:\/\/\S+)*$/, 'must be comma-separated http(s):// URLs')
      .optional(),
    ALERT_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    ALERT_EMAIL_FROM: z.string().min(3).default('floorsight@localhost'),
    ALERT_CRITICAL_TO: z
      .string()
      .regex(
        /^(email|sms|line|webhook):[^,]+(,(email|sms|line|webhook):[^,]+)*$/,
        'must be comma-separated email:…, sms:…, line:… or webhook:… recipients',
      )
      .optional(),
    ALERT_DIGEST_TO: z.string().min(3).optional(),
    LINE_CHANNEL_TOKEN: z.string().min(10).optional(),
    LINE_API_URL: z.string().url().default('https://api.line.me'),
    SMS_API_URL: z.string().url().default('https://api.twilio.com'),
    SMS_ACCOUNT_SID: z.string().min(3).optional(),
    SMS_AUTH_TOKEN: z.string().min(3).optional(),
    SMS_FROM: z.string().min(3).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.ALERT_WEBHOOK_URLS && !c.ALERT_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['ALERT_WEBHOOK_SECRET'], message: 'is needed to sign the webhooks' });
    }
    if ((c.ADMIN_USERNAME === undefined) !== (c.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [c.ADMIN_USERNAME === undefined ? 'ADMIN_USERNAME' : 'ADMIN_PASSWORD'],
        message: 'ADMIN_USERNAME and ADMIN_PASSWORD must be set together',
      });
    }
  });

export type ConfigSource = z.input<typeof ConfigSource>;

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  redisUrl: string | null;
  timeZone: string;
  logLevel: z.infer<typeof ConfigSource>['LOG_LEVEL'];
  modelDir: string;
  demoVideo: string;
  seedDemo: boolean;
  firstAdmin: { username: string; password: string; role: Role } | null;
  sessionTtlHours: number;
  cookieSecure: boolean;
  loginMaxAttempts: number;
  /** failed logins from one address, over all usernames, per 15 min (password spraying) */
  loginMaxFailuresPerAddress: number;
  sveltekitHandler: string;
  /** null: the system's ffmpeg, else npm's (see platform/ffmpeg.ts) */
  ffmpegPath: string | null;
  /** interfaces WebRTC may use; empty: all */
  mediaIceAddresses: string[];
  sessions: IntakeSettings;
  kiosk: { processingFps: number; detector: string };
  maxZonesPerCamera: number;
  alerts: {
    webhooks: string[];
    webhookSecret: string | null;
    smtpUrl: string | null;
    emailFrom: string;
    critical: string[];
    /** e-mail addresses of the daily summary and the digest of the day's other alerts */
    digestTo: string[];
    line: { token: string; apiUrl: string } | null;
    sms: { apiUrl: string; accountSid: string; authToken: string; from: string } | null;
  };
  identity: {
    /** base64 key given in the environment, else the file that holds it (created on first start) */
    key: string | null;
    keyFile: string;
    previousKeys: string[];
    match: { minSimilarity: number; minMargin: number };
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

const KEYS = new Set(Object.keys(ConfigSource.shape));

/**
 * Builds the one Config from the environment and, when CONFIG_FILE names one, a JSON file whose
 * keys are the same variable names. The environment wins over the file. Unknown keys in the file
 * are rejected; unrelated environment variables are ignored.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  let fromFile: Record<string, unknown> = {};
  const file = env.CONFIG_FILE;
  if (file) {
    if (!existsSync(file)) throw new ConfigError('CONFIG_FILE', `names ${file}, which does not exist`);
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new ConfigError('CONFIG_FILE', `is not valid JSON: ${(err as Error).message}`);
    }
  }
  const fromEnv = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => KEYS.has(k) && v !== undefined && v !== ''),
  );
  const parsed = ConfigSource.safeParse({ ...fromFile, ...fromEnv });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(issue.path.join('.') || '(root)', issue.message);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    database: c.DATABASE_URL
      ? { kind: 'postgres', url: c.DATABASE_URL }
      : { kind: 'pglite', dir: path.resolve(c.DATA_DIR, 'pglite') },
    redisUrl: c.REDIS_URL ?? null,
    timeZone: c.FACTORY_TIME_ZONE,
    logLevel: c.LOG_LEVEL,
    modelDir: path.resolve(c.MODEL_DIR),
    demoVideo: path.resolve(c.DEMO_VIDEO),
    seedDemo: c.SEED_DEMO,
    firstAdmin:
      c.ADMIN_USERNAME && c.ADMIN_PASSWORD
        ? { username: c.ADMIN_USERNAME, password: c.ADMIN_PASSWORD, role: 'admin' }
        : null,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    cookieSecure: c.COOKIE_SECURE,
    loginMaxAttempts: c.LOGIN_MAX_ATTEMPTS,
    loginMaxFailuresPerAddress: c.LOGIN_MAX_FAILURES_PER_ADDRESS,
    sveltekitHandler: path.resolve(c.SVELTEKIT_HANDLER),
    ffmpegPath: c.FFMPEG_PATH ?? null,
    sessions: {
      graceMs: c.SESSION_GRACE_SECONDS * 1000,
      leaveAfterMs: c.SESSION_LEAVE_SECONDS * 1000,
      idleThresholdMs: c.IDLE_THRESHOLD_SECONDS * 1000,
      logEveryMs: c.TIME_LOG_SECONDS * 1000,
      commitEveryMs: c.INTAKE_COMMIT_MS,
      staleAfterMs: c.STALE_STREAM_SECONDS * 1000,
      maxClockSkewMs: c.KIOSK_MAX_CLOCK_SKEW_SECONDS * 1000,
      maxBacklogMs: c.KIOSK_MAX_BACKLOG_HOURS * 3_600_000,
    },
    kiosk: { processingFps: c.KIOSK_PROCESSING_FPS, detector: c.KIOSK_DETECTOR },
    maxZonesPerCamera: c.MAX_ZONES_PER_CAMERA,
    alerts: {
      webhooks: c.ALERT_WEBHOOK_URLS?.split(',') ?? [],
      webhookSecret: c.ALERT_WEBHOOK_SECRET ?? null,
      smtpUrl: c.SMTP_URL ?? null,
      emailFrom: c.ALERT_EMAIL_FROM,
      critical: c.ALERT_CRITICAL_TO?.split(',').map((x) => x.trim()) ?? [],
      digestTo: c.ALERT_DIGEST_TO?.split(',').map((x) => x.trim()) ?? [],
      line: c.LINE_CHANNEL_TOKEN ? { token: c.LINE_CHANNEL_TOKEN, apiUrl: c.LINE_API_URL } : null,
      sms:
        c.SMS_ACCOUNT_SID && c.SMS_AUTH_TOKEN && c.SMS_FROM
          ? { apiUrl: c.SMS_API_URL, accountSid: c.SMS_ACCOUNT_SID, authToken: c.SMS_AUTH_TOKEN, from: c.SMS_FROM }
          : null,
    },
    identity: {
      key: c.IDENTITY_KEY ?? null,
      keyFile: path.resolve(c.IDENTITY_KEY_FILE ?? path.join(c.DATA_DIR, 'identity.key')),
      previousKeys: c.IDENTITY_PREVIOUS_KEYS?.split(',') ?? [],
      match: { minSimilarity: c.FACE_MATCH_THRESHOLD, minMargin: c.FACE_MATCH_MARGIN },
    },
    mediaIceAddresses: c.MEDIA_ICE_ADDRESSES?.split(',') ?? [],
  };
}
