import { chromium, type Browser, type Page } from 'playwright-core';
import { loginCookie } from './server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing reaching beyond this machine. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Chromium flags for WebRTC over loopback only: the relay offers 127.0.0.1 alone in tests. */
export const WEBRTC_LOOPBACK = ['--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns'];

/** Logs in through the API and gives the page that session; returns the cookie for Node-side requests. */
export async function signIn(page: Page, base: string, username: string, password: string): Promise<string> {
  const cookie = await loginCookie(base, username, password);
  const [name, value] = cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: base }]);
  return cookie;
}

/** Frames the live camera page (`/cameras/live`) has decoded so far, from WebRTC statistics. */
export function decodedFrames(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const v = (window as unknown as { floorsightViewer?: { pc: RTCPeerConnection } }).floorsightViewer;
    if (!v) return 0;
    let n = 0;
    (await v.pc.getStats()).forEach((r: { type: string; framesDecoded?: number }) => {
      if (r.type === 'inbound-rtp') n = r.framesDecoded ?? 0;
    });
    return n;
  });
}
