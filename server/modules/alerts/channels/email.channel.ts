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

/**
 * E-mail over SMTP with nodemailer; the recipient is an address, and the alert's camera picture is
 * attached when it has one. `mail` sends any text (the daily summary).
 */
export function createEmailChannel(
  smtpUrl: string,
  from: string,
  /** the camera's picture now, attached to the alert's mail when there is one */
  snapshot: (cameraId: string) => Promise<Buffer | null> = async () => null,
): AlertChannel & { mail: Mailer } {
  const transport = nodemailer.createTransport(smtpUrl);
  const mail: Mailer = async (to, subject, text) => void (await transport.sendMail({ from, to, subject, text }));
  return {
    name: 'email',
    mail,
    async send(message: AlertMessage, to: string): Promise<void> {
      const camera = message.alert.cameraId;
      const picture = camera ? await snapshot(camera).catch(() => null) : null;
      await transport.sendMail({
        from,
        to,
        ...alertMail(message),
        ...(picture && { attachments: [{ filename: `${camera}.jpg`, content: picture, contentType: 'image/jpeg' }] }),
      });
    },
  };
}

export type Mailer = (to: string, subject: string, text: string) => Promise<void>;
