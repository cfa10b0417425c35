use leptos::prelude::*;

use super::Guide;

/// One section of the document: its heading (a target for the contents and
/// for "jump to" links, hence focusable) and its guidance, then whatever the
/// section holds. Every section is addressed the same way, `section-<slug>`
/// and `h-<slug>`, so navigation and tests derive both from the slug.
#[component]
pub fn SectionFrame(
    slug: &'static str,
    title: &'static str,
    /// One sentence shown, the rest behind "More".
    guide: &'static str,
    /// Extra classes beside `section`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let heading = format!("h-{slug}");
    let labelled_by = heading.clone();
    view! {
        <section
            class=if class.is_empty() { "section".to_string() } else { format!("section {class}") }
            id=format!("section-{slug}")
            aria-labelledby=labelled_by
        >
            <header class="section-head">
                <h2 id=heading tabindex="-1">{title}</h2>
                <Guide text=guide />
            </header>
            {children()}
        </section>
    }
}
