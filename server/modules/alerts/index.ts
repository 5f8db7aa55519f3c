// Alerts: rules over the floor's facts, one open alert per rule and subject, acknowledgement,
// snoozes and resolution, escalation kept in the database, and the in-app channel.
export { createAlertsRepository } from './alerts.repository.js';
export { createAlertsService, type AlertsService } from './alerts.service.js';
export { alertRoutes } from './alerts.routes.js';
export { attachAlertsGateway } from './alerts.gateway.js';
export { startAlertWatch } from './alert-watch.job.js';
export type { FloorSources } from './floor-facts.js';
export { createWebhookChannel, signBody } from './channels/webhook.channel.js';
export { createEmailChannel } from './channels/email.channel.js';
export { createLineChannel } from './channels/line.channel.js';
export { createSmsChannel } from './channels/sms.channel.js';
export { createDailySummaries, type DailySummaries } from './daily-summary.job.js';
export { createDailySummaryRepository } from './daily-summary.repository.js';
export { attachReportedAnomalies } from './reported-anomalies.js';
