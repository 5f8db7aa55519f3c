import type { CameraCreateRequest, WorkerDto, WorkerUpdateRequest } from '../../../../src/lib/protocol/catalog.js';

/** A worker as the API answers: `WorkerDto` of the shared protocol. */
export type WorkerSummary = WorkerDto;

/** A camera as lists show it; never its RTSP URL, which may carry a password. */
export interface CameraSummary {
  cameraId: string;
  name: string;
  sourceKind: string;
  location: string | null;
  status: string;
  resolution: string;
  fps: number;
  lastSeenAt: Date | null;
  usbDevice: string | null;
}

export interface ZoneRow {
  zoneId: string;
  cameraId: string;
  name: string;
  polygonCoords: unknown;
  zoneType: string;
  color: string;
  minWorkers: number;
  maxWorkers: number;
  alertOnEmpty: boolean;
  alertOnOverflow: boolean;
  idleThresholdSeconds: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Read access to the floor's fixed things (workers, cameras, zones), and the few writes on them. */
export interface CatalogRepository {
  listWorkers(): Promise<WorkerSummary[]>;
  /** Conflict when the id or badge is taken */
  createWorker(w: {
    workerId: string;
    name: string;
    badgeId?: string | null;
    shift?: string | null;
    skillLevel?: string | null;
  }): Promise<WorkerSummary>;
  listCameras(): Promise<CameraSummary[]>;
  findCamera(cameraId: string): Promise<(CameraSummary & { calibrationParams: unknown }) | null>;
  /** Resolution, fps and calibration settings; null when there is no such camera. */
  updateCameraSettings(
    cameraId: string,
    s: { resolution?: string | undefined; fps?: number | undefined; calibration?: Record<string, unknown> },
  ): Promise<{ cameraId: string; resolution: string; fps: number; calibrationParams: unknown } | null>;
  listZones(cameraId?: string): Promise<ZoneRow[]>;
  /** Conflict when the id is taken */
  createCamera(c: CameraCreateRequest): Promise<CameraSummary>;
  /** name and location; null when there is no such camera */
  renameCamera(cameraId: string, c: { name?: string; location?: string | null }): Promise<CameraSummary | null>;
  /** stops pulling it (status `inactive`); its zones and history stay. False when there is none. */
  deactivateCamera(cameraId: string): Promise<boolean>;
  /** null when there is no such worker; Conflict when the badge is taken */
  updateWorker(workerId: string, w: WorkerUpdateRequest): Promise<WorkerSummary | null>;
}
