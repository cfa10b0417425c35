use leptos::prelude::*;

use crate::domain::{Edit, Link, ListKind, PostMortem};
use crate::ui::widgets::{LinkRow, RowGroup, RowKind};

static LINK: RowKind<Link> = RowKind {
    kind: ListKind::Links,
    noun: "link",
    prefix: "link",
    focus: "url",
    add: "link-add",
    list: |d: &PostMortem| &d.context.links,
    edit: Edit::Link,
};

/// Tickets, chat channels, dashboards, logs, merge requests, CI runs.
#[component]
pub fn Links() -> impl IntoView {
    view! {
        <RowGroup
            kind=&LINK
            id="context-links"
            legend="Links"
            empty="No links yet: tickets, the chat channel, dashboards, logs, merge requests."
            field="url"
            add_label="Add link"
            row=|id, removed| view! { <LinkRow id=id removed=removed kind=&LINK /> }.into_any()
        />
    }
}
