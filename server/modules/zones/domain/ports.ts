import type { TemplateDto, VersionDto, ZoneSpec } from '../../../../src/lib/protocol/zones.js';

/** Zone layouts per camera with their version history; a layout is saved whole. */
export interface ZonesRepository {
  cameraExists(cameraId: string): Promise<boolean>;
  layout(cameraId: string): Promise<{ zones: ZoneSpec[]; version: number }>;
  /** every zone id this camera has had, active or not */
  zoneIds(cameraId: string): Promise<string[]>;
  /** stores the layout as the camera's next version, with an audit_logs row */
  save(
    cameraId: string,
    zones: readonly ZoneSpec[],
    change: { action: VersionDto['action']; note: string | null; userId: string | null },
  ): Promise<{ version: number; before: ZoneSpec[] }>;
  versions(cameraId: string): Promise<VersionDto[]>;
  version(cameraId: string, version: number): Promise<ZoneSpec[] | null>;
  templates(): Promise<TemplateDto[]>;
  /** Conflict when the name is taken */
  createTemplate(t: {
    name: string;
    description: string | null;
    zones: TemplateDto['zones'];
    userId: string;
  }): Promise<number>;
}
