#!/usr/bin/env bash
# The Grafana/Prometheus checks the README's test command runs after the Maven build:
#   1. every dashboard against Grafana's own dashboard schema (needs node and npm);
#   2. the integration test: a live `peerwatch serve` scraped by a real Prometheus, every panel's
#      and every rule's PromQL queried, promtool's config, rules and rule unit tests (needs
#      Debian's `prometheus` package).
# Without Prometheus installed, step 2 is skipped with a line that says so - unless
# PEERWATCH_REQUIRE_PROMETHEUS=1 (CI sets it after installing the package), which makes a missing
# Prometheus a failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

bash "$here/validate-dashboards.sh"

if command -v prometheus >/dev/null && command -v promtool >/dev/null; then
  bash "$here/integration.sh"
elif [[ "${PEERWATCH_REQUIRE_PROMETHEUS:-0}" == "1" ]]; then
  echo "check: prometheus and promtool are required (PEERWATCH_REQUIRE_PROMETHEUS=1) but not on PATH" >&2
  exit 1
else
  echo "integration: skipped - prometheus is not installed (apt-get install -y --no-install-recommends prometheus)"
fi
