import { alertMail } from './email.channel.js';
import type { AlertChannel, AlertMessage } from './channel.js';

/**
 * LINE Messaging API push (`POST /v2/bot/message/push`, channel access token as Bearer): one text
 * message to a LINE user, group or room id.
 */
export function createLineChannel(accessToken: string, apiUrl = 'https://api.line.me'): AlertChannel {
  return {
    name: 'line',
    async send(message: AlertMessage, to: string): Promise<void> {
      const { subject, text } = alertMail(message);
      const res = await fetch(`${apiUrl}/v2/bot/message/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        // LINE limits a text message to 5,000 characters.
        body: JSON.stringify({ to, messages: [{ type: 'text', text: `${subject}\n\n${text}`.slice(0, 5000) }] }),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new Error(`LINE answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
  };
}
