// The runtimes, WebGPU and the canvas exist only in a browser.
export const ssr = false;
