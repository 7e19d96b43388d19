// How a host page uses the map, type-checked against dist/'s declarations with `tsc --noEmit`
// (the test command). Lines marked @ts-expect-error must be errors: a wrong attribute name or
// command type that type-checks fails the check.
import type { FriendshipMapElement, MapCommand, Snapshot } from "../../www/friendship-map";

const el = document.createElement("friendship-map");
const typed: FriendshipMapElement = el;
el.setAttribute("lang", "en");
el.setAttribute("regions", "europe,sco");
el.setAttribute("review-number", "GS(2024)1234号");
// @ts-expect-error: not an attribute of the map
el.setAttribute("region", "europe");
el.addEventListener("filterchange", (e) => console.log(e.detail.regions.join(",")));
el.addEventListener("select", (e) => console.log(e.detail.city ?? "none"));
el.addEventListener("ready", () => {
  const map = typed.map;
  const commands: MapCommand[] = [
    { type: "filter", regions: ["europe"], cities: ["Qingdao", 3] },
    { type: "select", city: null },
    { type: "projection", name: "globe" },
    { type: "fit" },
  ];
  const done = map.dispatch(commands);
  for (const w of done.warnings) console.log(w.key, w.value);
  // @ts-expect-error: not a command
  map.dispatch({ type: "teleport" });
  // @ts-expect-error: a projection the map does not have
  map.dispatch({ type: "projection", name: "mercator" });
  map.on((event) => {
    if (event.type === "data") {
      const s: Snapshot = event.snapshot;
      console.log(s.summary.ties, s.filter.years.mode, s.caption?.year, s.cities[0]?.name_zh);
    }
  });
  const hits = map.search("青岛");
  if (hits[0]) map.dispatch({ type: "focus", target: hits[0].target });
  el.filter = { sister: false };
  void el.exportPng({ width: 1920, height: 1080 }).then((b) => b.size);
  void el.exportVideo({ secondsPerYear: 1.2, signal: new AbortController().signal });
  console.log(el.summary().ties, el.filter.evidence);
});
