// npm run identity:rotate-key: re-seals every stored face embedding and photo with the current
// IDENTITY_KEY (or key file); values sealed with a key in IDENTITY_PREVIOUS_KEYS are opened with it.
import { createIdentityRepository } from '../../modules/identity/index.js';
import { createSealedBox, loadIdentityKey, parseKey } from '../../platform/crypto/sealed-box.js';
import { createLogger, SystemLogSink } from '../../platform/log.js';
import { openMigrated } from '../boot.js';
import { loadConfig } from '../config.js';

const cfg = loadConfig();
const log = createLogger(cfg.logLevel, new SystemLogSink());
const db = await openMigrated(cfg, log);
const box = createSealedBox(
  loadIdentityKey(cfg.identity).key,
  cfg.identity.previousKeys.map((k, i) => parseKey(k, `IDENTITY_PREVIOUS_KEYS[${i}]`)),
);
let moved = 0;
const seen = await createIdentityRepository(db.prisma).resealAll((v) => {
  if (box.isCurrent(v)) return v;
  moved++;
  return box.seal(box.open(v));
});
log.info(
  { component: 'identity', keyId: box.keyId },
  `re-sealed ${moved} of ${seen} face values with key ${box.keyId}`,
);
await db.close();
