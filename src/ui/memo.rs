//! Memos and effects with their computation erased.

use leptos::prelude::*;

use crate::domain::{HasId, ListKind, PostMortem};
use crate::ui::state::Editor;

/// `Memo::new(move |_| f())`, but `Memo::new` is generic over its closure, so
/// each of the app's ~160 memos compiled its own copy of the memo's set-up and
/// of the comparison with the previous value. Boxing the closure first
/// compiles that code once per value type.
pub fn memo<T>(f: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    erased(Box::new(f))
}

fn erased<T>(f: Box<dyn Fn() -> T + Send + Sync>) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| f())
}

/// `Effect::new(move |_| f())`, with the closure boxed for the same reason:
/// `Effect::new` is generic over it, and each use compiled its own copy of
/// the effect's task (its future, scheduling and clean-up).
pub fn effect(f: impl Fn() + 'static) {
    effect_erased(Box::new(f));
}

fn effect_erased(f: Box<dyn Fn()>) {
    Effect::new(move |_| f());
}

/// One entry of a list, read under its own scope: typing in it re-runs this
/// memo and not its neighbours'. `list` picks the list out of the document.
/// An entry that is gone reads as its default until its row is dropped.
pub fn row<T>(
    editor: Editor,
    kind: ListKind,
    id: &str,
    list: impl Fn(&PostMortem) -> &[T] + Send + Sync + 'static,
) -> Memo<T>
where
    T: HasId + Clone + Default + PartialEq + Send + Sync + 'static,
{
    let id = id.to_string();
    memo(move || {
        editor.read_row(kind, &id, |d| {
            list(d)
                .iter()
                .find(|x| x.id() == id)
                .cloned()
                .unwrap_or_default()
        })
    })
}
