import type { AlertDto } from '../../../../src/lib/protocol/alerts.js';

/** What a channel carries: the alert as it is, and why it is sent now. */
export interface AlertMessage {
  event: 'raised' | 'escalated';
  level: number;
  alert: AlertDto;
}

export const CHANNELS = ['webhook', 'email', 'line', 'sms'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** One way of telling someone; `send` throws when the other end did not take it. */
export interface AlertChannel {
  readonly name: ChannelName;
  send(message: AlertMessage, recipient: string): Promise<void>;
}
