// Unit tests import server modules directly; the real `server-only` package throws outside Next's server graph.
export {};
