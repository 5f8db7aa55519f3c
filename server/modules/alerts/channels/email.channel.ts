import nodemailer from 'nodemailer';
import type { AlertChannel, AlertMessage } from './channel.js';

/** The e-mail of one alert: subject with severity and rule, the details in the body. */
export function alertMail(m: AlertMessage): { subject: string; text: string } {
  const a = m.alert;
  const what = m.event === 'escalated' ? `escalated to level ${m.level}` : 'raised';
  return {
    subject: `[Floorsight ${a.severity}] ${a.rule}: ${a.message}`,
    text: [
      `${a.message}`,
      ``,
      `Alert ${a.alertId} ${what}, ${a.raisedAt}.`,
      `Rule: ${a.rule} · severity ${a.severity} · state ${a.state}`,
      ...(a.zoneId ? [`Zone: ${a.zoneId}`] : []),
      ...(a.workerId ? [`Worker: ${a.workerId}`] : []),
      ...(a.cameraId ? [`Camera: ${a.cameraId}`] : []),
      ``,
      `Acknowledge it on the Alerts page.`,
    ].join('\n'),
  };
}

/** E-mail over SMTP with nodemailer; the recipient is an address. */
export function createEmailChannel(smtpUrl: string, from: string): AlertChannel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: 'email',
    async send(message: AlertMessage, to: string): Promise<void> {
      await transport.sendMail({ from, to, ...alertMail(message) });
    },
  };
}
