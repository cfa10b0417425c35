use std::sync::Arc;

use leptos::prelude::*;

/// Leptos' `<Show>` with its parts erased: the same props and behaviour (the
/// condition is memoised; the children are drawn while it holds, else the
/// fallback), but `<Show>` is generic over its condition and its children's
/// view type, so each of its 40-odd uses compiled its own memo, render effect
/// and either-view. Here only the line that boxes the condition is.
/// Imported by name, it takes the place of the prelude's `Show`.
#[component]
pub fn Show<W>(
    children: ChildrenFn,
    when: W,
    #[prop(optional, into)] fallback: ViewFn,
) -> impl IntoView
where
    W: Fn() -> bool + Send + Sync + 'static,
{
    erased(Arc::new(when), children, fallback)
}

fn erased(
    when: Arc<dyn Fn() -> bool + Send + Sync>,
    children: ChildrenFn,
    fallback: ViewFn,
) -> AnyView {
    let when = ArcMemo::new(move |_| when());
    (move || {
        if when.get() {
            children()
        } else {
            fallback.run()
        }
    })
    .into_any()
}
