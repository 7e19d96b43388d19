// Types for pages that embed the map: the <friendship-map> element (attributes, properties,
// methods, events) and the map's handle (`element.map`): its commands and its snapshot.
// Shipped in dist/ beside friendship-map.js. The test command checks these declarations
// against the built map (real snapshots and the handle's command names) and type-checks a usage
// file with `tsc --noEmit`, so a mismatch fails CI.

/** The element's attributes (and the iframe page's query keys). */
export type FriendshipMapAttribute =
  | "cities" | "years" | "as-of" | "unknown" | "regions" | "kinds" | "levels" | "evidence" | "stages"
  | "selected" | "view" | "projection"
  | "lang" | "mode" | "controls" | "basemap" | "review-number" | "src" | "src-layout" | "inset" | "story";

export type Lang = "zh" | "en";
export type ProjectionName = "naturalearth" | "globe" | "equirectangular";
export type BasemapStyle = "countries" | "land" | "china";
export type InsetPlacement = "auto" | "none" | "top-left" | "top-right" | "bottom-left" | "bottom-right";
export type EvidenceLevel = "official" | "partner-side" | "news" | "secondary";
export type Kind = "sister" | "friendly";
export type Level = "city" | "province";
/** How far a tie has come: established, or an agreement / a letter of intent that does not itself establish it. */
export type Stage = "established" | "agreement" | "intent";

/** Which years are shown. */
export type Years = { mode: "all" } | { mode: "range"; from: number; to: number } | { mode: "asof"; year: number };

/** The filter as the map holds it (empty lists mean "all"). */
export interface Filter {
  years: Years;
  unknown_year: boolean;
  regions: string[];
  /** Origins by index (`Snapshot.cities[].index`). */
  cities: number[];
  sister: boolean;
  friendly: boolean;
  city_level: boolean;
  province_level: boolean;
  evidence: EvidenceLevel[];
  stages: Stage[];
}

/** A change of some of the filter's fields; cities by index or by name (`"Qingdao"`, `"青岛市"`). */
export interface FilterPatch {
  years?: Years;
  unknown_year?: boolean;
  regions?: string[];
  cities?: (number | string)[];
  sister?: boolean;
  friendly?: boolean;
  city_level?: boolean;
  province_level?: boolean;
  evidence?: EvidenceLevel[];
  stages?: Stage[];
}

/** A search result's target (dispatch it as `{type: "focus", target}`). */
export type Target =
  | { type: "city"; city: number }
  | { type: "partner"; ties: number[] }
  | { type: "country"; code: string; ties: number[] };

export interface SearchHit {
  label_zh: string;
  label_en: string;
  country_zh: string;
  country_en: string;
  count: number;
  target: Target;
}

/** What the map can be asked: `map.dispatch(command)` or a list of them, in order. */
export type MapCommand =
  | ({ type: "filter" } & FilterPatch)
  | { type: "resetFilter" }
  | { type: "select"; city: string | number | null }
  | { type: "focus"; target: Target }
  | { type: "query"; query: string }
  | { type: "play" } | { type: "pause" } | { type: "togglePlay" } | { type: "stop" }
  | { type: "step"; by?: number }
  | { type: "playback"; speed?: number; loop?: boolean; animate?: boolean }
  | { type: "pan"; dx: number; dy: number }
  | { type: "zoom"; factor: number; x?: number; y?: number }
  | { type: "zoomIn" } | { type: "zoomOut" } | { type: "resetView" } | { type: "fit" }
  | { type: "view"; zoom: number; lon: number; lat: number }
  | { type: "projection"; name: ProjectionName }
  | { type: "viewAnimation"; on: boolean }
  | { type: "hover"; x: number; y: number } | { type: "clearHover" } | { type: "click"; x: number; y: number }
  /** A key pressed on the page outside the map (a presentation clicker's); `handled` says if it did something. */
  | { type: "key"; key: string }
  /** Opens a story file's text on its first step (refused when no step can play; `problems` says what it cannot use). */
  | { type: "story"; text: string }
  | { type: "closeStory" }
  | { type: "storyGo"; step: number }
  | { type: "storyStep"; by?: number }
  | { type: "storyPlay"; on: boolean }
  | { type: "language"; lang: Lang }
  | { type: "presenting"; on: boolean }
  | { type: "inset"; placement: InsetPlacement }
  | { type: "reserved"; boxes: number[] }
  | { type: "basemap"; style: BasemapStyle }
  | { type: "table"; open: boolean }
  | { type: "import" | "importStart"; data: string | Uint8Array | ArrayBuffer; options?: ImportOptions }
  | { type: "importPlace" } | { type: "importFinish" }
  | { type: "builtinData" }
  | { type: "sources"; text: string }
  | { type: "loadBasemap"; text: string }
  | { type: "detailBasemap"; bytes: Uint8Array };

