use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::smart::status_change;
use crate::domain::{ItemStatus, RemediationItem};
use crate::ui::memo::memo;
use crate::ui::widgets::{choice_options, Select, TextInput};

use super::field_id;

/// The status. Changing it goes through `smart::status_change`, so the
/// completion date is set when the item is done and cleared when reopened.
#[component]
pub fn StatusSelect(
    item: Memo<RemediationItem>,
    on_change: Callback<RemediationItem>,
    today: NaiveDate,
) -> impl IntoView {
    let item_id = item.with_untracked(|i| i.id.clone());
    let status = memo(move || item.with(|i| i.status));
    let value = memo(move || status.get().slug().to_string());
    let options = choice_options::<ItemStatus>();
    let done_on = memo(move || {
        item.with(|i| {
            i.completed
                .filter(|_| i.status == ItemStatus::Done)
                .map(|d| format!("Done on {d}"))
        })
    });
    view! {
        <div class="status-field">
            <Select
                id=field_id(&item_id, "status")
                label="Status"
                options=options
                value=value.into()
                on_change=Callback::new(move |v: String| {
                    if let Some(s) = ItemStatus::from_slug(&v) {
                        on_change.run(status_change(&item.get_untracked(), s, today));
                    }
                })
            />
            <p class="help done-on">{move || done_on.get()}</p>
        </div>
    }
}

/// What a decision not to do the work needs written down: why, and for an
/// accepted risk, who accepted it. Shown only for those statuses; the text
/// is kept in the item when the status changes back.
#[component]
pub fn DecisionFields(
    item: Memo<RemediationItem>,
    on_change: Callback<RemediationItem>,
) -> impl IntoView {
    let item_id = item.with_untracked(|i| i.id.clone());
    let status = memo(move || item.with(|i| i.status));
    let reason = memo(move || item.with(|i| i.status_reason.clone()));
    let acceptor = memo(move || item.with(|i| i.accepted_by.clone()));
    let update = move |f: &dyn Fn(&mut RemediationItem)| {
        let mut i = item.get_untracked();
        f(&mut i);
        on_change.run(i);
    };
    let (reason_id, acceptor_id) = (
        field_id(&item_id, "status_reason"),
        field_id(&item_id, "accepted_by"),
    );
    move || {
        let label = match status.get() {
            ItemStatus::WontDo => "Why it won't be done",
            ItemStatus::RiskAccepted => "Why the risk is accepted",
            _ => return None,
        };
        let acceptor_field = (status.get() == ItemStatus::RiskAccepted).then(|| {
            view! {
                <TextInput
                    id=acceptor_id.clone()
                    label="Risk accepted by".to_string()
                    placeholder="Name and role"
                    value=acceptor.into()
                    on_change=Callback::new(move |v: String| update(&|i| i.accepted_by = v.clone()))
                />
            }
        });
        Some(view! {
            <div class="decision">
                <TextInput
                    id=reason_id.clone()
                    label=label.to_string()
                    multiline=true
                    value=reason.into()
                    on_change=Callback::new(move |v: String| update(&|i| i.status_reason = v.clone()))
                />
                {acceptor_field}
            </div>
        })
    }
}
