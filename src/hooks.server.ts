import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';

// The kiosk page shell is public: a kiosk device signs in with its token, which the page sends itself.
const PUBLIC_PATHS = ['/login', '/kiosk'];

export const handle: Handle = async ({ event, resolve }) => {
  const req = event.platform?.req;
  if (!req?.app) throw new Error('pages must be served through server/app/main.ts');
  event.locals.principal = req.principal ?? null;
  event.locals.facade = req.app.locals.facade;
  const isPublic = PUBLIC_PATHS.includes(event.url.pathname);
  if (!isPublic && !event.locals.principal) {
    redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  }
  return resolve(event);
};

export const handleError: HandleServerError = ({ error, status }) => {
  if (status !== 404) console.error(error);
  return { message: status === 404 ? 'Not found' : 'Internal error' };
};
