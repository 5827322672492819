"""A Mastodon instance for tests, on recorded real traffic."""