export interface ImportOptions {
  file?: string;
  preset?: "standard" | "world-twin-cities";
  mode?: "replace" | "add";
}

export interface ImportError { line: number; field: string; reason: string; text: string }
export interface ImportReport { loaded: number; total: number; refused: boolean; errors: ImportError[] }

/** A value a URL query skipped. */
export interface Warning { key: string; value: string }

/** Something a story file says that the map cannot use (`step 3: caption: missing (step left out)`). */
export interface StoryProblem { text: string; step: number | null; field: string; fatal: boolean }

/** What `dispatch` gives back. */
export interface Dispatched { warnings: Warning[]; report?: ImportReport; problems?: StoryProblem[]; handled?: boolean }

/** A story file: the steps of a talk, each the map's state as a URL query with a sentence. */
export interface StoryFile {
  title?: string;
  steps: {
    /** The map's state as a URL query (or a whole share link). */
    state: string;
    /** One language is enough: the other falls back to it. */
    caption: { zh?: string; en?: string } | string;
    /** Seconds in automatic play and in a video (1 to 600; 8 when absent). */
    duration?: number;
  }[];
}

/** The story shown, as the map holds it (`map.story()`): the steps that play, both languages filled. */
export interface Story {
  title: string;
  steps: { state: string; caption: { zh: string; en: string }; duration: number }[];
}

/** The story's step shown (the snapshot's `story`). */
export interface StoryStep {
  title: string;
  /** From 0. */
  step: number;
  steps: number;
  caption: { zh: string; en: string };
  /** Seconds. */
  duration: number;
  playing: boolean;
}

export interface ByKind { sister: number; friendly: number }
export interface ByStage { established: number; agreement: number; intent: number }
export interface Count { id: string; name_en: string; name_zh: string; count: ByKind }
export interface Stats {
  ties: number;
  partners: number;
  countries: number;
  continents: number;
  cities: number;
  by_kind: ByKind;
  by_stage: ByStage;
  by_year: { year: number; count: ByKind }[];
  unknown_year: ByKind;
  by_continent: Count[];
  top_countries: Count[];
  by_grouping: Count[];
}
export interface Summary { ties: number; partners: number; countries: number; cities: number }
export interface NewPartner { name_zh: string; name_en: string; city_zh: string; city_en: string; stage: Stage }
export interface Caption {
  year: number | null;
  new: number;
  total: number;
  countries: number;
  stages: ByStage;
  new_partners: NewPartner[];
  index: number;
  steps: number;
  playing: boolean;
}
/** One Shandong side's rows against its latest published figure. */
export interface SideCoverage {
  index: number;
  name: string;
  name_zh: string;
  rows: number;
  pending: number;
  published: number | null;
  published_as_of: string;
  published_counts: string;
  share_percent: number | null;
}
export interface DataInfo {
  as_of: string;
  rows: number;
  stages: ByStage;
  by_districts: number;
  published_total: number | null;
  published_countries: number | null;
  published_as_of: string | null;
  published_counts: string;
  coverage: SideCoverage[];
  max_import_bytes: number;
  max_import_rows: number;
}
export interface CityInfo { index: number; name: string; name_zh: string; ties: number; builtin: boolean }
export interface RegionInfo { id: string; kind: "continent" | "m49" | "grouping"; name_en: string; name_zh: string }
export interface TieInfo {
  index: number;
  partner: string;
  partner_zh: string;
  country: string;
  country_zh: string;
  country_code: string;
  city: string;
  city_zh: string;
  kind: Kind;
  level: Level;
  established: string;
  signed_by: string;
  sources: string[];
  evidence: EvidenceLevel | "";
  stage: Stage;
}

export interface ScopeCity {
  index: number;
  name: string;
  name_zh: string;
  shown: number;
  published_total: number | null;
  published_as_of: string | null;
}

/** Everything the page shows, after each change of what is shown. */
export interface Snapshot {
  version: number;
  dataset: number;
  stats: Stats;
  all: Stats;
  summary: Summary;
  caption: Caption | null;
  data: DataInfo;
  filter: Filter;
  selected: string | null;
  projection: ProjectionName;
  language: Lang;
  presenting: boolean;
  spinning: boolean;
  cities: CityInfo[];
  regions: RegionInfo[];
  /** The ties shown while the table is open. */
  table: TieInfo[] | null;
  /** The state as a URL query. */
  query: string;
  /** The Shandong cities the map speaks for (the filter's), with their counts and published totals; empty for the province. */
  scope: ScopeCity[];
  /** The map's title for its scope. */
  title: { zh: string; en: string };
  rows: number;
  unknown_apart: number;
  /** The stages drawn now other than the established (the legend names them). */
  stages_drawn: Stage[];
  /** The story shown: its step and sentence. */
  story: StoryStep | null;
}

