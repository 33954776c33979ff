#!/usr/bin/env bash
# Validates every dashboard in grafana/dashboards/ against Grafana's own types.
#
#   grafana/test/validate-dashboards.sh
#
# The types come from the npm package @grafana/schema (the version pinned in package.json, the
# same as the Grafana image in docker-compose.yml). ts-json-schema-generator turns them into JSON
# Schemas, cached in node_modules/.cache/peerwatch/ (never committed), and:
#   1. ajv-cli validates each dashboard against the `Dashboard` type. Its objects admit no unknown
#      keys, so a misspelt or misplaced key fails as well as a wrong type;
#   2. each panel's `options` (and a time series' `fieldConfig.defaults.custom`) is validated
#      against its panel plugin's `Options` (`FieldConfig`) type - unknown keys, wrong types and
#      values outside an enum fail; keys left out are fine, since Grafana fills in defaults;
#   3. peerwatch's own conventions: uid `peerwatch-<file name>`, the data source by uid
#      `peerwatch-prometheus`, the `$topology` variable (the sweep dashboard: `$run` over the sweep
#      meters), a title and a description on every panel,
#      unique panel ids, a 24-column grid;
#   4. a self-check: deliberately broken copies (a panel's gridPos a string; an unknown key; a
#      bad enum value in a panel's options) must be rejected, or the passes above prove nothing.
#
# Needs Node.js and npm (the npm registry). Prints one line per check and last
# `validate-dashboards: N passed, M failed`; exits 1 if any failed, naming file, path and problem.
set -euo pipefail
export npm_config_loglevel=error npm_config_update_notifier=false npm_config_fund=false

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dashboards="$(cd "$here/../dashboards" && pwd)"
cd "$here"

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "validate-dashboards: needs node and npm on PATH" >&2
  exit 1
fi
if ! npm_log="$(npm ci --no-audit 2>&1)"; then
  echo "$npm_log" >&2
  echo "validate-dashboards: npm ci failed" >&2
  exit 1
fi

schema_pkg="node_modules/@grafana/schema"
version="$(node -p 'require("@grafana/schema/package.json").version')"
cache="node_modules/.cache/peerwatch/grafana-schema-$version"
mkdir -p "$cache"

# gen_schema OUT TYPES_FILE TYPE_NAME: the JSON Schema of one exported TypeScript type (cached).
gen_schema() {
  local out="$cache/$1" types="$schema_pkg/dist/esm/$2"
  [[ -s "$out" ]] && return 0
  if [[ ! -f "$types" ]]; then
    echo "validate-dashboards: $types not found: has @grafana/schema $version moved its types?" >&2
    exit 1
  fi
  node_modules/.bin/ts-json-schema-generator --path "$types" --type "$3" --no-type-check \
    --out "$out.tmp"
  mv "$out.tmp" "$out"
}
gen_schema dashboard.json raw/dashboard/x/dashboard_types.gen.d.ts Dashboard
for plugin in timeseries:TimeSeriesPanelCfg stat:StatPanelCfg gauge:GaugePanelCfg bargauge:BarGaugePanelCfg xychart:XYChartPanelCfg; do
  gen_schema "${plugin%%:*}.options.json" \
    "raw/composable/${plugin%%:*}/panelcfg/x/${plugin##*:}_types.gen.d.ts" Options
done
gen_schema timeseries.fieldconfig.json raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen.d.ts FieldConfig

# 1. ajv-cli against Grafana's Dashboard schema; prints "<file> valid" or "<file> invalid" + errors.
validate_dashboard() {
  node_modules/.bin/ajv validate --spec=draft7 --errors=text -s "$cache/dashboard.json" -d "$1" 2>&1
}

