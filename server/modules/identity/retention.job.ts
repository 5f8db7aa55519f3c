import type { Logger } from 'pino';
import type { IdentityService } from './identity.service.js';

const DAY_MS = 86_400_000;

/**
 * Deletes enrolments (embeddings and photos) older than the site's retention, at start and then
 * daily; what it removed goes to the system log (and audit_logs, from the service).
 */
export function startIdentityRetention(identity: IdentityService, log: Logger, everyMs = DAY_MS) {
  const run = async () => {
    try {
      const workers = await identity.applyRetention();
      if (workers.length)
        log.info({ component: 'identity', workers }, `retention removed the enrolments of ${workers.length} workers`);
    } catch (err) {
      log.warn({ component: 'identity', err }, 'identity retention failed; it runs again tomorrow');
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), run };
}
