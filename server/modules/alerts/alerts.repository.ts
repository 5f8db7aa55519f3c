import type { AlertDto, AlertQuery } from '../../../src/lib/protocol/alerts.js';
import type { Prisma, PrismaClient } from '../../platform/db/generated/client.js';
import { siteSetting } from '../../platform/db/site-settings.js';
import { conflictOnDuplicate } from '../../platform/db/unique.js';
import type { EscalationPolicies } from './domain/escalation.js';
import type { AlertsRepository, DeliveryDto } from './domain/ports.js';
import { ANOMALY_SEVERITY, type RuleSettings } from './domain/rules.js';

type Row = Prisma.AlertGetPayload<object>;
const iso = (d: Date | null) => d?.toISOString() ?? null;

function toDto(r: Row): AlertDto {
  return {
    alertId: r.alertId,
    rule: r.alertType,
    subject: r.subject,
    severity: r.severity as AlertDto['severity'],
    state: r.state as AlertDto['state'],
    zoneId: r.zoneId,
    workerId: r.workerId,
    cameraId: r.cameraId,
    message: r.message,
    raisedAt: r.timestamp.toISOString(),
    acknowledgedBy: r.acknowledgedBy,
    acknowledgedAt: iso(r.acknowledgedAt),
    actionTaken: r.actionTaken,
    snoozedUntil: iso(r.snoozedUntil),
    resolvedAt: iso(r.resolvedAt),
    resolvedBy: r.resolvedBy,
    resolution: r.resolution,
    rootCause: r.rootCause,
    autoResolved: r.autoResolved,
    escalationLevel: r.escalationLevel,
    nextEscalationAt: iso(r.nextEscalationAt),
    metadata: (r.metadata ?? {}) as Record<string, unknown>,
  };
}

function toDelivery(r: Prisma.AlertDeliveryGetPayload<object>): DeliveryDto {
  return {
    deliveryId: String(r.deliveryId),
    alertId: r.alertId,
    channel: r.channel as DeliveryDto['channel'],
    recipient: r.recipient,
    status: r.status as DeliveryDto['status'],
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    deliveredAt: iso(r.deliveredAt),
    payload: r.payload,
  };
}

function where(q: Partial<AlertQuery>): Prisma.AlertWhereInput {
  return {
    ...(q.state && { state: q.state }),
    ...(q.severity && { severity: q.severity }),
    ...(q.zone && { zoneId: q.zone }),
    ...(q.worker && { workerId: q.worker }),
    ...((q.from || q.to) && {
      timestamp: { ...(q.from && { gte: new Date(q.from) }), ...(q.to && { lt: new Date(q.to) }) },
    }),
  };
}

