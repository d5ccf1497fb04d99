//! Unit tests of the facets.
