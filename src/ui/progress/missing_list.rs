use leptos::prelude::*;

use super::{focus_key, use_completeness};
use crate::domain::completeness::Missing;
use crate::domain::Edit;
use crate::ui::memo::memo;
use crate::ui::sections::{label, slug};
use crate::ui::state::use_editor;
use crate::ui::widgets::keyed;
use crate::ui::widgets::Show;

/// The overall figure, what the template still needs, and, quieter, the
/// optional prompts still empty: both in document order.
#[component]
pub fn MissingList() -> impl IntoView {
    let c = use_completeness(use_editor());
    let needs = memo(move || c.with(|c| c.needs().cloned().collect::<Vec<_>>()));
    let suggestions = memo(move || c.with(|c| c.suggestions().cloned().collect::<Vec<_>>()));
    view! {
        <div class="progress-panel">
            <p class="overall">
                <span class="figure" data-testid="completeness">{move || format!("{}%", c.with(|c| c.percent))}</span>
                " complete"
                {move || {
                    let n = c.with(|c| c.non_smart);
                    (n > 0).then(|| format!(" · {n} item{} not yet SMART", if n == 1 { "" } else { "s" }))
                }}
            </p>
            <meter min="0" max="100" value=move || c.with(|c| c.percent) aria-label="Completeness"></meter>
            <Gaps items=needs class="missing" title="What is missing" />
            <Gaps items=suggestions class="missing worth" title="Worth a look" />
        </div>
    }
}

/// One disclosure of gaps, each a button that jumps to its field.
#[component]
fn Gaps(items: Memo<Vec<Missing>>, class: &'static str, title: &'static str) -> impl IntoView {
    let editor = use_editor();
    let folds = crate::ui::sections::fold::use_folds();
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <details class=class>
                <summary>{move || format!("{title} ({})", items.with(Vec::len))}</summary>
                <ul>
                    {keyed(items, |m| m.field_key.clone(), move |m| {
                            let (key, section) = (m.field_key.clone(), m.section);
                            let shown = move || editor.read(crate::domain::Scope::Sections, |d| d.sections.contains(&section));
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="link"
                                        on:click=move |_| {
                                            if !shown() {
                                                editor.edit(Edit::ShowSection(section, true));
                                            }
                                            if let Some(f) = folds {
                                                f.open(section);
                                            }
                                            let (k, s) = (key.clone(), slug(section));
                                            leptos::prelude::set_timeout(move || focus_key(&k, s), std::time::Duration::from_millis(0));
                                        }
                                    >
                                        {m.label.clone()}
                                    </button>
                                    <span class="where">{label(section)}</span>
                                </li>
                            }
                            .into_any()
                        })}
                </ul>
            </details>
        </Show>
    }
}
