// Thin host: loads the wasm module, creates the map in #map, and wires the page's buttons.
// All map state lives in Rust behind `FriendshipMap`; this file only connects DOM to it.
const status = document.getElementById("status");

function fail(message) {
  status.hidden = false;
  status.classList.add("error");
  status.textContent = `地图加载失败 · The map could not load: ${message}`;
}

window.addEventListener("error", (e) => fail(e.message || String(e)));
window.addEventListener("unhandledrejection", (e) => fail(e.reason?.message || String(e.reason)));

function cityButton(map, city, buttons) {
  const li = document.createElement("li");
  const b = document.createElement("button");
  b.type = "button";
  b.dataset.city = city.name;
  b.setAttribute("aria-pressed", "false");
  const label = document.createElement("span");
  label.textContent = `${city.name_zh} `;
  const en = document.createElement("span");
  en.className = "en";
  en.textContent = city.name;
  label.append(en);
  const count = document.createElement("span");
  count.className = "count";
  count.textContent = String(city.ties);
  b.append(label, count);
  b.disabled = city.ties === 0;
  b.addEventListener("click", () => {
    const on = map.selectedCity() === city.name;
    map.selectCity(on ? null : city.name);
    mark(buttons, map.selectedCity());
  });
  buttons.push(b);
  li.append(b);
  return li;
}

function mark(buttons, selected) {
  for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.city === selected));
}

async function start() {
  const wasm = await import("./pkg/shandong_friendship_map.js");
  await wasm.default();
  const container = document.getElementById("map");
  const map = new wasm.FriendshipMap(container);
  status.hidden = true;
  const buttons = [];
  const list = document.getElementById("cities");
  for (const city of map.cities()) list.append(cityButton(map, city, buttons));
  map.onSelect((name) => mark(buttons, name));
  // The 1:50m basemap (about 175 KB gzipped) is fetched only when someone zooms in.
  map.onDetailNeeded(async () => {
    try {
      const r = await fetch("basemap-50m.bin");
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      map.setDetailBasemap(new Uint8Array(await r.arrayBuffer()));
    } catch (e) {
      console.warn(`detailed basemap unavailable, keeping 1:110m: ${e.message}`);
    }
  });
  document.getElementById("reset").addEventListener("click", () => {
    map.resetView();
    mark(buttons, null);
  });
  const s = map.summary();
  const info = map.dataInfo();
  // Honest coverage: what the file holds against what Shandong reported.
  document.getElementById("coverage").textContent =
    `收录 ${info.rows} 项友好关系（另有区县签署 ${info.by_districts} 项），分布于 ${s.countries} 个国家；` +
    `山东全省公布 ${info.published_total} 项（${info.published_as_of}）· 资料截至 ${info.as_of} — ` +
    `shows ${info.rows} of the ${info.published_total} ties reported (${info.published_as_of}), ` +
    `plus ${info.by_districts} signed by districts; data as of ${info.as_of}`;
  window.friendshipMap = map;
  document.documentElement.dataset.ready = "true";
}

start().catch((e) => fail(e?.message || String(e)));
