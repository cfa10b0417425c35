use leptos::prelude::*;

use crate::domain::edit::Date;
use crate::domain::{Edit, Scope};
use crate::ui::memo::memo;
use crate::ui::state::use_editor;
use crate::ui::widgets::DateInput;
use crate::ui::widgets::Show;

/// "We don't know the remedy yet": an honest answer rather than a gap, as
/// long as there is a date to come back to it.
#[component]
pub fn UnknownRemedy() -> impl IntoView {
    let editor = use_editor();
    let unknown = memo(move || editor.read(Scope::RemedyUnknown, |d| d.remedy.unknown));
    let next = memo(move || editor.read(Scope::Date(Date::NextReview), |d| d.remedy.next_review));
    view! {
        <div class="remedy-unknown">
            <label class="check">
                <input
                    type="checkbox"
                    id="remedy-unknown"
                    prop:checked=move || unknown.get()
                    on:change=move |ev| editor.edit(Edit::RemedyUnknown(event_target_checked(&ev)))
                />
                <span>"We don't know the remedy yet — investigation continues"</span>
            </label>
            <Show when=move || unknown.get()>
                <p class="help">
                    "Until then this section counts as complete, as long as there is a date to look at it again. Items the team already agreed on can still be listed below."
                </p>
                <div class="row">
                    <DateInput
                        id="remedy-next_review".to_string()
                        label="Next review"
                        value=next.into()
                        on_change=Callback::new(move |v| editor.edit(Edit::Date(Date::NextReview, v)))
                    />
                </div>
                <p class="warning" role="status">
                    {move || next.get().is_none().then_some("Set a date to review the investigation again.")}
                </p>
            </Show>
        </div>
    }
}
