use leptos::prelude::*;

use crate::domain::insights::SeenIn;
use crate::ui::route::Route;

/// "Seen before in: …" under a factor or the post-mortem's tags: the other
/// post-mortems that carry those tags, each a link, with the shared tags
/// beside it. Nothing when none do.
#[component]
pub fn SeenBefore(
    #[prop(into)] seen: Signal<Vec<SeenIn>>,
    #[prop(into)] id: String,
) -> impl IntoView {
    move || {
        let list = seen.get();
        (!list.is_empty()).then(|| {
            let count = list.len();
            view! {
                <p class="seen-before" id=id.clone() data-testid="seen-before">
                    "Seen before in: "
                    {list
                        .into_iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let why = if s.same_category {
                                format!(" ({}, same category)", s.tags.join(", "))
                            } else {
                                format!(" ({})", s.tags.join(", "))
                            };
                            view! {
                                <a href=Route::Edit(s.doc.id.clone()).href()>{s.doc.title}</a>
                                <span class="seen-tags">{why}</span>
                                {(i + 1 < count).then_some("; ")}
                            }
                        })
                        .collect_view()}
                </p>
            }
        })
    }
}
