import type { LayoutDiff, ZoneSpec } from '../../../../src/lib/protocol/zones.js';
import { validateZones } from '../../../../src/lib/tracking/zones.js';
import { InvalidInput } from '../../../../src/lib/shared/errors.js';

type ParsedZone = Omit<ZoneSpec, 'zoneId'> & { zoneId?: string | undefined };

/**
 * A camera's zones ready to store: ids given to new zones, and the tracking library's checks. A
 * self-intersecting, degenerate or out-of-frame polygon is refused naming the zone and the problem;
 * overlapping zones are allowed (the smaller wins) and come back as warnings.
 */
export function prepareLayout(
  cameraId: string,
  zones: readonly ParsedZone[],
  maxZones: number,
  /** ids already used by zones of this camera, current or retired: a new zone never reuses one */
  usedIds: readonly string[] = [],
  /** where the zones sit in the request, for error messages */
  field = 'body.zones',
): { zones: ZoneSpec[]; warnings: string[] } {
  if (zones.length > maxZones) {
    throw new InvalidInput(field, `a camera has at most ${maxZones} zones, got ${zones.length}`, {
      key: 'tooManyZones',
      params: { max: maxZones, count: zones.length },
    });
  }
  // A retired zone's id keeps its sessions; giving it to a new area would mix two zones' history.
  const taken = new Set([...usedIds, ...zones.map((z) => z.zoneId).filter(Boolean)]);
  let n = 1;
  const nextId = () => {
    while (taken.has(`${cameraId}-Z${n}`)) n++;
    taken.add(`${cameraId}-Z${n}`);
    return `${cameraId}-Z${n}`;
  };
  const withIds = zones.map((z) => ({ ...z, zoneId: z.zoneId ?? nextId() }));
  const seen = new Set<string>();
  withIds.forEach((z, i) => {
    if (seen.has(z.zoneId))
      throw new InvalidInput(`${field}.${i}.zoneId`, `${z.zoneId} appears twice`, {
        key: 'zoneTwice',
        params: { zone: z.zoneId },
      });
    seen.add(z.zoneId);
  });
  const { errors, warnings } = validateZones(withIds.map((z) => ({ id: z.zoneId, polygon: z.polygon })));
  if (errors.length) {
    const e = errors[0]!;
    const i = withIds.findIndex((z) => z.zoneId === e.zoneId);
    throw new InvalidInput(`${field}.${i}.polygon`, `zone "${withIds[i]!.name}" ${e.message}`, {
      key: `zone_${e.code}`,
      params: { zone: withIds[i]!.name, ...e.params },
    });
  }
  const name = (id: string) => withIds.find((z) => z.zoneId === id)?.name ?? id;
  return {
    zones: withIds,
    warnings: warnings.map(
      (w) =>
        `zone "${name(w.zoneId)}" ${w.message.replace(/zone ([A-Za-z0-9_-]+)/, (_, id: string) => `zone "${name(id)}"`)}`,
    ),
  };
}

const FIELDS = [
  'name',
  'color',
  'zoneType',
  'polygon',
  'minWorkers',
  'maxWorkers',
  'idleThresholdSeconds',
  'alertOnEmpty',
  'alertOnOverflow',
] as const satisfies readonly (keyof ZoneSpec)[];

/** What changed from one layout to the next, per zone and field. */
export function diffLayouts(before: readonly ZoneSpec[], after: readonly ZoneSpec[]): LayoutDiff {
  const old = new Map(before.map((z) => [z.zoneId, z]));
  const now = new Map(after.map((z) => [z.zoneId, z]));
  return {
    added: after.filter((z) => !old.has(z.zoneId)).map((z) => z.zoneId),
    removed: before.filter((z) => !now.has(z.zoneId)).map((z) => z.zoneId),
    changed: after
      .filter((z) => old.has(z.zoneId))
      .map((z) => ({
        zoneId: z.zoneId,
        fields: FIELDS.filter((f) => JSON.stringify(z[f]) !== JSON.stringify(old.get(z.zoneId)![f])),
      }))
      .filter((c) => c.fields.length > 0),
  };
}
