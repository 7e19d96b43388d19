// Small DOM helpers shared by the element's parts.

/// An element with properties (`class`, `data`, or any DOM property) and children.
export function el(tag, props = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") n.className = v;
    else if (k === "data") Object.assign(n.dataset, v);
    else n[k] = v;
  }
  n.append(...children);
  return n;
}

/// Offers `blob` as a download named `name`.
export function download(name, blob) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/// The picture size chosen in the export block (`png-size`, `WIDTHxHEIGHT`), or `fallback` for
/// "as shown": the one reading of that choice (PNG, SVG and video).
export function chosenSize(ui, fallback) {
  const [width, height] = (ui.$("png-size").value || "").split("x").map(Number);
  return width ? { width, height } : fallback;
}
