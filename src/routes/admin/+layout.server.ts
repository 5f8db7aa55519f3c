import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// The admin pages drive admin-only API routes; other roles are told so rather than shown forms that fail.
export const load: LayoutServerLoad = ({ locals }) => {
  if (locals.principal?.grant !== 'admin') error(403, 'Only admins manage cameras, workers, kiosks, users and keys');
};
