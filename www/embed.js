// The iframe page: embed.html?lang=en&cities=Qingdao&mode=present&controls=none&... — every
// query parameter that names an element attribute becomes that attribute; the rest (the filter
// and view keys) is read as URL state.
import "./friendship-map.js";

const params = new URLSearchParams(location.search);
const map = document.createElement("friendship-map");
for (const name of ["lang", "mode", "controls", "basemap", "review-number", "src", "src-layout"]) {
  if (params.has(name)) map.setAttribute(name, params.get(name));
}
map.setAttribute("url-state", "");
document.body.append(map);
