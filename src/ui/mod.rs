//! Floor 3: the Leptos user interface.

pub fn mount() {}
