use leptos::prelude::*;

use crate::ui::route::Route;

/// What a view is called in the bar's links.
fn name(route: &Route) -> &'static str {
    match route {
        Route::FollowUps => "Follow-ups",
        Route::Insights => "Insights",
        Route::Review => "Weekly review",
        _ => "All post-mortems",
    }
}

/// The bar on top of the pages that read across post-mortems: the name,
/// which leads back to the library, and links to the other views.
#[component]
pub fn TopBar(
    /// The views linked from here, in order.
    links: Vec<Route>,
    /// Anything more at the end of the bar (the settings menu).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <header class="topbar">
            <a class="brand" href=Route::Library.href() aria-label="Debrief: all post-mortems">"Debrief"</a>
            <nav class="tools" aria-label="Views">
                {links
                    .into_iter()
                    .map(|r| view! { <a class="top-link" href=r.href()>{name(&r)}</a> })
                    .collect_view()}
                {children.map(|c| c())}
            </nav>
        </header>
    }
}