# 2 and 3. Panel options against their plugin's types, and peerwatch's conventions; one line per
# problem, exit 1 if any.
check_panels() {
  CACHE="$cache" node - "$1" <<'EOF'
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const file = process.argv[2];
const name = path.basename(file, ".json");
const cache = process.env.CACHE;
const problems = [];
let d;
try {
  d = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (e) {
  console.log(`not JSON: ${e.message}`);
  process.exit(1);
}

// Plugin options: the generated schema without its `required` lists (Grafana fills defaults).
const dropRequired = (s) => {
  if (Array.isArray(s)) return s.map(dropRequired);
  if (s && typeof s === "object") {
    const o = {};
    for (const [k, v] of Object.entries(s)) if (!(k === "required" && Array.isArray(v))) o[k] = dropRequired(v);
    return o;
  }
  return s;
};
const ajv = new Ajv({ allErrors: false, strict: false });
const validators = {};
const validator = (key) => {
  if (!(key in validators)) {
    const f = path.join(cache, `${key}.json`);
    validators[key] = fs.existsSync(f) ? ajv.compile(dropRequired(JSON.parse(fs.readFileSync(f, "utf8")))) : null;
  }
  return validators[key];
};
const explain = (v) => v.errors.map((e) => `${e.instancePath || "/"} ${e.message}` +
  (e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : "") +
  (e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(", ")})` : "")).join("; ");

const expectUid = `peerwatch-${name}`;
if (d.uid !== expectUid) problems.push(`uid is ${JSON.stringify(d.uid)}, expected "${expectUid}"`);
if (!d.title) problems.push("the dashboard has no title");
if (!(d.schemaVersion >= 36)) problems.push(`schemaVersion ${d.schemaVersion} is older than 36`);
const vars = (d.templating || {}).list || [];
const topo = vars.find((v) => v.name === "topology");
const sweepRun = vars.find((v) => v.name === "run");
if (name === "sweep") {
  // A sweep has no topology (its runs have many): its selector is $run over the sweep meters.
  const q = sweepRun && (typeof sweepRun.query === "string" ? sweepRun.query : (sweepRun.query || {}).query);
  if (q !== "label_values(peerwatch_sweep_runs_planned, run)")
    problems.push(`the sweep dashboard's $run queries ${JSON.stringify(q)}, expected "label_values(peerwatch_sweep_runs_planned, run)"`);
} else if (!topo) problems.push("no $topology template variable");
else {
  const q = typeof topo.query === "string" ? topo.query : (topo.query || {}).query;
  if (q !== "label_values(peerwatch_tick, topology)")
    problems.push(`$topology queries ${JSON.stringify(q)}, expected "label_values(peerwatch_tick, topology)"`);
  if (!topo.datasource || topo.datasource.uid !== "peerwatch-prometheus")
    problems.push("$topology does not use the data source uid peerwatch-prometheus");
}
const dsOk = (ds) => ds && ds.uid === "peerwatch-prometheus" && ds.type === "prometheus";
const ids = new Set();
const panels = [];
(d.panels || []).forEach((p, i) => {
  panels.push([`panels[${i}]`, p]);
  (p.panels || []).forEach((q, j) => panels.push([`panels[${i}].panels[${j}]`, q]));
});
let checkedOptions = 0;
for (const [at, p] of panels) {
  const where = `${at} ${JSON.stringify(p.title || "")}`;
  if (!p.title) problems.push(`${where}: no title`);
  if (p.type !== "row" && !p.description) problems.push(`${where}: no description saying how to read it`);
  if (ids.has(p.id)) problems.push(`${where}: id ${p.id} used twice`);
  ids.add(p.id);
  const g = p.gridPos || {};
  if (typeof g.x !== "number" || typeof g.w !== "number" || g.x < 0 || g.x + g.w > 24)
    problems.push(`${where}: gridPos must lie within the 24 columns`);
  if (p.type === "row") continue;
  if (!dsOk(p.datasource)) problems.push(`${where}: datasource is not {type: prometheus, uid: peerwatch-prometheus}`);
  const targets = p.targets || [];
  if (p.type !== "text" && !targets.length) problems.push(`${where}: no queries`);
  targets.forEach((t, j) => {
    if (!t.expr || typeof t.expr !== "string") problems.push(`${where} targets[${j}]: no PromQL expr`);
    if (!dsOk(t.datasource)) problems.push(`${where} targets[${j}]: datasource is not uid peerwatch-prometheus`);
    if (!t.refId) problems.push(`${where} targets[${j}]: no refId`);
  });
  const vo = validator(`${p.type}.options`);
  if (!vo) problems.push(`${where}: panel type ${p.type} has no options schema here (add it to validate-dashboards.sh)`);
  else {
    checkedOptions++;
    if (!vo(p.options || {})) problems.push(`${where}: options: ${explain(vo)}`);
  }
  const custom = ((p.fieldConfig || {}).defaults || {}).custom;
  if (custom !== undefined) {
    const vf = validator(`${p.type}.fieldconfig`);
    if (!vf) problems.push(`${where}: fieldConfig.defaults.custom, but ${p.type} has no field config schema here`);
    else if (!vf(custom)) problems.push(`${where}: fieldConfig.defaults.custom: ${explain(vf)}`);
  }
}
for (const m of problems) console.log(m);
if (!problems.length) console.log(`${panels.length} panels, ${checkedOptions} panel options checked`);
process.exit(problems.length ? 1 : 0);
EOF
}

