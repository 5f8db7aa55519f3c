import { createHmac } from 'node:crypto';
import type { AlertChannel, AlertMessage } from './channel.js';

const TIMEOUT_MS = 5000;

/** `sha256=<hex>` of the exact body with the shared secret, as the receiver recomputes it. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * JSON POST to the recipient URL, signed with HMAC-SHA256 in `X-Floorsight-Signature` (over the
 * body), with the delivery time in `X-Floorsight-Timestamp`; anything but a 2xx is a failure.
 */
export function createWebhookChannel(secret: string): AlertChannel {
  return {
    name: 'webhook',
    async send(message: AlertMessage, url: string): Promise<void> {
      const body = JSON.stringify(message);
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-floorsight-signature': signBody(body, secret),
          'x-floorsight-timestamp': new Date().toISOString(),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`webhook answered ${res.status}`);
    },
  };
}
