// The wasm module, loaded once per page (or provided inline by the one-file build).

const BASE = new URL(".", import.meta.url);

let modulePromise;

/// The module's exports (`FriendshipMap`), once initialised.
export function loadModule() {
  modulePromise ??= (async () => {
    if (globalThis.__FRIENDSHIP_MAP_INLINE__) return globalThis.__FRIENDSHIP_MAP_INLINE__;
    // The wasm downloads and compiles together with the import of its JS glue, not after it.
    // A server that does not send `application/wasm` (streaming compilation refuses the
    // response) still works: the bytes are compiled once they are all there.
    const url = new URL("pkg/shandong_friendship_map_bg.wasm", BASE);
    const wasm = WebAssembly.compileStreaming(fetch(url)).catch(async () => {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`HTTP ${r.status} for ${url.pathname}`);
      return WebAssembly.compile(await r.arrayBuffer());
    });
    const m = await import(new URL("pkg/shandong_friendship_map.js", BASE).href);
    performance.mark("friendship-map:glue");
    await m.default({ module_or_path: await wasm });
    performance.mark("friendship-map:instantiated");
    return m;
  })();
  return modulePromise;
}

/// A file beside the map's script (the detailed basemap, the stylesheet).
export const besideScript = (name) => new URL(name, BASE);

// Started as soon as the element's script runs (this module is its first): the wasm downloads
// and compiles while the rest of the script is evaluated and the element is built.
loadModule().catch(() => {});
