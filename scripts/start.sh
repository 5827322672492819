#!/usr/bin/env bash
# Install (if needed) and start AgentDesk. With nothing configured it opens the sandbox demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/agentdesk "$@"
