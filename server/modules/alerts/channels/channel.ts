import type { AlertDto } from '../../../../src/lib/protocol/alerts.js';
import type { ChannelName } from '../domain/ports.js';

/** What a channel carries: the alert as it is, and why it is sent now. */
export interface AlertMessage {
  event: 'raised' | 'escalated';
  level: number;
  alert: AlertDto;
}

/** One way of telling someone; `send` throws when the other end did not take it. */
export interface AlertChannel {
  readonly name: ChannelName;
  send(message: AlertMessage, recipient: string): Promise<void>;
}
