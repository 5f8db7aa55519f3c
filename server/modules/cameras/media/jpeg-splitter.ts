/**
 * Splits a byte stream of concatenated JPEG images (ffmpeg's image2pipe) into whole images: each
 * starts with the SOI marker FF D8 and ends with the EOI marker FF D9.
 */
export function createJpegSplitter(onImage: (jpeg: Buffer) => void, maxBytes = 8 * 1024 * 1024) {
  let buf: Buffer = Buffer.alloc(0);
  return (chunk: Buffer): void => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      const start = buf.indexOf(Buffer.from([0xff, 0xd8]));
      if (start < 0) {
        buf = Buffer.alloc(0);
        return;
      }
      const end = buf.indexOf(Buffer.from([0xff, 0xd9]), start + 2);
      if (end < 0) {
        buf = buf.subarray(start);
        // A runaway image without an end marker is dropped rather than grown without bound.
        if (buf.length > maxBytes) buf = Buffer.alloc(0);
        return;
      }
      onImage(buf.subarray(start, end + 2));
      buf = buf.subarray(end + 2);
    }
  };
}
