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
  document.getElementById("reset").addEventListener("click", () => {
    map.resetView();
    mark(buttons, null);
  });
  const s = map.summary();
  document.getElementById("coverage").textContent =
    `收录 ${s.ties} 项友好关系 · ${s.countries} 个国家 — ${s.ties} ties with partners in ${s.countries} countries (sister and friendly-cooperation cities)`;
  window.friendshipMap = map;
  document.documentElement.dataset.ready = "true";
}

start().catch((e) => fail(e?.message || String(e)));
