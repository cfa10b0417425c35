use leptos::prelude::*;

use crate::domain::insights::SVG_FILE_STYLE;
use crate::ui::download::download;

/// The drawing as a file of its own. The page's stylesheet stays behind, so
/// the file carries fixed colours in a `<style>` of its own.
fn save_svg(id: &str) -> Result<(), String> {
    let el = document()
        .get_element_by_id(id)
        .ok_or("the chart is not on the page")?;
    let html = el.outer_html();
    let cut = html.find('>').map_or(0, |i| i + 1);
    let text = format!(
        "{}<style>{SVG_FILE_STYLE}</style>{}",
        &html[..cut],
        &html[cut..]
    );
    download(&format!("{id}.svg"), "image/svg+xml", &text)
}

/// One chart: heading, note, drawing, its download and its table.
#[component]
pub fn ChartFrame(
    /// Also the `id` of the `<svg>` inside and the downloaded file's name.
    id: &'static str,
    heading: &'static str,
    #[prop(into)] note: Signal<String>,
    /// The page's message line, for a download that fails.
    error: RwSignal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{id}-h");
    let labelled_by = heading_id.clone();
    view! {
        <section class="insight" aria-labelledby=labelled_by data-chart=id>
            <div class="insight-head">
                <h2 id=heading_id>{heading}</h2>
                <button
                    type="button"
                    class="secondary small"
                    aria-label=format!("Download SVG: {heading}")
                    on:click=move |_| error.set(save_svg(id).err())
                >
                    "Download SVG"
                </button>
            </div>
            <p class="note">{move || note.get()}</p>
            {children()}
        </section>
    }
}
