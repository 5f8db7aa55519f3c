import { z } from 'zod';
import {
  ApplyTemplateInput,
  LayoutInput,
  RollbackInput,
  TemplateCreateInput,
  type LayoutDto,
  type VersionDto,
  type ZoneSpec,
} from '../../../src/lib/protocol/zones.js';
import { NotFound } from '../../../src/lib/shared/errors.js';
import { diffLayouts, prepareLayout } from './domain/layout.js';
import type { ZonesRepository } from './domain/ports.js';
import { EVERY_USER, parse, principalOf, type RouteSpec } from '../../platform/http/route.js';

const EDITORS = ['admin', 'supervisor'] as const;
const CameraParam = z.object({ id: z.string().min(1).max(50) });
const VersionParam = CameraParam.extend({ version: z.coerce.number().int().min(1) });

export interface ZoneRouteDeps {
  repo: ZonesRepository;
  maxZonesPerCamera: number;
  /** told after every change, so the session engine and the kiosks take it up at once */
  changed(cameraId: string): void;
}

/** Zone layouts per camera: edit, version history with diffs and rollback, templates (seed 000 phase 3). */
export function zoneRoutes(d: ZoneRouteDeps): RouteSpec[] {
  async function camera(id: string): Promise<string> {
    if (!(await d.repo.cameraExists(id))) throw new NotFound(`camera ${id}`);
    return id;
  }

  async function store(
    cameraId: string,
    zones: readonly Omit<ZoneSpec, 'zoneId'>[] | readonly ZoneSpec[],
    change: { action: VersionDto['action']; note: string | null; userId: string },
  ): Promise<LayoutDto> {
    const prepared = prepareLayout(cameraId, zones, d.maxZonesPerCamera, await d.repo.zoneIds(cameraId));
    const { version } = await d.repo.save(cameraId, prepared.zones, change);
    d.changed(cameraId);
    return { cameraId, version, zones: prepared.zones, warnings: prepared.warnings };
  }

  return [
    {
      method: 'get',
      path: '/cameras/:id/zones',
      access: [...EVERY_USER, 'kiosk'],
      handler: async (req, res) => {
        const cameraId = await camera(parse(CameraParam, req, 'params').id);
        const { zones, version } = await d.repo.layout(cameraId);
        const dto: LayoutDto = {
          cameraId,
          version,
          zones,
          warnings: prepareLayout(cameraId, zones, Infinity).warnings,
        };
        res.json(dto);
      },
    },
    {
      method: 'put',
      path: '/cameras/:id/zones',
      access: EDITORS,
      handler: async (req, res) => {
        const cameraId = await camera(parse(CameraParam, req, 'params').id);
        const body = parse(LayoutInput, req, 'body');
        res.json(
          await store(cameraId, body.zones, { action: 'save', note: body.note ?? null, userId: principalOf(req).id }),
        );
      },
    },
    {
      method: 'get',
      path: '/cameras/:id/zones/versions',
      access: EVERY_USER,
      handler: async (req, res) => {
        res.json(await d.repo.versions(await camera(parse(CameraParam, req, 'params').id)));
      },
    },
    {
      method: 'get',
      path: '/cameras/:id/zones/versions/:version',
      access: EVERY_USER,
      handler: async (req, res) => {
        const { id, version } = parse(VersionParam, req, 'params');
        const zones = await d.repo.version(await camera(id), version);
        if (!zones) throw new NotFound(`version ${version} of camera ${id}'s zones`);
        const previous = version > 1 ? ((await d.repo.version(id, version - 1)) ?? []) : [];
        res.json({ cameraId: id, version, zones, diff: diffLayouts(previous, zones) });
      },
    },
    {
      method: 'post',
      path: '/cameras/:id/zones/rollback',
      access: EDITORS,
      handler: async (req, res) => {
        const cameraId = await camera(parse(CameraParam, req, 'params').id);
        const { version } = parse(RollbackInput, req, 'body');
        const zones = await d.repo.version(cameraId, version);
        if (!zones) throw new NotFound(`version ${version} of camera ${cameraId}'s zones`);
        res.json(
          await store(cameraId, zones, {
            action: 'rollback',
            note: `rolled back to version ${version}`,
            userId: principalOf(req).id,
          }),
        );
      },
    },
    {
      method: 'post',
      path: '/cameras/:id/zones/template',
      access: EDITORS,
      handler: async (req, res) => {
        const cameraId = await camera(parse(CameraParam, req, 'params').id);
        const { templateId } = parse(ApplyTemplateInput, req, 'body');
        const template = (await d.repo.templates()).find((t) => t.templateId === templateId);
        if (!template) throw new NotFound(`zone template ${templateId}`);
        res.json(
          await store(cameraId, template.zones, {
            action: 'template',
            note: `template "${template.name}"`,
            userId: principalOf(req).id,
          }),
        );
      },
    },
    {
      method: 'get',
      path: '/zone-templates',
      access: EVERY_USER,
      handler: async (_req, res) => {
        res.json(await d.repo.templates());
      },
    },
    {
      method: 'post',
      path: '/zone-templates',
      access: EDITORS,
      handler: async (req, res) => {
        const body = parse(TemplateCreateInput, req, 'body');
        const { zones } = await d.repo.layout(await camera(body.cameraId));
        const templateId = await d.repo.createTemplate({
          name: body.name,
          description: body.description ?? null,
          zones: zones.map(({ zoneId: _id, ...z }) => z),
          userId: principalOf(req).id,
        });
        res.status(201).json({ templateId });
      },
    },
  ];
}
