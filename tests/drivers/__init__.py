"""Small programs the tests start in their own process: the real app, driven from outside."""
