// Worker identity: who a track is. Face enrolment (sealed at rest), consent, the site's identity
// mode, the gallery kiosks match against, one active track per worker, and personal-data export.
export {
  FACE_MATCH_DEFAULTS,
  matchFace,
  type EnrolledFace,
  type FaceMatchOptions,
} from '../../../src/lib/identity/face-match.js';
export { IdentityLinks, type TrackRef } from './domain/identity-links.js';
export type { IdentityRepository } from './domain/ports.js';
export { createIdentityRepository } from './identity.repository.js';
export { createIdentityService, IDENTITY_DEFAULTS, type IdentityService } from './identity.service.js';
export { identityRoutes } from './identity.routes.js';
export { attachIdentityGateway } from './identity.gateway.js';
export { startIdentityRetention } from './retention.job.js';
