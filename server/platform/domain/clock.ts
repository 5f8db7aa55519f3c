/** The only source of "now" for domain rules; server/system-clock.ts gives the real one. */
export interface Clock {
  now(): Date;
}
