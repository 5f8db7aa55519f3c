import { z } from 'zod';

export const Role = z.enum(['admin', 'supervisor', 'operator', 'viewer']);
export type Role = z.infer<typeof Role>;

/** Who is calling: a person (cookie), a machine client (API key) or a kiosk device (token). */
export const PrincipalKind = z.enum(['user', 'apiKey', 'kiosk']);

/** Kiosk devices are not people and get their own role, admitted only where a route names it. */
export const Grant = z.enum([...Role.options, 'kiosk']);
export type Grant = z.infer<typeof Grant>;

export const Principal = z.object({
  kind: PrincipalKind,
  id: z.string(),
  name: z.string(),
  grant: Grant,
});
export type Principal = z.infer<typeof Principal>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1, 'is required').max(100),
  password: z.string().min(1, 'is required').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserCreateRequest = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(100)
    .regex(/^[A-Za-z0-9._-]+$/, 'may contain letters, digits, dot, dash and underscore'),
  displayName: z.string().trim().min(1).max(255),
  password: z.string().min(8, 'must be at least 8 characters').max(200),
  role: Role,
});
export type UserCreateRequest = z.infer<typeof UserCreateRequest>;

export const UserUpdateRequest = z
  .object({ active: z.boolean().optional(), role: Role.optional() })
  .strict()
  .refine((u) => u.active !== undefined || u.role !== undefined, 'give active, role or both');
export type UserUpdateRequest = z.infer<typeof UserUpdateRequest>;

export const UserDto = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type UserDto = z.infer<typeof UserDto>;

export const ApiKeyCreateRequest = z.object({
  name: z.string().trim().min(1).max(255),
  role: Role,
});

export const KioskCreateRequest = z.object({
  name: z.string().trim().min(1).max(255),
  cameraIds: z.array(z.string().min(1).max(50)).max(4).default([]),
});
