// How a host page uses the map, type-checked against dist/'s declarations with `tsc --noEmit`
// (the test command). Lines marked @ts-expect-error must be errors: a wrong attribute name or
// command type that type-checks fails the check.
import type { FriendshipMapElement, MapCommand, Snapshot, StoryFile } from "../../www/friendship-map";

const el = document.createElement("friendship-map");
const typed: FriendshipMapElement = el;
el.setAttribute("lang", "en");
el.setAttribute("regions", "europe,sco");
el.setAttribute("review-number", "GS(2024)1234号");
el.setAttribute("story", "/talks/exchange-month.json");
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
  // A story: written as data, opened, stepped, filmed.
  const talk: StoryFile = {
    title: "Exchange month",
    steps: [
      { state: "asof=1979&sel=Qingdao", caption: { zh: "1979 年：青岛与下关" }, duration: 10 },
      { state: "regions=europe", caption: "Europe" },
    ],
  };
  const opened = el.openStory(JSON.stringify(talk), "talk.json");
  for (const p of opened?.problems ?? []) console.log(p.step, p.field, p.text);
  map.dispatch([{ type: "storyGo", step: 1 }, { type: "storyPlay", on: true }]);
  if (map.dispatch({ type: "key", key: "PageDown" }).handled) console.log("stepped");
  console.log(map.snapshot().story?.caption.en, map.story()?.steps.length, map.checkStory("{}").length);
  // @ts-expect-error: a step is a state query, not an object
  const wrong: StoryFile = { steps: [{ state: { asof: 1979 }, caption: "x" }] };
  console.log(wrong);
  void el.exportStoryVideo({ width: 1280, height: 720 }).then((b) => b.size);
  void el.exportHandout().then((b) => b.type);
});
