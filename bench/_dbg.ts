import pg from 'pg';
import { launchChromium, WEBRTC_LOOPBACK } from '../test/support/browser.js';
import { createKiosk } from '../test/support/kiosk.js';
import { createTestDatabase, REDIS_URL } from '../test/support/postgres.js';
import { ADMIN, loginCookie, startTestServer } from '../test/support/server.js';
const db = await createTestDatabase();
const server = await startTestServer({
  DATABASE_URL: db.url,
  REDIS_URL,
  SEED_DEMO: 'true',
  MEDIA_ICE_ADDRESSES: '127.0.0.1',
  LOG_LEVEL: 'warn',
});
const sql = new pg.Client({ connectionString: db.url });
await sql.connect();
const cookie = await loginCookie(server.base, ADMIN.username, ADMIN.password);
const { token } = await createKiosk(server.base, ['CAM01'], 'k');
const browser = await launchChromium(WEBRTC_LOOPBACK);
const kiosk = await browser.newPage();
kiosk.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') console.log('PAGE', m.text().slice(0, 200));
});
await kiosk.goto(`${server.base}/kiosk#token=${token}`);
for (let i = 0; i < 12; i++) {
  await new Promise((r) => setTimeout(r, 2500));
  const a = await (await fetch(`${server.base}/api/v1/sessions/active`, { headers: { cookie } })).json();
  const tl = (await sql.query('SELECT COUNT(*) n FROM time_logs')).rows[0].n;
  const st = await kiosk
    .evaluate('window.floorsightKiosk ? JSON.stringify({...window.floorsightKiosk.stats(), ackMs: undefined}) : "none"')
    .catch(() => 'x');
  const status = await kiosk
    .getByTestId('kiosk-status')
    .textContent()
    .catch(() => '');
  console.log(i, 'active', a.length, 'time_logs', tl, st, status);
}
await browser.close();
await sql.end();
await server.close();
await db.drop();
process.exit(0);
