//! The Context section: what happened, how bad, when, to whom, who responded.

mod people;
mod times;

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::domain::completeness::can_close;
use crate::domain::edit::{Number, Strings};
use crate::domain::insights::tags_seen;
use crate::domain::{
    optional_slug, Edit, Field, Link, ListKind, PostMortem, Scope, Severity, Status,
};
use crate::ui::archive::{use_stored_archive, TAG_SUGGESTIONS};
use crate::ui::memo::memo;
use crate::ui::state::use_editor;
use crate::ui::widgets::{
    choice_options, dom_id, optional_options, Chips, Help, LinkRow, NumberInput, RowGroup, RowKind,
    SectionFrame, SeenBefore, Select, TextField,
};

use people::{PersonRow, PERSON};
pub use times::Times;

static LINK: RowKind<Link> = RowKind {
    kind: ListKind::Links,
    noun: "link",
    prefix: "link",
    focus: "url",
    add: "link-add",
    list: |d: &PostMortem| &d.context.links,
    edit: Edit::Link,
};

#[component]
pub fn ContextSection() -> impl IntoView {
    let editor = use_editor();
    let close_refused = RwSignal::new(None::<String>);
    let status = memo(move || editor.read(Scope::Status, |d| d.context.status.slug().to_string()));
    let severity = memo(move || {
        editor.read(Scope::Severity, |d| {
            optional_slug(d.context.severity).to_string()
        })
    });
    let services = memo(move || {
        editor.read(Scope::Strings(Strings::Services), |d| {
            d.context.services.clone()
        })
    });
    let tags = memo(move || editor.read(Scope::Strings(Strings::Tags), |d| d.context.tags.clone()));
    // The post-mortem's tags in other stored post-mortems.
    let stored = use_stored_archive();
    let doc_id = editor.peek(|d| d.id.clone());
    let seen = memo(move || {
        let tags = tags.get();
        stored
            .and_then(|s| s.archive.try_with(|a| tags_seen(&tags, &doc_id, &a.docs)))
            .unwrap_or_default()
    });
    let users = memo(move || {
        editor.read(Scope::Number(Number::UsersAffected), |d| {
            d.context.impact.users_affected
        })
    });
    let requests = memo(move || {
        editor.read(Scope::Number(Number::RequestsFailed), |d| {
            d.context.impact.requests_failed
        })
    });

    let status_options = choice_options::<Status>();
    let severity_options = optional_options::<Severity>("Not set yet");

    view! {
        <SectionFrame slug="context" title="Context" guide="The facts a reader needs first: what happened, how bad it was, when, and who was involved.">
            <TextField field=Field::Title label="Title" wraps=true placeholder="e.g. Checkout errors after certificate rotation" />
            <TextField
                field=Field::Summary
                label="Summary"
                multiline=true
                help="One paragraph a busy reader can stop after."
            />
            <div class="row">
                <Select
                    id="context-status".into()
                    label="Status"
                    options=status_options
                    value=status.into()
                    on_change=Callback::new(move |v: String| {
                        let Some(s) = Status::from_slug(&v) else {
                            return;
                        };
                        // Closed means every follow-up is done or dropped.
                        let refused = if s == Status::Closed { editor.peek(can_close).err() } else { None };
                        match refused {
                            Some(why) => {
                                close_refused.set(Some(why));
                                // The list still shows "Closed": put the real status back.
                                if let Some(el) = document()
                                    .get_element_by_id("context-status")
                                    .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
                                {
                                    el.set_value(&status.get_untracked());
                                }
                            }
                            None => {
                                close_refused.set(None);
                                editor.edit(Edit::Status(s));
                            }
                        }
                    })
                />
                <Select
                    id="context-severity".into()
                    label="Severity"
                    options=severity_options
                    value=severity.into()
                    on_change=Callback::new(move |v: String| {
                        editor.edit(Edit::Severity(Severity::from_slug(&v)));
                    })
                />
            </div>
            <p class="warning" role="status" data-testid="close-refused">{move || close_refused.get()}</p>
            <Times />
            <Chips
                id=dom_id("context.services")
                label="Systems and services affected"
                noun="service"
                values=services.into()
                on_change=Callback::new(move |v| editor.edit(Edit::Strings(Strings::Services, v)))
            />
            <fieldset class="group">
                <legend>"Customer impact"</legend>
                <TextField
                    field=Field::ImpactDescription
                    label="In words"
                    multiline=true
                    help="What customers saw and could not do."
                />
                <div class="row">
                    <NumberInput
                        id=dom_id("context.impact.users_affected")
                        label="Users affected"
                        value=users.into()
                        on_change=Callback::new(move |v| editor.edit(Edit::Number(Number::UsersAffected, v)))
                    />
                    <NumberInput
                        id=dom_id("context.impact.requests_failed")
                        label="Requests failed"
                        value=requests.into()
                        on_change=Callback::new(move |v| editor.edit(Edit::Number(Number::RequestsFailed, v)))
                    />
                </div>
                <TextField field=Field::RevenueSla label="Revenue or SLA impact" placeholder="e.g. 41 minutes against a 99.9% monthly SLA" />
            </fieldset>
            <TextField
                field=Field::Detection
                label="How it was detected"
                multiline=true
                help="An alert, a customer report, someone noticing a graph…"
            />
            // Their role in the response also stands in for their name in an
            // anonymised export.
            <RowGroup kind=&PERSON id="context-people" legend="People" field="name" add_label="Add person"
                help=Help::UntilWritten("Who wrote this up, who runs the review, and everyone who took part in the response.")
                row=|id, removed| view! { <PersonRow id=id removed=removed /> }.into_any() />
            <Chips
                id=dom_id("context.tags")
                label="Tags"
                noun="tag"
                suggestions=TAG_SUGGESTIONS
                values=tags.into()
                on_change=Callback::new(move |v| editor.edit(Edit::Strings(Strings::Tags, v)))
            />
            <SeenBefore seen=seen id="context-tags-seen" />
            <RowGroup kind=&LINK id="context-links" legend="Links" field="url" add_label="Add link"
                empty="No links yet: tickets, the chat channel, dashboards, logs, merge requests."
                row=|id, removed| view! { <LinkRow id=id removed=removed kind=&LINK /> }.into_any() />
        </SectionFrame>
    }
}
