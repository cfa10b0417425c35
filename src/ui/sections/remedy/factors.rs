use leptos::prelude::*;

use crate::domain::{ListKind, RemediationItem, Scope};
use crate::ui::state::use_editor;

use super::field_id;

/// The contributing factors an item answers, ticked from the factors named
/// under Reason: linked by id, so rewording a factor never breaks the link
/// and nothing is typed twice.
#[component]
pub fn FactorLinks(
    item: Memo<RemediationItem>,
    on_change: Callback<RemediationItem>,
) -> impl IntoView {
    let editor = use_editor();
    let factors = Memo::new(move |_| {
        editor.track(Scope::List(ListKind::Factors));
        editor.read(Scope::Rows(ListKind::Factors), |d| {
            d.reason
                .factors
                .iter()
                .map(|f| {
                    (
                        f.id.clone(),
                        f.description.trim().to_string(),
                        f.category.label(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let item_id = item.with_untracked(|i| i.id.clone());
    let group_id = field_id(&item_id, "factors");
    view! {
        <fieldset class="factor-links" id=group_id>
            <legend>"Answers these contributing factors"</legend>
            <Show
                when=move || !factors.with(Vec::is_empty)
                fallback=|| view! {
                    <p class="help">"No contributing factors yet. Name them under Reason, then tick the ones this item answers."</p>
                }
            >
                <ul class="checks">
                    <For
                        each=move || factors.get()
                        key=|f| f.clone()
                        children={
                            let item_id = item_id.clone();
                            move |(fid, description, category)| {
                                let box_id = field_id(&item_id, &format!("factor-{fid}"));
                                let f1 = fid.clone();
                                let f2 = fid.clone();
                                let checked = Memo::new(move |_| item.with(|i| i.factor_ids.contains(&f1)));
                                let text = if description.is_empty() {
                                    "A factor not described yet".to_string()
                                } else {
                                    description
                                };
                                view! {
                                    <li>
                                        <input
                                            type="checkbox"
                                            id=box_id.clone()
                                            prop:checked=move || checked.get()
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let mut i = item.get_untracked();
                                                i.factor_ids.retain(|x| *x != f2);
                                                if on {
                                                    i.factor_ids.push(f2.clone());
                                                }
                                                on_change.run(i);
                                            }
                                        />
                                        <label for=box_id>
                                            <span class="factor-text">{text}</span>
                                            <span class="factor-cat">{category}</span>
                                        </label>
                                    </li>
                                }
                            }
                        }
                    />
                </ul>
            </Show>
        </fieldset>
    }
}
