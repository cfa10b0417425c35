//! Insights: what the post-mortems in this browser, or in a library file
//! opened for the occasion, say together. The page only reads: nothing on it
//! writes to storage.

mod bars;
mod charts;
mod durations;
mod figure;
mod filters;
mod review;
mod source;
mod svg;
mod table;

use leptos::prelude::*;

use crate::domain::insights::{self as ins, plural, Archive, Filter};
use crate::ui::archive::{on_library_change, read_from};
use crate::ui::download::download;
use crate::ui::route::Route;
use crate::ui::state::use_store;
use crate::ui::top_bar::TopBar;
use crate::ui::tree::{h, Node};
use crate::ui::tz;

use charts::Charts;
use filters::InsightsFilters;
use source::SourcePicker;

pub use review::ReviewPage;

/// Where the figures come from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Browser,
    /// A library file, read into memory only.
    File(String),
}

/// `name: first, second`: a theme and the post-mortems it was found in, each
/// a link to it. Used for tags on the Insights page and for what the weekly
/// review has seen before.
fn places(name: &str, docs: &[ins::DocRef]) -> Node {
    let mut li = h("li")
        .kid(h("span").at("class", "tag-name").text(name))
        .text(": ");
    for (n, d) in docs.iter().enumerate() {
        if n > 0 {
            li = li.text(", ");
        }
        li = li.kid(
            h("a")
                .at("href", Route::Edit(d.id.clone()).href())
                .text(d.title.clone()),
        );
    }
    li.into()
}

/// The reader's zone offset at any instant, from the browser's own rules.
pub fn zone_fn() -> impl Fn(chrono::DateTime<chrono::Utc>) -> i32 {
    let zone = tz::browser_zone();
    move |t| tz::offset_minutes(&zone, t).unwrap_or(0)
}

#[component]
pub fn InsightsPage() -> impl IntoView {
    let archive = RwSignal::new(Archive::default());
    let source = RwSignal::new(Source::Browser);
    let error = RwSignal::new(None::<String>);
    // Looked up here: `refresh` also runs from a storage event, outside the
    // component tree, where no context can be found.
    let store = use_store();
    let refresh = move || {
        if source.get_untracked() != Source::Browser {
            return;
        }
        match read_from(store) {
            Ok(a) => archive.set(a),
            Err(e) => error.set(Some(e)),
        }
    };
    refresh();
    on_library_change(Box::new(refresh));

    let filter = RwSignal::new(Filter::default());
    let today = tz::today();
    // Every input change is a real change here, so the figures are never
    // compared with the previous ones: that comparison would cost more
    // download than it saves in drawing.
    let figures = Memo::new_with_compare(
        move |_| {
            let zone = zone_fn();
            archive.with(|a| filter.with(|f| ins::insights(a, f, &zone, today)))
        },
        |_, _| true,
    );
    let save_markdown = move |_| {
        let zone = zone_fn();
        let md = figures.with(|i| filter.with(|f| crate::export::insights::markdown(i, f, &zone)));
        error.set(download("insights.md", "text/markdown", &md).err());
    };
    let empty = move || archive.with(|a| ins::real(&a.docs).next().is_none());
    let back = Callback::new(move |()| {
        source.set(Source::Browser);
        refresh();
    });

    view! {
        <div class="insights-page">
            <TopBar links=vec![Route::Library, Route::FollowUps, Route::Review] />
            <main id="main" class="library-main insights">
                <h1>"Insights"</h1>
                <p class="lede">
                    "Patterns across the post-mortems. Durations show as medians and spreads: a few long incidents make an average mislead."
                </p>
                <SourcePicker source=source archive=archive error=error back=back />
                <p class="error" role="alert">{move || error.get()}</p>
                <p class="warning" data-testid="insights-left-out">{move || figures.with(ins::left_out)}</p>
                <p class="summary-line" data-testid="insights-summary">
                    {move || figures.with(ins::summary)}
                </p>
                // Hidden rather than left out, so the filters keep their
                // state while another tab adds the first post-mortem.
                <p class="empty" prop:hidden=move || !empty()>
                    "No post-mortems to learn from yet. Once a few are written, their patterns show here."
                </p>
                <div prop:hidden=empty>
                    <InsightsFilters filter=filter archive=archive />
                    <p class="actions">
                        <button type="button" class="secondary" on:click=save_markdown>"Download Insights as Markdown"</button>
                    </p>
                    <Charts figures=figures error=error />
                </div>
            </main>
        </div>
    }
}
