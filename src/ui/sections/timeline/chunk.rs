use leptos::html::Div;
use leptos::prelude::*;

use super::row::EventRow;
use super::visibility::Visibility;
use super::{use_timeline, CHUNK, RENDER_ALL_UP_TO};
use crate::ui::memo::{effect, memo};
use crate::ui::widgets::keyed_ids;
use crate::ui::widgets::Show;

/// One stretch of `CHUNK` rows: rendered while near the viewport (or pinned
/// for a focus move), otherwise an empty box of the same height.
#[component]
pub fn Chunk(index: usize) -> impl IntoView {
    let tl = use_timeline();
    let vis = expect_context::<Visibility>();
    let ids = memo(move || {
        tl.order.with(|o| {
            let start = (index * CHUNK).min(o.len());
            let end = (start + CHUNK).min(o.len());
            o[start..end].to_vec()
        })
    });
    // The first stretch renders at once, so a short timeline never waits for
    // the observer.
    let near = RwSignal::new(index == 0);
    // A timeline of ordinary length renders whole, so find-in-page, a screen
    // reader's list of fields and every jump reach all of it; windowing is
    // for the long ones, where rendering everything would be slow.
    let short = memo(move || tl.order.with(|o| o.len() <= RENDER_ALL_UP_TO));
    let kept = memo(move || short.get() || tl.pinned.get() == Some(index));
    let mounted = memo(move || near.get() || kept.get());
    vis.register(index, near, kept);
    let node = NodeRef::<Div>::new();
    let element: StoredValue<Option<web_sys::Element>, LocalStorage> = StoredValue::new_local(None);
    effect(move || {
        if let Some(el) = node.get() {
            let el: web_sys::Element = el.into();
            vis.observe(&el);
            element.set_value(Some(el));
        }
    });
    on_cleanup(move || {
        vis.unregister(index);
        element.try_with_value(|e| {
            if let Some(e) = e {
                vis.unobserve(e);
            }
        });
    });
    // Rendered: the rows give the height. Not rendered: keep the height it
    // had when it left the screen, or estimate it from rows measured so far.
    effect(move || {
        let on = mounted.get();
        let rows = ids.with(Vec::len);
        let Some(el) = node.get_untracked() else {
            return;
        };
        let style = web_sys::HtmlElement::style(&el);
        if on {
            let _ = style.remove_property("min-height");
        } else if style
            .get_property_value("min-height")
            .unwrap_or_default()
            .is_empty()
        {
            let h = rows as f64 * vis.row_height();
            let _ = style.set_property("min-height", &format!("{h}px"));
        }
    });
    view! {
        <div class="chunk" node_ref=node data-chunk=index.to_string()>
            <Show when=move || mounted.get()>
                {keyed_ids(ids, move |id| {
                    let me = id.clone();
                    let position = memo(move || {
                        index * CHUNK + ids.with(|v| v.iter().position(|x| *x == me).unwrap_or(0))
                    });
                    view! { <EventRow id=id index=position /> }.into_any()
                })}
            </Show>
        </div>
    }
}
