/** A camera as the relay needs it. */
export interface CameraRow {
  cameraId: string;
  sourceKind: string;
  rtspUrl: string | null;
  usbDevice: string | null;
  filePath: string | null;
  resolution: string;
  fps: number;
  calibrationParams: unknown;
}

export interface CamerasRepository {
  /** cameras not switched off, in id order */
  enabled(): Promise<CameraRow[]>;
  setStatus(cameraId: string, status: string, lastSeenAt: Date | null): Promise<void>;
  touch(cameraId: string, lastSeenAt: Date): Promise<void>;
}
