// Thin host: loads the wasm module, creates the map in #map, and connects the page's controls to
// it. All state (data, filters, playback, statistics, search, URL state) lives in Rust behind
// `FriendshipMap`; this file only moves values between the DOM and that object.
const $ = (id) => document.getElementById(id);
const status = $("status");

function fail(message) {
  status.hidden = false;
  status.classList.add("error");
  status.textContent = `地图加载失败 · The map could not load: ${message}`;
}
window.addEventListener("error", (e) => fail(e.message || String(e)));
window.addEventListener("unhandledrejection", (e) => fail(e.reason?.message || String(e.reason)));

const el = (tag, props = {}, ...children) => {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") n.className = v;
    else if (k === "data") Object.assign(n.dataset, v);
    else n[k] = v;
  }
  n.append(...children);
  return n;
};
const bi = (zh, en) => [`${zh} `, el("span", { class: "en", textContent: en })];
const fmt = new Intl.NumberFormat("zh-CN");

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function yearLabel(y) {
  return y == null ? "年份不详 · year unknown" : String(y);
}

async function start() {
  const wasm = await import("./pkg/shandong_friendship_map.js");
  await wasm.default();
  const map = new wasm.FriendshipMap($("map"));
  status.hidden = true;
  window.friendshipMap = map;

  const thisYear = new Date().getFullYear();
  let all = map.stats();
  const firstYear = all.by_year.length ? all.by_year[0][0] : 1979;
  const lastYear = all.by_year.length ? all.by_year[all.by_year.length - 1][0] : thisYear;
  const reducedMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

  // ---- controls -> filter ----
  const from = $("year-from"), to = $("year-to");
  for (const r of [from, to]) Object.assign(r, { min: firstYear, max: lastYear, step: 1 });
  from.value = firstYear;
  to.value = lastYear;
  let mode = "all";

  const regions = map.regions();
  const regionSel = $("region");
  regionSel.append(el("option", { value: "", textContent: "全部地区 · All regions" }));
  for (const [kind, label] of [["continent", "大洲 · Continents"], ["m49", "联合国 M49 次区域 · UN M49 sub-regions"], ["grouping", "合作组织 · Groupings"]]) {
    const g = el("optgroup", { label });
    for (const r of regions.filter((r) => r.kind === kind)) {
      g.append(el("option", { value: r.id, textContent: `${r.name_zh} · ${r.name_en}` }));
    }
    regionSel.append(g);
  }

  const cityButtons = [];
  // The origins with ties, most first after Shandong's own 17 (an import may bring thousands:
  // the list shows the first 60; search finds the rest).
  function buildCities() {
    cityButtons.length = 0;
    const list = map.cities().map((c, i) => ({ ...c, i })).filter((c) => c.ties > 0);
    const shown = [...list.filter((c) => c.i < 17), ...list.filter((c) => c.i >= 17).sort((a, b) => b.ties - a.ties)].slice(0, 60);
    $("cities").replaceChildren(...shown.map((c) => {
      const b = el("button", { type: "button", data: { index: c.i, city: c.name }, disabled: c.ties === 0 },
        el("span", {}, ...bi(c.name_zh === c.name ? "" : c.name_zh, c.name)), el("span", { class: "count", textContent: String(c.ties) }));
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", () => {
        b.setAttribute("aria-pressed", b.getAttribute("aria-pressed") === "true" ? "false" : "true");
        applyControls(true);
      });
      cityButtons.push(b);
      return el("li", {}, b);
    }));
  }
  buildCities();

  function readControls() {
    let a = Number(from.value), b = Number(to.value);
    if (a > b) [a, b] = [b, a];
    const years = mode === "all" ? { mode: "all" } : mode === "asof" ? { mode: "asof", year: b } : { mode: "range", from: a, to: b };
    return {
      years,
      unknown_year: $("unknown").checked,
      regions: regionSel.value ? [regionSel.value] : [],
      cities: cityButtons.filter((b) => b.getAttribute("aria-pressed") === "true").map((b) => Number(b.dataset.index)),
      sister: $("kind-sister").checked,
      friendly: $("kind-friendly").checked,
      city_level: $("level-city").checked,
      province_level: $("level-province").checked,
    };
  }

  function writeControls(f) {
    mode = f.years.mode;
    for (const b of document.querySelectorAll(".seg button")) b.setAttribute("aria-pressed", String(b.dataset.mode === mode));
    if (f.years.mode === "range") { from.value = f.years.from; to.value = f.years.to; }
    if (f.years.mode === "asof") { to.value = f.years.year; }
    from.hidden = mode !== "range";
    to.disabled = mode === "all";
    from.disabled = mode !== "range";
    $("unknown").checked = f.unknown_year;
    regionSel.value = f.regions[0] ?? "";
    for (const b of cityButtons) b.setAttribute("aria-pressed", String(f.cities.includes(Number(b.dataset.index))));
    $("kind-sister").checked = f.sister;
    $("kind-friendly").checked = f.friendly;
    $("level-city").checked = f.city_level;
    $("level-province").checked = f.province_level;
    updateYearLabel();
  }

  function updateYearLabel() {
    let a = Number(from.value), b = Number(to.value);
    if (a > b) [a, b] = [b, a];
    $("year-label").textContent = mode === "all" ? `全部年份 · all years (${firstYear}–${lastYear})`
      : mode === "asof" ? `截至 ${b} 年 · as of ${b}` : `${a}–${b}`;
  }

  function applyControls(push) {
    map.setFilter(readControls());
    updateYearLabel();
    urlSoon(push);
  }

  for (const b of document.querySelectorAll(".seg button")) {
    b.addEventListener("click", () => {
      mode = b.dataset.mode;
      writeControls({ ...readControls(), years: mode === "all" ? { mode } : mode === "asof" ? { mode, year: Number(to.value) } : { mode, from: Number(from.value), to: Number(to.value) } });
      applyControls(true);
    });
  }
  for (const r of [from, to]) {
    r.addEventListener("input", () => applyControls(false));
    r.addEventListener("change", () => urlSoon(true));
  }
  for (const id of ["unknown", "kind-sister", "kind-friendly", "level-city", "level-province", "region"]) {
    $(id).addEventListener("change", () => applyControls(true));
  }
  $("reset-filters").addEventListener("click", () => {
    map.setFilter({ years: { mode: "all" }, unknown_year: true, regions: [], cities: [], sister: true, friendly: true, city_level: true, province_level: true });
    writeControls(map.getFilter());
    urlSoon(true);
  });
  $("reset").addEventListener("click", () => { map.resetView(); urlSoon(true); });

  // ---- playback ----
  const speed = $("speed"), loop = $("loop");
  const options = () => map.setPlaybackOptions(Number(speed.value), loop.checked, !reducedMotion);
  options();
  speed.addEventListener("change", options);
  loop.addEventListener("change", options);
  $("play").addEventListener("click", () => {
    const c = map.caption();
    if (c && c.playing) map.pause(); else map.play();
    showPlayback();
  });
  $("step-back").addEventListener("click", () => { map.step(-1); showPlayback(); });
  $("step-fwd").addEventListener("click", () => { map.step(1); showPlayback(); });

  function showPlayback() {
    const c = map.caption();
    const play = $("play");
    play.replaceChildren(...(c && c.playing ? ["‖ ", ...bi("暂停", "Pause")] : ["▶ ", ...bi("播放", "Play")]));
    const cap = $("caption");
    if (!c) { cap.hidden = true; return; }
    cap.hidden = false;
    const names = c.new_partners.slice(0, 6).map(([zh, en, city]) => `${city}–${zh} ${en}`).join("、");
    const more = c.new_partners.length > 6 ? ` 等 ${c.new_partners.length} 个 · and more` : "";
    cap.replaceChildren(
      el("div", { class: "big", textContent: `${yearLabel(c.year)} · 新增 ${c.new} 项 · 累计 ${fmt.format(c.total)} 项、${c.countries} 个国家` }),
      el("div", { class: "en", textContent: `${c.year ?? "year unknown"} · ${c.new} new · ${plural(c.total, "tie")} in ${plural(c.countries, "country", "countries")} so far` }),
      el("div", { class: "names", textContent: names + more }),
    );
  }

  // ---- search ----
  const results = $("search-results");
  $("search").addEventListener("input", (e) => {
    results.replaceChildren(...map.search(e.target.value).map((h) => {
      const b = el("button", { type: "button" }, ...bi(h.label_zh, h.label_en), el("span", { class: "detail", textContent: h.detail }));
      b.setAttribute("role", "option");
      b.addEventListener("click", () => { map.choose(h.target); urlSoon(true); });
      return el("li", {}, b);
    }));
  });

  // ---- statistics ----
  function bars(list, items, max) {
    list.replaceChildren(...items.map((c) => {
      const total = c.count.sister + c.count.friendly;
      const track = el("span", { class: "track" },
        el("span", { class: "s" }), el("span", { class: "f" }));
      track.children[0].style.width = `${(100 * c.count.sister) / max}%`;
      track.children[1].style.width = `${(100 * c.count.friendly) / max}%`;
      const li = el("li", {}, el("span", { textContent: c.name_zh, title: c.name_en }), track, el("span", { class: "n", textContent: String(total) }));
      li.title = `${c.name_zh} ${c.name_en}: ${c.count.sister} 友好城市 sister, ${c.count.friendly} 友好合作 friendly`;
      return li;
    }));
  }

  function showStats() {
    const s = map.stats();
    const tile = (zh, en, n) => el("div", {}, el("dt", {}, ...bi(zh, en)), el("dd", { textContent: fmt.format(n) }));
    $("totals").replaceChildren(
      tile("友好关系", "ties", s.ties), tile("伙伴", "partners", s.partners), tile("国家", "countries", s.countries),
      tile("大洲", "continents", s.continents), tile("友好城市", "sister", s.by_kind.sister), tile("友好合作", "friendly", s.by_kind.friendly));
    const max = Math.max(1, ...s.by_continent.map((c) => c.count.sister + c.count.friendly), ...s.top_countries.map((c) => c.count.sister + c.count.friendly));
    bars($("by-continent"), s.by_continent, max);
    bars($("by-country"), s.top_countries, max);
    bars($("by-grouping"), s.by_grouping, max);
    $("unknown-count").textContent = String(all.unknown_year.sister + all.unknown_year.friendly);
    // Histogram: all ties per year (faint) with the shown ones over them.
    const shown = new Map(s.by_year.map(([y, k]) => [y, k]));
    const allByYear = new Map(all.by_year.map(([y, k]) => [y, k]));
    const peak = Math.max(1, ...all.by_year.map(([, k]) => k.sister + k.friendly));
    const hist = $("hist");
    hist.replaceChildren();
    for (let y = firstYear; y <= lastYear; y++) {
      const k = shown.get(y) ?? { sister: 0, friendly: 0 };
      const a = allByYear.get(y) ?? { sister: 0, friendly: 0 };
      const bar = el("div", { class: "bar", title: `${y}: ${a.sister + a.friendly}` }, el("div", { class: "s" }), el("div", { class: "f" }));
      bar.children[0].style.height = `${(100 * k.sister) / peak}%`;
      bar.children[1].style.height = `${(100 * k.friendly) / peak}%`;
      if (k.sister + k.friendly === 0 && a.sister + a.friendly > 0) {
        bar.classList.add("off");
        bar.children[0].style.height = `${(100 * a.sister) / peak}%`;
        bar.children[1].style.height = `${(100 * a.friendly) / peak}%`;
      }
      bar.style.height = "100%";
      hist.append(bar);
    }
  }

  // ---- URL state ----
  let urlTimer = 0, pushNext = false;
  function urlSoon(push) {
    pushNext ||= push;
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const q = map.query();
      const url = q ? `?${q}` : location.pathname;
      if (`?${q}` !== location.search || (!q && location.search)) {
        history[pushNext ? "pushState" : "replaceState"](null, "", url);
      }
      pushNext = false;
    }, 250);
  }
  function fromUrl() {
    for (const w of map.applyQuery(location.search)) console.warn(w);
    writeControls(map.getFilter());
  }
  window.addEventListener("popstate", () => { fromUrl(); showStats(); showPlayback(); });

  map.onSelect(() => urlSoon(true));
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
  map.onChange((what) => {
    if (what === "data") { showStats(); showPlayback(); }
    else if (!map.caption()) urlSoon(false);
  });

  // ---- a user's own data ----
  async function importFile() {
    const file = $("import-file").files[0];
    if (!file) return;
    const mode = document.querySelector('input[name="import-mode"]:checked').value;
    $("import-result").textContent = `正在读取 ${file.name}… reading…`;
    let report;
    try {
      report = map.importData(await file.text(), { file: file.name, preset: $("import-preset").value, mode });
    } catch (e) {
      $("import-result").textContent = `无法读取 · Cannot read: ${e.message}`;
      $("import-errors").replaceChildren();
      return;
    }
    const bad = new Set(report.errors.map((e) => e.line)).size;
    $("import-result").textContent =
      `${file.name}: 已载入 ${fmt.format(report.loaded)} 行，${fmt.format(bad)} 行有误（见下）；共显示 ${fmt.format(report.total)} 项 — ` +
      `loaded ${report.loaded} rows, ${bad} rows with errors (listed below); ${report.total} ties in all`;
    const shownErrors = report.errors.slice(0, 500).map((e) => el("li", { textContent: e.text }));
    if (report.errors.length > 500) shownErrors.push(el("li", { textContent: `… +${report.errors.length - 500}` }));
    $("import-errors").replaceChildren(...shownErrors);
    $("builtin-data").hidden = false;
    afterDataChange(`用户数据 · your data: ${file.name}`);
  }
  function afterDataChange(label) {
    all = map.stats();
    buildCities();
    writeControls(map.getFilter());
    showStats();
    showPlayback();
    if (label) $("coverage").textContent = `${label} — ${fmt.format(map.summary().ties)} 项 ties`;
    else showCoverage();
    urlSoon(true);
  }
  $("import-file").addEventListener("change", importFile);
  $("builtin-data").addEventListener("click", () => {
    map.useBuiltinData();
    $("builtin-data").hidden = true;
    $("import-result").textContent = "";
    $("import-errors").replaceChildren();
    $("import-file").value = "";
    afterDataChange(null);
  });

  function showCoverage() {
  const info = map.dataInfo();
  $("coverage").textContent =
    `收录 ${info.rows} 项友好关系（另有区县签署 ${info.by_districts} 项）；` +
    `山东全省公布 ${fmt.format(info.published_total)} 项（${info.published_as_of}）· 资料截至 ${info.as_of} — ` +
    `shows ${info.rows} of the ${info.published_total} ties reported (${info.published_as_of}), ` +
    `plus ${info.by_districts} signed by districts; data as of ${info.as_of}`;
  }
  showCoverage();

  fromUrl();
  showStats();
  showPlayback();
  document.documentElement.dataset.ready = "true";
}

start().catch((e) => fail(e?.message || String(e)));
