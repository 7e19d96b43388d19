// A video of the playback for slides: presenter mode's timeline from the first year to today
// (or a span of years) with its caption and growing links, filmed by the core on a map of its
// own (the live map goes on undisturbed) and sought to each frame's exact time. Encoded with
// WebCodecs and a WebM muxer loaded only now (video-webm.js, beside this file), so frames may
// take any time to draw; where WebCodecs is missing, MediaRecorder records the canvas in real
// time instead (its timestamps follow the wall clock: a frame slower than 1/fps stretches it).
import { overlayTexts } from "./exports.js";
import { besideScript } from "./module.js";
import { captionText } from "./panels/playback.js";

const aborted = () => new DOMException("the video was cancelled", "AbortError");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// Frame times, ms: every 1/fps from 0, and a last frame at the very end, so the file lasts
/// exactly the film (WebM's duration is its last frame's time).
export function frameTimes(durationMs, fps) {
  const times = [];
  for (let i = 0; i * 1000 / fps < durationMs - 1e-6; i++) times.push(i * 1000 / fps);
  times.push(durationMs);
  return times;
}

/// MediaRecorder over the canvas, fed one frame per 1/fps of wall-clock time.
async function recordRealTime({ canvas, fps, times, draw, signal, onProgress, width, height }) {
  draw(times[0]);
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0];
  const mimeType = ["video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm"].find((t) => MediaRecorder.isTypeSupported(t));
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: Math.round(width * height * fps * 0.12) });
  const chunks = [];
  recorder.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
  const stopped = new Promise((r) => { recorder.onstop = r; });
  recorder.start();
  const start = performance.now();
  try {
    for (let i = 0; i < times.length; i++) {
      if (signal?.aborted) throw aborted();
      draw(times[i]);
      track.requestFrame();
      onProgress?.((i + 1) / times.length);
      const next = i + 1 < times.length ? times[i + 1] : times[i] + 1000 / fps;
      await sleep(Math.max(0, start + next - performance.now()));
    }
  } finally {
    recorder.stop();
    await stopped;
    track.stop();
  }
  return new Blob(chunks, { type: "video/webm" });
}

/// The WebCodecs encoder (its chunk loaded now), or null where the browser lacks WebCodecs or
/// the chunk cannot be loaded (the one-file page opened from disk).
async function webCodecs() {
  if (typeof VideoEncoder !== "function" || typeof VideoFrame !== "function") return null;
  try {
    return (await import(besideScript("video-webm.js").href)).encodeWebm;
  } catch (e) {
    console.warn(`video: WebCodecs path unavailable (${e.message}), recording in real time`);
    return null;
  }
}

/// The overlay's caption at the film's time: the playback's year line, or a story's sentence
/// and step number.
function captionTexts(ui, film) {
  const st = film.story();
  if (st) return { story: st.caption[ui.lang], storyCount: `${st.step + 1} / ${st.steps}` };
  const c = film.caption();
  const caption = c ? captionText(ui, c) : {};
  return { headline: caption.headline, names: caption.names };
}

/// Records the playback: `{width = 1920, height = 1080, fps = 30, secondsPerYear = 1.6, from,
/// to, onProgress(fraction), signal}` (sizes rounded to even numbers, as VP8/VP9 want); with
/// `story: true`, the story shown instead (its steps' durations and flights; the year options
/// are the playback's). Resolves to a WebM Blob; rejects with an AbortError when `signal`
/// aborts.
export async function exportVideo(element, options = {}) {
  const { ui, map } = element;
  const even = (v, d) => 2 * Math.max(8, Math.round((Number(v) || d) / 2));
  const width = even(options.width, 1920), height = even(options.height, 1080);
  const fps = Math.min(60, Math.max(1, Number(options.fps) || 30));
  const secondsPerYear = Math.min(16, Math.max(0.08, Number(options.secondsPerYear) || 1.6));
  // An aborted signal stops before anything is made, whatever the browser can encode.
  if (options.signal?.aborted) throw aborted();
  // The film runs on a fork of the live map: same data, basemap, filter, view and language.
  const years = options.story ? { story: true } : { secondsPerYear, from: options.from, to: options.to };
  const film = map.film({ width, height, scale: 1, ...years });
  try {
    const canvas = document.createElement("canvas");
    const texts = overlayTexts(element);
    const draw = (t) => {
      film.seek(t);
      film.render(canvas, { ...texts, ...captionTexts(ui, film) });
    };
    const job = { canvas, width, height, fps, times: frameTimes(film.durationMs(), fps), draw, signal: options.signal, onProgress: options.onProgress };
    const encode = await webCodecs();
    return await (encode ? encode(job) : recordRealTime(job));
  } finally {
    film.free();
  }
}
