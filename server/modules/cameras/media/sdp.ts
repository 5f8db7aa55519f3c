/**
 * Drops ICE candidates whose address is not in `allowed` (an empty set keeps all). The relay offers
 * and accepts only the interfaces it is configured for: loopback in tests, the LAN in production.
 */
export function keepCandidates(sdp: string, allowed: ReadonlySet<string>): string {
  if (allowed.size === 0) return sdp;
  return sdp
    .split(/\r?\n/)
    .filter((line) => {
      const m = /^a=candidate:\S+ \d+ \S+ \d+ (\S+) \d+ typ/.exec(line);
      return !m || allowed.has(m[1]!);
    })
    .join('\r\n');
}
