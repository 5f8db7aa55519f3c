import type { AlertChannel, AlertMessage } from './channel.js';

export interface SmsAccount {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
}

/**
 * SMS through a Twilio-style API (`POST /2010-04-01/Accounts/{sid}/Messages.json`, HTTP basic auth,
 * form-encoded To, From, Body): the alert in one short text.
 */
export function createSmsChannel(a: SmsAccount): AlertChannel {
  return {
    name: 'sms',
    async send(message: AlertMessage, to: string): Promise<void> {
      const m = message.alert;
      const body = `Floorsight ${m.severity}: ${m.message}`.slice(0, 320);
      const res = await fetch(`${a.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(a.accountSid)}/Messages.json`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString('base64')}`,
        },
        body: new URLSearchParams({ To: to, From: a.from, Body: body }),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new Error(`SMS API answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
  };
}
