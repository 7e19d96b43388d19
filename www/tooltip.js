// The tooltip: the map reports what the pointer is over (data only); this writes it, in the
// page's language, with text nodes only (never HTML), beside the pointer.
import { el } from "./dom.js";

const GAP_PX = 14;
const MAX_TIES = 8;

function tieLine(t, s) {
  const year = t.established || s.yearUnknown;
  const signed = t.signed_by ? ` (${t.signed_by})` : "";
  const kind = t.kind === "sister" ? s.tipSister : s.tipFriendly;
  const evidence = t.evidence ? ` · ${s.evidenceOf(t.evidence)}` : "";
  const stage = t.stage !== "established" ? ` · ${s.stageOf(t.stage)}` : "";
  return `${s.names(t.city_zh, t.city)}${signed} · ${kind}${stage} · ${year}${evidence}`;
}

/// The lines of a tooltip: `[class, text]`.
export function tooltipLines(tip, s) {
  const lines = [["fm-tt-title", s.names(tip.title_zh, tip.title_en)]];
  if (tip.target === "city") {
    lines.push(["fm-tt-line", s.tipCity(tip.count)]);
    return lines;
  }
  const first = tip.ties[0];
  if (first) lines.push(["fm-tt-sub", s.countryLine(first.country_zh, first.country)]);
  for (const t of tip.ties.slice(0, MAX_TIES)) lines.push(["fm-tt-line", tieLine(t, s)]);
  if (tip.ties.length > MAX_TIES) lines.push(["fm-tt-line", `… +${tip.ties.length - MAX_TIES}`]);
  return lines;
}

/// Shows `tip` at (`x`, `y`) CSS px in `box` (the tooltip element inside the map's container),
/// flipped to stay inside it; hides it for `null`.
export function showTooltip(box, tip, x, y, s) {
  if (!tip) {
    box.hidden = true;
    return;
  }
  box.replaceChildren(...tooltipLines(tip, s).map(([c, text]) => el("div", { class: c, textContent: text })));
  box.hidden = false;
  const container = box.parentElement;
  const [cw, ch] = [container.clientWidth, container.clientHeight];
  const [w, h] = [box.offsetWidth, box.offsetHeight];
  const left = x + GAP_PX + w > cw ? Math.max(0, x - GAP_PX - w) : x + GAP_PX;
  const top = y + GAP_PX + h > ch ? Math.max(0, y - GAP_PX - h) : y + GAP_PX;
  box.style.left = `${left.toFixed(1)}px`;
  box.style.top = `${top.toFixed(1)}px`;
}
