use leptos::prelude::*;

use crate::domain::smart::NotSmart;
use crate::ui::focus::focus_now;

use super::field_id;

/// "Not yet SMART" with each reason as a button to the field that fixes it,
/// or a quiet "SMART" once nothing is missing.
#[component]
pub fn SmartMark(item_id: String, reasons: Memo<Vec<NotSmart>>) -> impl IntoView {
    let list_id = field_id(&item_id, "smart");
    move || {
        let found = reasons.get();
        if found.is_empty() {
            return view! {
                <p class="smart ok" data-testid="smart">
                    <span aria-hidden="true">"✓ "</span>
                    "SMART"
                </p>
            }
            .into_any();
        }
        let item_id = item_id.clone();
        view! {
            <div class="smart not" data-testid="not-smart">
                <p class="smart-title" id=list_id.clone()>"Not yet SMART"</p>
                <ul aria-labelledby=list_id.clone()>
                    {found
                        .into_iter()
                        .map(|r| {
                            let target = field_id(&item_id, r.field());
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="link"
                                        on:click=move |_| {
                                            focus_now(&target);
                                        }
                                    >
                                        {r.message()}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
        .into_any()
    }
}
