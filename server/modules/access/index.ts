// People, machine clients and kiosk devices: users, log-in sessions, API keys, kiosk tokens.
export { createAuthService, type AuthService } from './auth.service.js';
export { authRoutes, sessionCookie } from './auth.routes.js';
export { userRoutes } from './users.routes.js';
export { apiKeyRoutes } from './api-keys.routes.js';
export { kioskRoutes } from './kiosks.routes.js';
export { createUsersRepository } from './users.repository.js';
export { createCredentialsRepository } from './credentials.repository.js';
export type { CredentialsRepository, KioskRecord, UsersRepository } from './domain/ports.js';