export function createAlertsRepository(prisma: PrismaClient): AlertsRepository {
  const rules = siteSetting<RuleSettings>(prisma, 'alerts.rules');
  const escalation = siteSetting<EscalationPolicies>(prisma, 'alerts.escalation');
  /** Changes an alert that is not resolved yet and writes the history step; null when there is none. */
  async function change(
    alertId: number,
    data: Prisma.AlertUpdateInput,
    step: Omit<Prisma.AlertHistoryCreateManyInput, 'alertId'>,
  ) {
    return prisma.$transaction(async (tx) => {
      const n = await tx.alert.updateMany({ where: { alertId, state: { not: 'resolved' } }, data: data as object });
      if (!n.count) return null;
      await tx.alertHistory.create({ data: { ...step, alertId } });
      return toDto(await tx.alert.findUniqueOrThrow({ where: { alertId } }));
    });
  }

  return {
    async openKeys() {
      const rows = await prisma.alert.findMany({
        where: { state: { not: 'resolved' } },
        select: { alertType: true, subject: true },
      });
      return rows.map((r) => ({ rule: r.alertType, subject: r.subject }));
    },

    async raise(c, at, indexNumber, nextEscalationAt) {
      return prisma.$transaction(async (tx) => {
        const anomaly = await tx.anomaly.create({
          data: {
            timestamp: at,
            anomalyType: c.rule,
            severity: ANOMALY_SEVERITY[c.severity],
            zoneId: c.zoneId,
            workerId: c.workerId,
            cameraId: c.cameraId,
            indexNumber,
            description: c.message,
            metadata: { subject: c.subject, ...c.metadata },
          },
        });
        const alert = await conflictOnDuplicate(
          tx.alert.create({
            data: {
              timestamp: at,
              alertType: c.rule,
              subject: c.subject,
              severity: c.severity,
              zoneId: c.zoneId,
              workerId: c.workerId,
              cameraId: c.cameraId,
              message: c.message,
              metadata: c.metadata as object,
              anomalyId: anomaly.anomalyId,
              nextEscalationAt,
            },
          }),
          `an alert ${c.rule} for ${c.subject} is open`,
        );
        await tx.alertHistory.create({ data: { alertId: alert.alertId, timestamp: at, action: 'raised', level: 0 } });
        return toDto(alert);
      });
    },

    async autoResolve(rule, subject, at) {
      const open = await prisma.alert.findFirst({ where: { alertType: rule, subject, state: { not: 'resolved' } } });
      if (!open) return null;
      const done = await change(
        open.alertId,
        { state: 'resolved', autoResolved: true, resolvedAt: at, nextEscalationAt: null },
        { timestamp: at, action: 'auto_resolved' },
      );
      if (done && open.anomalyId)
        await prisma.anomaly.update({ where: { anomalyId: open.anomalyId }, data: { resolved: true, resolvedAt: at } });
      return done;
    },

    async list(q) {
      const [rows, total] = await Promise.all([
        prisma.alert.findMany({ where: where(q), orderBy: { timestamp: 'desc' }, take: q.limit, skip: q.offset }),
        prisma.alert.count({ where: where(q) }),
      ]);
      return { items: rows.map(toDto), total };
    },

    async get(alertId) {
      const r = await prisma.alert.findUnique({
        where: { alertId },
        include: { history: { orderBy: { historyId: 'asc' } } },
      });
      if (!r) return null;
      return {
        ...toDto(r),
        history: r.history.map((h) => ({
          at: h.timestamp.toISOString(),
          action: h.action,
          actor: h.actor,
          level: h.level,
          note: h.note,
        })),
      };
    },

    acknowledge: (alertId, by, note, at) =>
      change(
        alertId,
        {
          state: 'acknowledged',
          acknowledged: true,
          acknowledgedBy: by,
          acknowledgedAt: at,
          actionTaken: note,
          nextEscalationAt: null,
        },
        { timestamp: at, action: 'acknowledged', actor: by, note },
      ),

    snooze: (alertId, by, until, nextEscalationAt, at) =>
      change(
        alertId,
        { snoozedUntil: until, nextEscalationAt },
        { timestamp: at, action: 'snoozed', actor: by, note: `until ${until.toISOString()}` },
      ),

    async resolve(alertId, by, resolution, rootCause, at) {
      const done = await change(
        alertId,
        { state: 'resolved', resolvedAt: at, resolvedBy: by, resolution, rootCause, nextEscalationAt: null },
        { timestamp: at, action: 'resolved', actor: by, note: resolution },
      );
      const row = done && (await prisma.alert.findUnique({ where: { alertId }, select: { anomalyId: true } }));
      if (row?.anomalyId)
        await prisma.anomaly.update({
          where: { anomalyId: row.anomalyId },
          data: { resolved: true, resolvedAt: at, resolvedBy: by, resolution, rootCause, autoDetected: true },
        });
      return done;
    },

    async dueEscalations(at) {
      const rows = await prisma.alert.findMany({ where: { state: 'open', nextEscalationAt: { lte: at } } });
      return rows.map(toDto);
    },

    async escalate(alertId, level, recipients, at, nextAt) {
      await prisma.$transaction([
        prisma.alert.update({ where: { alertId }, data: { escalationLevel: level, nextEscalationAt: nextAt } }),
        prisma.alertHistory.create({
          data: { alertId, timestamp: at, action: 'escalated', level, metadata: { recipients } },
        }),
      ]);
    },

    openCount: () => prisma.alert.count({ where: { state: { not: 'resolved' } } }),

    async enqueue(d, at) {
      await prisma.alertDelivery.create({ data: { ...d, nextAttemptAt: at } });
    },
    async dueDeliveries(at) {
      const rows = await prisma.alertDelivery.findMany({
        where: { status: 'pending', nextAttemptAt: { lte: at } },
        orderBy: { deliveryId: 'asc' },
        take: 100,
      });
      return rows.map(toDelivery);
    },
    async delivered(deliveryId, attempts, at) {
      await prisma.alertDelivery.update({
        where: { deliveryId: BigInt(deliveryId) },
        data: { status: 'delivered', attempts, deliveredAt: at, lastError: null },
      });
    },
    async failed(deliveryId, attempts, error, nextAt) {
      await prisma.alertDelivery.update({
        where: { deliveryId: BigInt(deliveryId) },
        data: { attempts, lastError: error, ...(nextAt ? { nextAttemptAt: nextAt } : { status: 'dead' }) },
      });
    },
    async deliveries(q) {
      const rows = await prisma.alertDelivery.findMany({
        where: { ...(q.alertId && { alertId: q.alertId }), ...(q.status && { status: q.status }) },
        orderBy: { deliveryId: 'desc' },
        take: q.limit,
      });
      return rows.map(toDelivery);
    },
    async replay(deliveryId, at) {
      const n = await prisma.alertDelivery.updateMany({
        where: { deliveryId: BigInt(deliveryId), status: 'dead' },
        data: { status: 'pending', attempts: 0, nextAttemptAt: at },
      });
      return n.count > 0;
    },

    async anomalies(q) {
      const rows = await prisma.anomaly.findMany({
        where: {
          ...(q.zone && { zoneId: q.zone }),
          ...(q.worker && { workerId: q.worker }),
          ...((q.from || q.to) && {
            timestamp: { ...(q.from && { gte: new Date(q.from) }), ...(q.to && { lt: new Date(q.to) }) },
          }),
        },
        orderBy: { timestamp: 'desc' },
        take: q.limit,
        skip: q.offset,
      });
      return rows.map((r) => ({
        anomalyId: r.anomalyId,
        at: r.timestamp.toISOString(),
        type: r.anomalyType,
        severity: r.severity,
        zoneId: r.zoneId,
        workerId: r.workerId,
        cameraId: r.cameraId,
        indexNumber: r.indexNumber,
        description: r.description,
        resolved: r.resolved,
      }));
    },

    ruleSettings: () => rules.read(),
    putRuleSettings: (v, by) => rules.write(v, by),
    escalationPolicies: () => escalation.read(),
    putEscalationPolicies: (v, by) => escalation.write(v, by),
  };
}
