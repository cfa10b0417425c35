use std::any::Any;
use std::sync::Arc;

use leptos::prelude::*;

/// A keyed list: one row per item of `each`, kept (not redrawn) while its key
/// stays in the list. The same as Leptos' `<For>`, but `<For>` is generic over
/// its item, key and closures, so every call site compiled its own copy of the
/// keyed diff and its render effect. Here every list is turned into one item
/// type (its key as text, the item boxed) before it reaches `<For>`, so that
/// code is compiled once for the whole app. Keys must tell items apart as the
/// key of a `<For>` would.
pub fn keyed<T>(
    each: impl Into<Signal<Vec<T>>>,
    key: fn(&T) -> String,
    row: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> AnyView
where
    T: Send + Sync + Clone + 'static,
{
    let each = each.into();
    let items = Signal::derive(move || {
        each.with(|list| {
            list.iter()
                .map(|x| Item {
                    key: key(x),
                    value: Arc::new(x.clone()),
                })
                .collect()
        })
    });
    keyed_erased(
        items,
        Arc::new(move |item: Item| match item.value.downcast::<T>() {
            Ok(x) => row(Arc::unwrap_or_clone(x)),
            Err(_) => ().into_any(),
        }),
    )
}

/// A list of ids (or other strings), each its own key: the common case.
pub fn keyed_ids(
    each: impl Into<Signal<Vec<String>>>,
    row: impl Fn(String) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    keyed(each, String::clone, row)
}

#[derive(Clone)]
struct Item {
    key: String,
    value: Arc<dyn Any + Send + Sync>,
}

type Row = Arc<dyn Fn(Item) -> AnyView + Send + Sync>;

fn keyed_erased(items: Signal<Vec<Item>>, row: Row) -> AnyView {
    view! { <For each=move || items.get() key=|i: &Item| i.key.clone() children=move |i| row(i) /> }
        .into_any()
}
