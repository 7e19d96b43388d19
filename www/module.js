// The wasm module, loaded once per page (or provided inline by the one-file build).

const BASE = new URL(".", import.meta.url);

let modulePromise;

/// The module's exports (`FriendshipMap`), once initialised.
export function loadModule() {
  modulePromise ??= (async () => {
    if (globalThis.__FRIENDSHIP_MAP_INLINE__) return globalThis.__FRIENDSHIP_MAP_INLINE__;
    // The wasm download starts together with its JS glue, not after it.
    const wasm = fetch(new URL("pkg/shandong_friendship_map_bg.wasm", BASE));
    const m = await import(new URL("pkg/shandong_friendship_map.js", BASE).href);
    await m.default({ module_or_path: wasm });
    return m;
  })();
  return modulePromise;
}

/// A file beside the map's script (the detailed basemap, the stylesheet).
export const besideScript = (name) => new URL(name, BASE);

// Started as soon as the element's script runs (this module is its first): the wasm downloads
// and compiles while the rest of the script is evaluated and the element is built.
loadModule().catch(() => {});
