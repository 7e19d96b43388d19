// The video's WebM writer, loaded only when a video is made (its own file beside the element's,
// so the map's first load does not carry it): WebCodecs' VP9 or VP8 encoder and webm-muxer
// (MIT), each frame at its exact timestamp however long it took to draw.
import { ArrayBufferTarget, Muxer } from "webm-muxer";

/// Codecs tried in order, WebCodecs' name and WebM's: VP9 profile 0, 8-bit, at the level the
/// size needs (3.1 up to 720p, 4.1 up to 1080p, 5.1 up to 4K), then VP8.
const codecs = (width, height) => {
  const px = width * height;
  const level = px <= 1280 * 720 ? "31" : px <= 2048 * 1088 ? "41" : "51";
  return [[`vp09.00.${level}.08`, "V_VP9"], ["vp8", "V_VP8"]];
};

/// A key frame at least this often, s (so a slide program can seek).
const KEY_EVERY_S = 2;

/// Lets the page breathe between frames (timers are slowed in background tabs; messages not).
const breathe = () => new Promise((resolve) => {
  const c = new MessageChannel();
  c.port1.onmessage = resolve;
  c.port2.postMessage(0);
});

const aborted = () => new DOMException("the video was cancelled", "AbortError");

/// Encodes frames drawn by `draw(ms)` into `canvas` at `times` (ms) as a WebM Blob.
export async function encodeWebm({ canvas, width, height, fps, times, draw, signal, onProgress }) {
  const bitrate = Math.round(Math.min(40e6, width * height * fps * 0.12));
  let chosen;
  for (const [codec, id] of codecs(width, height)) {
    const { supported } = await VideoEncoder.isConfigSupported({ codec, width, height, bitrate, framerate: fps });
    if (supported) {
      chosen = { codec, id };
      break;
    }
  }
  if (!chosen) throw new Error("no VP9 or VP8 encoder in this browser");
  const muxer = new Muxer({ target: new ArrayBufferTarget(), video: { codec: chosen.id, width, height, frameRate: fps } });
  let failure = null;
  const encoder = new VideoEncoder({ output: (chunk, meta) => muxer.addVideoChunk(chunk, meta), error: (e) => { failure = e; } });
  encoder.configure({ codec: chosen.codec, width, height, bitrate, framerate: fps });
  let lastKey = -Infinity;
  try {
    for (let i = 0; i < times.length; i++) {
      if (signal?.aborted) throw aborted();
      if (failure) throw failure;
      draw(times[i]);
      const key = times[i] - lastKey >= KEY_EVERY_S * 1000;
      if (key) lastKey = times[i];
      const frame = new VideoFrame(canvas, { timestamp: Math.round(times[i] * 1000), duration: Math.round(1e6 / fps) });
      encoder.encode(frame, { keyFrame: key });
      frame.close();
      while (encoder.encodeQueueSize > 2) await new Promise((r) => encoder.addEventListener("dequeue", r, { once: true }));
      onProgress?.((i + 1) / times.length);
      if (i % 2 === 1) await breathe();
    }
    await encoder.flush();
    if (failure) throw failure;
  } finally {
    if (encoder.state !== "closed") encoder.close();
  }
  muxer.finalize();
  return new Blob([muxer.target.buffer], { type: "video/webm" });
}
