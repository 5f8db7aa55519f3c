/**
 * Svelte action: shows a MediaStream in a <video>, and the next one whenever it changes (streams
 * arrive after the page has rendered).
 */
export function showStream(node: HTMLVideoElement, stream: MediaStream | undefined | null) {
  const show = (s: MediaStream | undefined | null) => {
    node.srcObject = s ?? null;
    if (s) void node.play().catch(() => undefined);
  };
  show(stream);
  return { update: show };
}
