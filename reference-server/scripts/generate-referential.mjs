#!/usr/bin/env node
// Generates the referential of French collectivités used by the reference server
// (reference-server/src/main/resources/referential/) from the npm package
// @etalab/decoupage-administratif, pinned in package.json / package-lock.json.
//
//   cd reference-server/scripts && npm ci && node generate-referential.mjs
//   node generate-referential.mjs --check   # exit 1 if the committed TSV files are stale
//
// Data: INSEE Code officiel géographique, INSEE populations légales (population municipale),
// DGCL list of EPCI à fiscalité propre; Licence Ouverte 2.0 (Etalab). No dependency besides the package.

import {readFileSync, writeFileSync, mkdirSync, existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'

const PACKAGE = '@etalab/decoupage-administratif'
const EXPECTED_VERSION = '6.0.0'
const LICENCE = 'Licence Ouverte 2.0 (Etalab) for the data; MIT for the package code'
// Communes of metropolitan France and of the five DROM. The collectivités d'outre-mer
// (zone "com": 975, 977, 978, 984, 986, 987, 988, 989) are left out: the package gives them
// no SIREN and they are outside the DGCL's list of EPCI.
const ZONES = new Set(['metro', 'drom'])

const here = dirname(fileURLToPath(import.meta.url))
const outDir = join(here, '..', 'src', 'main', 'resources', 'referential')
const check = process.argv.includes('--check')

const require = createRequire(import.meta.url)
const pkg = require(`${PACKAGE}/package.json`)
if (pkg.version !== EXPECTED_VERSION) {
  fail(`${PACKAGE} is ${pkg.version}, expected ${EXPECTED_VERSION}: run npm ci`)
}
const load = name => require(`${PACKAGE}/data/${name}.json`)
const allCommunes = load('communes')
const allEpci = load('epci')
const allDepartements = load('departements')
const allRegions = load('regions')

function fail(message) {
  console.error(`generate-referential: ${message}`)
  process.exit(1)
}

function field(value, what) {
  const s = value === undefined || value === null ? '' : String(value)
  if (/[\t\r\n]/.test(s)) {
    fail(`${what}: tab or line break in ${JSON.stringify(s)}`)
  }
  return s
}

function tsv(header, rows) {
  const lines = [header.join('\t')]
  for (const row of rows) {
    lines.push(row.map((v, i) => field(v, header[i])).join('\t'))
  }
  return lines.join('\n') + '\n'
}

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

function luhn(digits) {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

// Regions and départements
const regions = allRegions.filter(r => ZONES.has(r.zone)).sort(byCode)
const regionCodes = new Set(regions.map(r => r.code))
const departements = allDepartements.filter(d => ZONES.has(d.zone)).sort(byCode)
for (const d of departements) {
  if (!regionCodes.has(d.region)) fail(`département ${d.code}: unknown région ${d.region}`)
}
const departementCodes = new Set(departements.map(d => d.code))

// Current communes
const communes = allCommunes
  .filter(c => c.type === 'commune-actuelle' && ZONES.has(c.zone))
  .sort(byCode)
const communeByCode = new Map()
const sirens = new Set()
for (const c of communes) {
  if (communeByCode.has(c.code)) fail(`commune ${c.code} twice`)
  if (!/^\d{9}$/.test(c.siren ?? '')) fail(`commune ${c.code} ${c.nom}: SIREN ${c.siren}`)
  if (sirens.has(c.siren)) fail(`SIREN ${c.siren} twice`)
  if (!Number.isInteger(c.population) || c.population < 0) fail(`commune ${c.code} ${c.nom}: population ${c.population}`)
  if (!departementCodes.has(c.departement)) fail(`commune ${c.code}: unknown département ${c.departement}`)
  if (!regionCodes.has(c.region)) fail(`commune ${c.code}: unknown région ${c.region}`)
  communeByCode.set(c.code, c)
  sirens.add(c.siren)
}

// EPCI à fiscalité propre and their members
const epciOfCommune = new Map()
const epcis = []
for (const e of [...allEpci].sort(byCode)) {
  if (!/^\d{9}$/.test(e.code)) fail(`EPCI ${e.code} ${e.nom}: SIREN`)
  if (e.membres.length === 0) fail(`EPCI ${e.code} has no member`)
  const population = new Map() // département -> population of the members there
  let total = 0
  for (const m of e.membres) {
    const c = communeByCode.get(m.code)
    if (!c) fail(`EPCI ${e.code}: member ${m.code} is not a current commune`)
    if (m.siren && m.siren !== c.siren) fail(`EPCI ${e.code}: member ${m.code} SIREN ${m.siren} != ${c.siren}`)
    if (epciOfCommune.has(m.code)) fail(`commune ${m.code} in ${epciOfCommune.get(m.code)} and ${e.code}`)
    epciOfCommune.set(m.code, e.code)
    population.set(c.departement, (population.get(c.departement) ?? 0) + c.population)
    total += c.population
  }
  const count = d => e.membres.filter(m => communeByCode.get(m.code).departement === d).length
  // The package does not give the seat: the main département is the one holding the
  // largest share of the population, then the most members, then the lowest code.
  const deps = [...population.keys()].sort()
  const main = [...deps].sort((a, b) => population.get(b) - population.get(a) || count(b) - count(a) || (a < b ? -1 : 1))[0]
  epcis.push({siren: e.code, nom: e.nom, type: e.type, population: total, main, deps, members: e.membres.length})
}

const files = {
  'regions.tsv': tsv(['code', 'name', 'chef_lieu', 'siren'],
    regions.map(r => [r.code, r.nom, r.chefLieu, ''])),
  'departements.tsv': tsv(['code', 'name', 'region', 'chef_lieu', 'siren'],
    departements.map(d => [d.code, d.nom, d.region, d.chefLieu, ''])),
  'epci.tsv': tsv(['siren', 'name', 'type', 'population', 'departement', 'departements', 'members'],
    epcis.map(e => [e.siren, e.nom, e.type, e.population, e.main, e.deps.join(','), e.members])),
  'communes.tsv': tsv(['insee', 'siren', 'name', 'population', 'departement', 'region', 'epci_siren'],
    communes.map(c => [c.code, c.siren, c.nom, c.population, c.departement, c.region, epciOfCommune.get(c.code) ?? '']))
}

const counts = {
  communes: communes.length,
  epci: epcis.length,
  departements: departements.length,
  regions: regions.length
}
const outsideEpci = communes.filter(c => !epciOfCommune.has(c.code))
const badLuhn = communes.filter(c => !luhn(c.siren)).concat(epcis.filter(e => !luhn(e.siren)))
const in06 = communes.filter(c => c.departement === '06').length
const epci06 = epcis.filter(e => e.deps.includes('06')).length

if (check) {
  let stale = false
  for (const [name, content] of Object.entries(files)) {
    const path = join(outDir, name)
    if (!existsSync(path) || readFileSync(path, 'utf8') !== content) {
      console.error(`stale: ${relative(process.cwd(), path)}`)
      stale = true
    }
  }
  if (stale) fail('the referential differs from the package: rerun node generate-referential.mjs')
  console.log('referential up to date')
  process.exit(0)
}

const lockPath = join(here, 'package-lock.json')
const integrity = existsSync(lockPath)
  ? JSON.parse(readFileSync(lockPath, 'utf8')).packages?.[`node_modules/${PACKAGE}`]?.integrity ?? ''
  : ''
const generated = new Date().toISOString().slice(0, 10)

mkdirSync(outDir, {recursive: true})
let bytes = 0
for (const [name, content] of Object.entries(files)) {
  writeFileSync(join(outDir, name), content)
  bytes += Buffer.byteLength(content)
}

writeFileSync(join(outDir, 'source.properties'), [
  '# Generated by reference-server/scripts/generate-referential.mjs: do not edit',
  `package=${PACKAGE}`,
  `version=${pkg.version}`,
  `integrity=${integrity}`,
  `licence=${LICENCE}`,
  `generated=${generated}`,
  `communes=${counts.communes}`,
  `epci=${counts.epci}`,
  `departements=${counts.departements}`,
  `regions=${counts.regions}`,
  ''
].join('\n'))

writeFileSync(join(outDir, 'SOURCE.md'), `# Referential of French collectivités: source

Generated by \`reference-server/scripts/generate-referential.mjs\`; do not edit these files by hand.

| | |
| --- | --- |
| package | \`${PACKAGE}\` (npm) |
| version | ${pkg.version} (millésime 2026) |
| integrity | \`${integrity}\` |
| licence | Data: Licence Ouverte 2.0 / Open Licence 2.0 (Etalab), https://www.etalab.gouv.fr/licence-ouverte-open-licence ; package code: MIT |
| producers | INSEE (Code officiel géographique, populations légales), DGCL (EPCI à fiscalité propre and their members), as compiled by Etalab / data.gouv.fr |
| generated | ${generated} |

To regenerate (Node 20):

\`\`\`sh
cd reference-server/scripts && npm ci && node generate-referential.mjs
\`\`\`

\`node generate-referential.mjs --check\` exits 1 when the TSV files differ from what the pinned package gives.
To move to another millésime, change the pinned version in \`scripts/package.json\` and \`EXPECTED_VERSION\` in the script, run \`npm install\`, then the script.

## Files

UTF-8, tab-separated, one header line, LF line endings, no quoting (the script refuses tabs and line breaks in values).

| file | rows | columns |
| --- | ---: | --- |
| \`communes.tsv\` | ${counts.communes} | insee, siren, name, population, departement, region, epci_siren |
| \`epci.tsv\` | ${counts.epci} | siren, name, type, population, departement, departements, members |
| \`departements.tsv\` | ${counts.departements} | code, name, region, chef_lieu, siren |
| \`regions.tsv\` | ${counts.regions} | code, name, chef_lieu, siren |

- Communes: the current communes (\`type\` = \`commune-actuelle\`) of metropolitan France and of the five DROM. Communes déléguées and associées and the municipal arrondissements of Paris, Lyon and Marseille are left out, and so are the collectivités d'outre-mer (975, 977, 978, 984, 986, 987, 988, 989), to which the package gives no SIREN.
- \`population\`: the INSEE *population municipale* the package carries (latest populations légales; Mayotte: 2017). The legal thresholds of French law are usually read on the *population totale*, which the package does not give per commune at the same date; communes near a threshold may differ.
- \`epci_siren\`: the EPCI à fiscalité propre the commune belongs to; empty for ${outsideEpci.length} island communes outside any EPCI (${outsideEpci.map(c => `${c.nom} ${c.code}`).join(', ')}).
- EPCI \`type\`: CC (communauté de communes), CA (communauté d'agglomération), CU (communauté urbaine), METRO (métropole), MET69 (Métropole de Lyon). \`population\`: sum of the members' population above. \`departement\`: the package does not give the seat; this is the département holding the largest share of the EPCI's population. \`departements\`: every département where it has members, comma-separated.
- Départements and régions: the package gives no SIREN for them; the \`siren\` column is kept empty. \`chef_lieu\` is the INSEE code of the chef-lieu commune.
- Alpes-Maritimes (06): ${in06} communes, ${epci06} EPCI.
- SIRENs whose Luhn key is not valid: ${badLuhn.length}.
`)

console.log(`${PACKAGE}@${pkg.version} -> ${relative(process.cwd(), outDir)}`)
console.log(`communes ${counts.communes}, EPCI ${counts.epci}, départements ${counts.departements}, régions ${counts.regions}`)
console.log(`Alpes-Maritimes: ${in06} communes, ${epci06} EPCI; outside any EPCI: ${outsideEpci.length}; invalid Luhn: ${badLuhn.length}`)
console.log(`${bytes} bytes of TSV`)
