use leptos::prelude::*;

use super::factor_row::FactorRow;
use super::reorder::Reorder;
use crate::domain::{Edit, Factor, ListEdit, ListKind, Scope};
use crate::ui::focus::focus_soon;
use crate::ui::memo::memo;
use crate::ui::state::{new_id, use_editor};
use crate::ui::widgets::Show;
use crate::ui::widgets::{keyed_ids, Guide, UndoNote, UndoNotice};

/// Contributing factors: several, each with a category, in the order the
/// team finds most telling. Reordered by keyboard, buttons or drag and drop.
#[component]
pub fn Factors() -> impl IntoView {
    let editor = use_editor();
    let ids = memo(move || {
        editor.read(Scope::List(ListKind::Factors), |d| {
            d.reason
                .factors
                .iter()
                .map(|f| f.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let reorder = Reorder {
        dragging: RwSignal::new(None),
        over: RwSignal::new(None),
        announce: RwSignal::new(String::new()),
        removed: UndoNote::new(),
    };
    let add = move |_| {
        let id = new_id();
        editor.edit(Edit::Factor(ListEdit::Add(
            Factor {
                id: id.clone(),
                ..Factor::default()
            },
            None,
        )));
        focus_soon(format!("factor-{id}-description"));
    };
    view! {
        <fieldset class="group" id="reason-factors">
            <legend>"Contributing factors"</legend>
            <Guide class="help" id="factors-why" text="There is no single root cause to find here. Incidents in complex systems come from several conditions lining up, each harmless on its own; stopping at one cause ends the search early and tends to land on a person. List every condition that played a part. A person is never a factor: the situation they were in may be." />
            <p class="help" id="factors-keys">
                "Reorder with the Move buttons, with Alt+Arrow Up or Down inside a factor, or by dragging its handle."
            </p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">"No contributing factors yet."</p>
            </Show>
            <ol class="rows factors">
                {keyed_ids(ids, move |id| view! { <FactorRow id=id reorder=reorder /> }.into_any())}
            </ol>
            <p class="visually-hidden" role="status">{move || reorder.announce.get()}</p>
            <UndoNotice note=reorder.removed />
            <button type="button" class="add" id="factors-add" on:click=add>
                "Add contributing factor"
            </button>
        </fieldset>
    }
}
