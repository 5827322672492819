"""Allows ``python -m agentdesk``."""

from agentdesk.launcher import main

raise SystemExit(main())
