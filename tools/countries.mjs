// Writes data/countries.csv: ISO 3166-1 alpha-2 and numeric codes, English and Chinese short
// names (English: npm `world-countries` common name; Chinese: npm `i18n-iso-countries`, MIT) and the continent (from npm `world-countries`' region and
// subregion: the Americas split into North America, including Central America and the Caribbean,
// and South America). Run: npm install && node tools/countries.mjs
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const iso = require("i18n-iso-countries");
iso.registerLocale(require("i18n-iso-countries/langs/en.json"));
iso.registerLocale(require("i18n-iso-countries/langs/zh.json"));
const world = require("world-countries");

function continent(c) {
  if (c.region === "Americas") return c.subregion === "South America" ? "South America" : "North America";
  if (c.region === "Antarctic") return "Antarctica";
  return c.region; // Africa, Asia, Europe, Oceania
}

const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const rows = ["alpha2,numeric,name_en,name_zh,continent"];
for (const c of [...world].sort((a, b) => a.cca2.localeCompare(b.cca2))) {
  const en = c.name.common;
  const zh = iso.getName(c.cca2, "zh") ?? c.translations.zho?.common ?? "";
  rows.push([c.cca2, c.ccn3 || "", en, zh, continent(c)].map(quote).join(","));
}
writeFileSync("data/countries.csv", rows.join("\n") + "\n");
console.log(`data/countries.csv: ${rows.length - 1} countries`);
