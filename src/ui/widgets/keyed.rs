use std::hash::Hash;
use std::sync::Arc;

use leptos::prelude::*;

/// A keyed list: one row per item of `each`, kept (not redrawn) while its key
/// stays in the list. The same as Leptos' `<For>`, but `<For>` is generic over
/// its three closures, so every call site compiled its own copy of the keyed
/// diff and its render effect. Here the closures are erased first: that code
/// is compiled once per item and key type, however many lists use it.
pub fn keyed<T, K>(
    each: impl Into<Signal<Vec<T>>>,
    key: fn(&T) -> K,
    row: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> AnyView
where
    T: Send + Sync + Clone + 'static,
    K: Eq + Hash + 'static,
{
    keyed_erased(each.into(), key, Arc::new(row))
}

/// A list of ids (or other strings), each its own key: the common case.
pub fn keyed_ids(
    each: impl Into<Signal<Vec<String>>>,
    row: impl Fn(String) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    keyed_erased(each.into(), String::clone, Arc::new(row))
}

type Row<T> = Arc<dyn Fn(T) -> AnyView + Send + Sync>;

fn keyed_erased<T, K>(each: Signal<Vec<T>>, key: fn(&T) -> K, row: Row<T>) -> AnyView
where
    T: Send + Sync + Clone + 'static,
    K: Eq + Hash + 'static,
{
    view! { <For each=move || each.get() key=key children=move |x| row(x) /> }.into_any()
}
