use leptos::prelude::*;

use crate::domain::insights::SeenIn;
use crate::ui::route::Route;
use crate::ui::tree::{h, tree_view, Node};

/// "Seen before in: …" under a factor or the post-mortem's tags: the other
/// post-mortems that carry those tags, each a link, with the shared tags
/// beside it. Nothing when none do.
#[component]
pub fn SeenBefore(
    #[prop(into)] seen: Signal<Vec<SeenIn>>,
    #[prop(into)] id: String,
) -> impl IntoView {
    tree_view(move || {
        let list = seen.get();
        if list.is_empty() {
            return Node::List(Vec::new());
        }
        let mut p = h("p")
            .at("class", "seen-before")
            .at("id", id.clone())
            .at("data-testid", "seen-before")
            .text("Seen before in: ");
        for (i, s) in list.into_iter().enumerate() {
            if i > 0 {
                p = p.text("; ");
            }
            let why = if s.same_category {
                format!(" ({}, same category)", s.tags.join(", "))
            } else {
                format!(" ({})", s.tags.join(", "))
            };
            p = p
                .kid(
                    h("a")
                        .at("href", Route::Edit(s.doc.id).href())
                        .text(s.doc.title),
                )
                .kid(h("span").at("class", "seen-tags").text(why));
        }
        p.into()
    })
}
