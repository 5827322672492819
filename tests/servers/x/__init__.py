"""An X API v2 server for tests, on recorded real traffic."""
