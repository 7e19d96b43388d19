// The long-running presenter (issues 13, 14): presenter mode playing the timeline in a loop,
// faster than real time, with the language switched, the projection switched and the filter
// changed on a schedule, as at an exhibition; memory and DOM nodes sampled after a warm-up leg
// and after each of (up to) eight legs.
//
// Faster than real time: every frame is one `advance(TICK_MS)` (the page's hook: playback time
// without waiting for it; the page takes at most TICK_MS a tick) at playback speed SPEED, so a
// frame stands for TICK_MS × SPEED ms of a presenter playing at speed 1, and the schedule
// counts in that time.

/// The largest tick the page's playback takes (a longer one counts as this long).
const TICK_MS = 250;
/// Playback speed during the soak (at 8 a year takes 200 ms: every frame shows the next year).
const SPEED = Number(process.env.BENCH_SOAK_SPEED || 8);
/// Presenter time per frame, ms.
const FRAME_MS = TICK_MS * SPEED;
/// Presenter hours (2 by default, about 5 minutes here; 8 for a day at an exhibition, about 20;
/// fractions for a smoke run).
const HOURS = Number(process.env.BENCH_SOAK_HOURS || 2);
/// Legs the soak is sampled after (an hour each for 8 hours).
const LEGS = Math.max(1, Math.min(8, Math.ceil(HOURS)));
/// The warm-up leg's length, hours: long enough for every scheduled event to happen once
/// (both projections). Legs of whole hours then end at the same point of every schedule (the
/// same filter, language and projection), so the samples compare like with like.
const WARM_UP_HOURS = Math.min(HOURS / LEGS, 0.75);
/// The schedule, presenter minutes between events: the language toggles, the projection turns
/// to the globe or the equirectangular map and back to Natural Earth `away` minutes later, the
/// filter changes.
export const SCHEDULE = { language: 5, projection: 15, away: 2, filter: 10 };

/// Runs the soak on an open page of ours; returns `{hours, frameMs, speed, samples, events,
/// seconds, simulatedSeconds}`: a sample after the warm-up leg (`hour` 0) and after each leg
/// (`hour`: presenter hours since the warm-up) of wasm memory, JS heap and DOM counters, taken
/// with the timeline stopped (the same picture and panels each time) after forced collections;
/// `events`, `simulatedSeconds` and `msPerFrame` (real time) count the measured legs only,
/// `seconds` is the whole soak's real time; `aligned`: the legs are whole hours (so every sample
/// has the same filter, language and projection).
export async function soak(page, context) {
  const cdp = await context.newCDPSession(page);
  const sample = async (hour) => {
    await page.evaluate(() => window.friendshipMap.dispatch({ type: "stop" }));
    // Three collections a moment apart: wasm-bindgen frees its JS wrappers from finalizers,
    // which run after a collection.
    for (let i = 0; i < 3; i++) { await cdp.send("HeapProfiler.collectGarbage"); await page.waitForTimeout(100); }
    const dom = await cdp.send("Memory.getDOMCounters");
    const mem = await page.evaluate(() => ({ wasm: window.fmd.wasmMemoryBytes(), heap: performance.memory.usedJSHeapSize }));
    return { hour, ...mem, nodes: dom.nodes, listeners: dom.jsEventListeners };
  };
  await page.evaluate(() => document.querySelector("friendship-map").setAttribute("mode", "present"));
  const events = { language: 0, projection: 0, filter: 0, frames: 0, loops: 0 };
  const samples = [];
  const t0 = Date.now();
  const frames = (hours) => Math.max(1, Math.round((hours * 3600e3) / FRAME_MS));
  const warmUp = frames(WARM_UP_HOURS), leg = frames(HOURS / LEGS);
  let done = 0, measured = 0, legsSeconds = 0;
  for (let i = 0; i <= LEGS; i++) {
    const n = i ? leg : warmUp;
    const t = Date.now();
    const e = await page.evaluate(runLeg, [FRAME_MS, SPEED, SCHEDULE, done, n]);
    done += n;
    if (i) {
      measured += n;
      legsSeconds += (Date.now() - t) / 1000;
      for (const k of Object.keys(events)) events[k] += e[k];
    }
    samples.push(await sample((measured * FRAME_MS) / 3600e3));
  }
  const simulatedSeconds = (measured * FRAME_MS) / 1000;
  return { hours: simulatedSeconds / 3600, frameMs: FRAME_MS, speed: SPEED, samples, events, seconds: (Date.now() - t0) / 1000, msPerFrame: (legsSeconds * 1000) / measured, simulatedSeconds,
    aligned: Number.isInteger(HOURS / LEGS) };
}

/// One leg of `steps` frames inside the page, after `done` frames (runs in the browser).
async function runLeg([frameMs, speed, schedule, done, steps]) {
  const el = document.querySelector("friendship-map");
  const m = window.friendshipMap;
  const projections = ["globe", "equirectangular"];
  // The filter's own shape (every field), changed in one part at a time.
  const all = { ...m.snapshot().filter, years: { mode: "all" }, regions: [], cities: [], sister: true, friendly: true };
  const filters = [{ ...all, regions: ["europe"] }, { ...all, cities: [1, 2], friendly: false }, all];
  const out = { language: 0, projection: 0, filter: 0, frames: 0, loops: 0 };
  const d = window.fmd;
  const play = () => m.dispatch([{ type: "playback", speed, loop: true, animate: true }, { type: "play" }]);
  play();
  let loops0 = d.loops();
  const every = (min) => Math.max(1, Math.round((min * 60e3) / frameMs));
  for (let i = 1; i <= steps; i++) {
    d.advance(frameMs / speed);
    out.frames++;
    const n = done + i;
    if (n % every(schedule.language) === 0) {
      el.setAttribute("lang", el.getAttribute("lang") === "en" ? "zh" : "en");
      out.language++;
    }
    const p = n % every(schedule.projection);
    if (p === 0 || p === every(schedule.away)) {
      const select = el.shadowRoot.getElementById("projection");
      select.value = p ? "naturalearth" : projections[Math.floor(n / every(schedule.projection)) % 2];
      select.dispatchEvent(new Event("change"));
      out.projection++;
    }
    if (n % every(schedule.filter) === 0) {
      // A filter change stops the timeline; the presenter starts it again.
      out.loops += d.loops() - loops0;
      el.filter = filters[Math.floor(n / every(schedule.filter)) % 3];
      play();
      loops0 = d.loops();
      out.filter++;
    }
    // Let timers, observers, finalizers and the panels' updates run once a presenter minute.
    if (n % every(1) === 0) await new Promise((r) => setTimeout(r, 0));
  }
  out.loops += d.loops() - loops0;
  await new Promise((r) => setTimeout(r, 0));
  return out;
}
