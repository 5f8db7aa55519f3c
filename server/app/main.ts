import { StartupError } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger, SystemLogSink } from '../platform/log.js';
import { startServer } from './server.js';

async function main() {
  let cfg;
  try {
    cfg = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const sink = new SystemLogSink();
  const log = createLogger(cfg.logLevel, sink);
  process.on('unhandledRejection', (err) => log.error({ component: 'process', err }, 'unhandled rejection'));
  let server;
  try {
    server = await startServer(cfg, log, sink);
  } catch (err) {
    if (!(err instanceof StartupError)) log.fatal({ component: 'process', err }, 'start-up failed');
    process.exit(1);
  }
  const stop = async (signal: string) => {
    log.info({ component: 'process' }, `${signal}: shutting down`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

await main();
