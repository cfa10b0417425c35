//! Accounts: each participant's telling of the incident, in their words.
//! A review built from several accounts, rather than one narrative, keeps
//! what each person knew and noticed at the time, which a single story
//! smooths away.

mod account_row;

use leptos::prelude::*;

use crate::ui::state::use_editor;
use crate::ui::widgets::Show;
use crate::ui::widgets::{keyed_ids, SectionFrame, UndoNote, UndoNotice};
use account_row::{AccountRow, ACCOUNT};

#[component]
pub fn AccountsSection() -> impl IntoView {
    let editor = use_editor();
    let ids = ACCOUNT.ids(editor);
    let removed = UndoNote::new();
    let add = move |_| ACCOUNT.add_blank(editor, "who");
    view! {
        <SectionFrame slug="accounts" title="Accounts" guide="One account per person who was there, told in their words: what they saw, knew and tried, and why it made sense at the moment. Someone can write theirs in their own copy and merge it in; accounts that differ are both kept.">
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">"No accounts yet."</p>
            </Show>
            <ul class="rows accounts">
                {keyed_ids(ids, move |id| view! { <AccountRow id=id removed=removed /> }.into_any())}
            </ul>
            <UndoNotice note=removed />
            <button type="button" class="add" id="account-add" on:click=add>
                "Add an account"
            </button>
        </SectionFrame>
    }
}
