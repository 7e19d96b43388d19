// The long-running presenter (issue 14): presenter mode playing the timeline in a loop for an
// accelerated 8-hour equivalent, with the language switched, the projection switched and the
// filter changed on a schedule, as at an exhibition; memory and DOM nodes sampled every hour.

/// Simulated time between frames, ms (each step advances the playback and paints a frame).
const STEP_MS = Number(process.env.BENCH_SOAK_STEP_MS || 500);
/// Simulated hours.
const HOURS = Number(process.env.BENCH_SOAK_HOURS || 8);
/// The schedule, simulated minutes between events: the language toggles, the projection turns
/// to the globe or the equirectangular map and back to Natural Earth `away` minutes later, the
/// filter changes.
export const SCHEDULE = { language: 5, projection: 15, away: 2, filter: 10 };

/// Runs the soak on an open page of ours; returns `{hours, stepMs, samples, events, seconds}`:
/// a sample per simulated hour (and one after the warm-up hour) of wasm memory, JS heap and
/// DOM counters after forced garbage collections.
export async function soak(page, context) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Memory.getDOMCounters").catch(() => null);
  const sample = async (hour) => {
    // Three collections a moment apart: wasm-bindgen frees its JS wrappers from finalizers,
    // which run after a collection.
    for (let i = 0; i < 3; i++) { await cdp.send("HeapProfiler.collectGarbage"); await page.waitForTimeout(100); }
    const dom = await cdp.send("Memory.getDOMCounters");
    const mem = await page.evaluate(() => ({ wasm: window.friendshipMap.wasmMemoryBytes(), heap: performance.memory.usedJSHeapSize }));
    return { hour, ...mem, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents };
  };
  await page.evaluate(() => document.querySelector("friendship-map").setAttribute("mode", "present"));
  const events = { language: 0, projection: 0, filter: 0, frames: 0, loops: 0 };
  const samples = [];
  const t0 = Date.now();
  // Hour 0 is the warm-up (one-time caches: compiled code, fonts, both languages, every
  // projection); growth is measured from its end.
  for (let hour = 0; hour <= HOURS; hour++) {
    const e = await page.evaluate(runHour, [STEP_MS, SCHEDULE, hour]);
    for (const k of Object.keys(events)) events[k] += e[k];
    samples.push(await sample(hour + 1));
  }
  return { hours: HOURS, stepMs: STEP_MS, samples, events, seconds: (Date.now() - t0) / 1000 };
}

/// One simulated hour inside the page (runs in the browser).
async function runHour([stepMs, schedule, hour]) {
  const el = document.querySelector("friendship-map");
  const m = window.friendshipMap;
  const projections = ["globe", "equirectangular"];
  // The filter's own shape (every field), changed in one part at a time.
  const all = { ...m.getFilter(), years: { mode: "all" }, regions: [], cities: [], sister: true, friendly: true };
  const filters = [{ ...all, regions: ["europe"] }, { ...all, cities: [1, 2], friendly: false }, all];
  const out = { language: 0, projection: 0, filter: 0, frames: 0, loops: 0 };
  let loops0 = m.loops();
  const steps = Math.round(3600e3 / stepMs);
  const every = (min) => Math.round((min * 60e3) / stepMs);
  for (let i = 1; i <= steps; i++) {
    m.advance(stepMs);
    out.frames++;
    const n = hour * steps + i;
    if (n % every(schedule.language) === 0) {
      el.setAttribute("lang", el.getAttribute("lang") === "en" ? "zh" : "en");
      out.language++;
    }
    const p = n % every(schedule.projection);
    if (p === 0 || p === every(schedule.away)) {
      const select = el.shadowRoot.getElementById("projection");
      select.value = p ? "naturalearth" : projections[(n / every(schedule.projection)) % 2];
      select.dispatchEvent(new Event("change"));
      out.projection++;
    }
    if (n % every(schedule.filter) === 0) {
      // A filter change stops the timeline; the presenter starts it again.
      out.loops += m.loops() - loops0;
      el.filter = filters[(n / every(schedule.filter)) % 3];
      m.play();
      loops0 = m.loops();
      out.filter++;
    }
    // Let timers, observers and finalizers run once a simulated minute.
    if (n % every(1) === 0) await new Promise((r) => setTimeout(r, 0));
  }
  out.loops += m.loops() - loops0;
  return out;
}
