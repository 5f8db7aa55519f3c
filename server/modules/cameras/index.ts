// Cameras and their media: ffmpeg ingest, the werift SFU, Motion-JPEG fallback, WebRTC signalling.
export { createMediaService, type MediaService } from './media.service.js';
export { attachMediaSignalling } from './media.gateway.js';
export { createWeriftSfu } from './media/werift-sfu.js';
export { createOverlayRenderer, type OverlayBox } from './media/box-overlay.js';
export { createCamerasRepository } from './cameras.repository.js';
export { cameraRoutes } from './cameras.routes.js';