shopt -s nullglob
files=("$dashboards"/*.json)
if ((${#files[@]} == 0)); then
  echo "validate-dashboards: no dashboards in $dashboards" >&2
  exit 1
fi

passed=0
failed=0
ok() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

for f in "${files[@]}"; do
  rel="grafana/dashboards/$(basename "$f")"
  if out="$(validate_dashboard "$f")"; then
    ok "$rel matches Grafana's Dashboard schema (@grafana/schema $version)"
  else
    fail "$rel does not match Grafana's Dashboard schema (@grafana/schema $version):"
    echo "$out" | sed 's/^/       /'
  fi
  if out="$(check_panels "$f")"; then
    ok "$rel: panel options match their plugins' schemas; peerwatch's conventions hold ($out)"
  else
    fail "$rel: panel options or peerwatch's conventions:"
    echo "$out" | sed "s|^|       $rel: |"
  fi
done

# 4. Self-check on broken copies of the first dashboard.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node -e '
  const fs = require("fs");
  const [src, dir] = process.argv.slice(1);
  const load = () => JSON.parse(fs.readFileSync(src, "utf8"));
  let d = load(); d.panels[0].gridPos = "x"; fs.writeFileSync(`${dir}/gridpos-a-string.json`, JSON.stringify(d));
  d = load(); d.pannels = d.panels; fs.writeFileSync(`${dir}/unknown-key.json`, JSON.stringify(d));
  d = load(); const p = d.panels.find((q) => q.type === "timeseries");
  p.options.legend.placement = "sideways";
  fs.mkdirSync(`${dir}/bad-legend-placement`);
  fs.writeFileSync(`${dir}/bad-legend-placement/${require("path").basename(src)}`, JSON.stringify(d));
' "${files[0]}" "$tmp"
for broken in gridpos-a-string unknown-key; do
  if out="$(validate_dashboard "$tmp/$broken.json")"; then
    fail "self-check: the Dashboard schema accepted $broken.json, a deliberately broken copy of $(basename "${files[0]}")"
  else
    ok "self-check: the Dashboard schema rejects $broken.json ($(echo "$out" | tail -n 1 | cut -c1-90))"
  fi
done
# (same file name as the original, so that only the options are wrong)
if out="$(check_panels "$tmp/bad-legend-placement/$(basename "${files[0]}")")" ||
  ! grep -q 'options: /legend/placement' <<<"$out"; then
  fail "self-check: the panel options check did not reject a legend placed \"sideways\" ($out)"
else
  ok "self-check: the panel options check rejects a legend placed \"sideways\" ($(echo "$out" | head -n 1 | sed 's/^.*options: //' | cut -c1-90))"
fi

echo "validate-dashboards: $passed passed, $failed failed"
((failed == 0))
