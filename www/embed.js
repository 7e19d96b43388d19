// The iframe page: embed.html?lang=en&cities=Qingdao&mode=present&controls=none&... — the
// query uses the element's attribute names (the map's short URL keys work too): the page's
// attributes become the element's, the rest is read as URL state.
import { PAGE_ATTRIBUTES } from "./attributes.js";
import "./friendship-map.js";

const params = new URLSearchParams(location.search);
const map = document.createElement("friendship-map");
for (const name of PAGE_ATTRIBUTES) {
  if (params.has(name)) map.setAttribute(name, params.get(name));
}
map.setAttribute("url-state", "");
document.body.append(map);