export interface Tooltip {
  target: "partner" | "link" | "city";
  title_zh: string;
  title_en: string;
  ties: TieInfo[];
  count: number;
}

/** The map's one event (`map.on(callback)`). */
export type MapEvent =
  | { type: "data"; snapshot: Snapshot }
  | { type: "view"; query: string }
  | { type: "select"; city: string | null }
  | { type: "hover"; tooltip: Tooltip | null; x: number; y: number }
  | { type: "detail" }
  | { type: "leave" };

export interface OverlayTexts {
  sister?: string; friendly?: string; credit?: string; review?: string; headline?: string; names?: string; title?: string;
  /** A story step's sentence and number (`3 / 7`), for video frames. */
  story?: string; storyCount?: string;
}

export interface PublishOptions {
  /** `handout`: an HTML page of the story shown, a picture of this size and the sentences per step. */
  format: "svg" | "png" | "handout";
  width: number;
  height: number;
  scale?: number;
  presenting?: boolean;
  texts?: OverlayTexts;
  /** For PNG: the canvas painted into. */
  canvas?: HTMLCanvasElement;
}

/** A playback or a story filmed for a video (`map.film(…)`). */
export interface Film {
  durationMs(): number;
  seek(t_ms: number): void;
  caption(): Caption | null;
  story(): StoryStep | null;
  render(canvas: HTMLCanvasElement, texts: OverlayTexts): void;
  free(): void;
}

/** The map's handle (`element.map`). */
export interface FriendshipMap {
  dispatch(command: MapCommand | MapCommand[]): Dispatched;
  on(callback: ((event: MapEvent) => void) | null): void;
  snapshot(): Snapshot;
  query(): string;
  search(query: string): SearchHit[];
  render(): void;
  attributes(): [string, string][];
  export(format: "csv" | "geojson"): string;
  publish(options: PublishOptions): string | undefined;
  /** The playback, or with `story: true` the story shown (then without the year options). */
  film(options: { width: number; height: number; scale?: number; secondsPerYear?: number; from?: number; to?: number; story?: boolean }): Film;
  /** The story shown, or null. */
  story(): Story | null;
  /** What a story file's text would play and what the map cannot use, without opening it. */
  checkStory(text: string): StoryProblem[];
}

export interface PictureOptions { width?: number; height?: number; scale?: number }
export interface VideoOptions {
  width?: number;
  height?: number;
  fps?: number;
  secondsPerYear?: number;
  from?: number;
  to?: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** The story shown instead of the playback (the year options are not read). */
  story?: boolean;
}
export interface StoryVideoOptions { width?: number; height?: number; fps?: number; onProgress?: (fraction: number) => void; signal?: AbortSignal }

/** The element's own events (`error` is the map's, with the message, not a script error). */
export interface FriendshipMapEventMap {
  ready: CustomEvent<void>;
  select: CustomEvent<{ city: string | null }>;
  filterchange: CustomEvent<Filter>;
  error: CustomEvent<{ message: string }>;
}

/** `<friendship-map>`. */
export interface FriendshipMapElement extends HTMLElement {
  /** The map's handle, once `ready` fired. */
  readonly map: FriendshipMap;
  /** The latest snapshot. */
  readonly snapshot: Snapshot;
  /** The filter as the map holds it; set it with the fields to change. */
  get filter(): Filter;
  set filter(patch: FilterPatch);
  play(): void;
  pause(): void;
  summary(): Summary;
  exportCsv(): string;
  exportGeoJson(): string;
  exportPng(options?: PictureOptions): Promise<Blob>;
  exportSvg(options?: PictureOptions): Promise<Blob>;
  exportVideo(options?: VideoOptions): Promise<Blob>;
  /** Opens a story file's text (`name` in messages); null when no step can play. */
  openStory(text: string, name?: string): Dispatched | null;
  closeStory(): void;
  /** A WebM of the story shown: each step held for its duration, flights between. */
  exportStoryVideo(options?: StoryVideoOptions): Promise<Blob>;
  /** The story's handout: one HTML page, a picture (default 1280×720) and the sentences per step. */
  exportHandout(options?: { width?: number; height?: number }): Promise<Blob>;
  getAttribute(name: FriendshipMapAttribute): string | null;
  setAttribute(name: FriendshipMapAttribute, value: string): void;
  removeAttribute(name: FriendshipMapAttribute): void;
  addEventListener<K extends keyof FriendshipMapEventMap>(type: K, listener: (this: FriendshipMapElement, ev: FriendshipMapEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "friendship-map": FriendshipMapElement;
  }
}
