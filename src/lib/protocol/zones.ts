import { z } from 'zod';

export const ZONE_TYPES = ['work_area', 'inspection', 'break_area', 'restricted', 'critical'] as const;

const Point = z.tuple([z.number().finite(), z.number().finite()]);

/** One zone as an editor or API client saves it: polygon in normalised image coordinates (0..1). */
export const ZoneInput = z
  .object({
    zoneId: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[A-Za-z0-9_-]+$/, 'may contain letters, digits, dash and underscore')
      .optional(),
    name: z.string().trim().min(1).max(255),
    color: z
      .string()
      .regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour like #0072B2')
      .default('#0072B2'),
    zoneType: z.enum(ZONE_TYPES).default('work_area'),
    polygon: z.array(Point).min(3, 'needs at least 3 points').max(64),
    minWorkers: z.number().int().min(0).max(100).default(1),
    maxWorkers: z.number().int().min(0).max(100).default(3),
    idleThresholdSeconds: z.number().int().min(1).max(3600).default(60),
    alertOnEmpty: z.boolean().default(false),
    alertOnOverflow: z.boolean().default(true),
  })
  .refine((z) => z.maxWorkers >= z.minWorkers, { path: ['maxWorkers'], message: 'must be at least minWorkers' });
export type ZoneInput = z.input<typeof ZoneInput>;
export type ZoneSpec = z.output<typeof ZoneInput> & { zoneId: string };

export const LayoutInput = z.object({
  zones: z.array(ZoneInput).max(16),
  note: z.string().trim().max(500).optional(),
});

export const RollbackInput = z.object({ version: z.number().int().min(1) });
export const ApplyTemplateInput = z.object({ templateId: z.number().int().min(1) });
export const TemplateCreateInput = z.object({
  name: z.string().trim().min(1).max(255),
  description: z.string().trim().max(1000).optional(),
  cameraId: z.string().min(1).max(50).describe('whose current layout to save'),
});

export interface LayoutDto {
  cameraId: string;
  /** 0 before the first save */
  version: number;
  zones: ZoneSpec[];
  /** overlaps, shown but allowed */
  warnings: string[];
}

export interface VersionDto {
  version: number;
  /** 'seed': the layout the demo site starts with */
  action: 'save' | 'template' | 'rollback' | 'seed';
  note: string | null;
  createdBy: string | null;
  /** the display name of who made it, when they still exist */
  createdByName: string | null;
  createdAt: string;
  zoneCount: number;
}

export interface LayoutDiff {
  added: string[];
  removed: string[];
  changed: { zoneId: string; fields: string[] }[];
}

export interface TemplateDto {
  templateId: number;
  name: string;
  description: string | null;
  zones: Omit<ZoneSpec, 'zoneId'>[];
  createdBy: string | null;
}
