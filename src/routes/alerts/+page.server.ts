import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  const grant = locals.principal?.grant;
  return { canAct: grant === 'admin' || grant === 'supervisor', canEdit: grant === 'admin' };
};
