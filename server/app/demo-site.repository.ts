import { existsSync } from 'node:fs';
import { computeTimeline, SEED_SHIFT, timelineJson } from '../modules/schedule/index.js';
import type { ScheduleInput } from '../../src/lib/protocol/schedule.js';
import { createScheduleRepository } from '../modules/schedule/index.js';
import { createZonesRepository } from '../modules/zones/index.js';
import type { PrismaClient } from '../platform/db/generated/client.js';

export const DEMO_SHIFT: ScheduleInput = {
  ...SEED_SHIFT,
  working: true,
  breaks: [...SEED_SHIFT.breaks],
  fixedMinutes: null,
  notes: 'Demo shift from seed 000',
};

const WORKERS = [
  { workerId: 'W001', name: 'สมชาย ใจดี', badgeId: 'BADGE-001', shift: 'morning', skillLevel: 'expert' },
  { workerId: 'W002', name: 'John Smith', badgeId: 'BADGE-002', shift: 'morning', skillLevel: 'intermediate' },
  { workerId: 'W003', name: 'Nguyen Thi Lan', badgeId: 'BADGE-003', shift: 'morning', skillLevel: 'beginner' },
  { workerId: 'W004', name: 'Maria Santos', badgeId: 'BADGE-004', shift: 'afternoon', skillLevel: 'intermediate' },
];

// Normalised (0..1) polygons over the walkway of OpenCV's vtest.avi (768×576).
const ZONES = [
  {
    zoneId: 'Z01',
    name: 'Station 1',
    color: '#0072B2',
    polygonCoords: [
      [0.02, 0.45],
      [0.48, 0.45],
      [0.48, 0.98],
      [0.02, 0.98],
    ],
  },
  {
    zoneId: 'Z02',
    name: 'Station 2',
    color: '#E69F00',
    polygonCoords: [
      [0.52, 0.45],
      [0.98, 0.45],
      [0.98, 0.98],
      [0.52, 0.98],
    ],
  },
];

/**
 * Lays down a small demo site. Idempotent: it creates what is missing and never overwrites what
 * an admin has changed since.
 */
export async function seedDemo(prisma: PrismaClient, opts: { today: string; demoVideo: string }) {
  for (const w of WORKERS) {
    await prisma.worker.upsert({ where: { workerId: w.workerId }, create: w, update: {} });
  }
  const hasVideo = existsSync(opts.demoVideo);
  await prisma.camera.upsert({
    where: { cameraId: 'CAM01' },
    create: {
      cameraId: 'CAM01',
      name: 'Demo walkway (vtest.avi)',
      sourceKind: 'file',
      filePath: opts.demoVideo,
      location: 'Demo line',
      status: hasVideo ? 'active' : 'error',
      resolution: '768x576',
      fps: 10,
    },
    update: {},
  });
  for (const z of ZONES) {
    await prisma.zone.upsert({
      where: { zoneId: z.zoneId },
      create: { ...z, cameraId: 'CAM01', zoneType: 'work_area', minWorkers: 1, maxWorkers: 3 },
      update: {},
    });
  }
  // The seeded layout is version 1, so the zone editor shows where it came from and can roll back to it.
  const zones = createZonesRepository(prisma);
  const layout = await zones.layout('CAM01');
  if (layout.version === 0 && layout.zones.length) {
    await zones.save('CAM01', layout.zones, { action: 'seed', note: 'demo layout', userId: null });
  }
  const schedules = createScheduleRepository(prisma);
  if (!(await schedules.findByDate(opts.today))) {
    await schedules.upsert(opts.today, DEMO_SHIFT, timelineJson(computeTimeline(DEMO_SHIFT)));
  }
  return { workers: WORKERS.length, cameras: 1, zones: ZONES.length, demoVideo: hasVideo };
}
