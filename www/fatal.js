// The map never dies silently: a trap in the wasm (a panic, or memory exhausted) leaves its
// module unusable, so every map on the page says so on its canvas, offers a reload, and fires
// an `error` event for the host page. Calls into the map go through a guard that notices traps;
// traps inside the map's own event listeners reach the window's error event.

const maps = new Set();

/// Whether an error is a trap of the wasm module.
const isTrap = (e) => e instanceof WebAssembly.RuntimeError;

window.addEventListener("error", (ev) => {
  if (isTrap(ev.error)) for (const fail of maps) fail(ev.error);
});

/// The map handle, with every method call watched for traps; `fail(error)` is called (once per
/// element) when one happens, and the error is thrown on to the caller.
export function guard(map, fail) {
  let failed = false;
  const once = (e) => {
    if (!failed) {
      failed = true;
      fail(e);
    }
  };
  maps.add(once);
  return watch(map);
}

/// `target` (the map, or its diagnostics) with every method call watched for traps: a trap
/// stops every map on the page, and is thrown on to the caller.
export function watch(target) {
  return new Proxy(target, {
    get(target, prop) {
      const v = target[prop];
      if (typeof v !== "function") return v;
      return (...args) => {
        try {
          return v.apply(target, args);
        } catch (e) {
          if (isTrap(e)) for (const f of maps) f(e);
          throw e;
        }
      };
    },
  });
}
