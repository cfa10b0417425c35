use leptos::prelude::*;

use crate::domain::{Edit, Link, ListKind, PostMortem};
use crate::ui::widgets::{Help, LinkRow, RowGroup, RowKind};

static MATERIAL: RowKind<Link> = RowKind {
    kind: ListKind::Materials,
    noun: "material",
    prefix: "material",
    focus: "url",
    add: "material-add",
    list: |d: &PostMortem| &d.evidence.materials,
    edit: Edit::Material,
};

/// Graphs, log searches, documents: supporting material kept as links.
#[component]
pub fn Materials() -> impl IntoView {
    view! {
        <RowGroup
            kind=&MATERIAL
            id="evidence-materials"
            legend="Supporting material"
            help=Help::Guide("Links to graphs, log searches and documents. Link to a saved snapshot where you can: live dashboards change.")
            empty="No material linked yet."
            field="url"
            add_label="Add material"
            row=|id, removed| view! { <LinkRow id=id removed=removed kind=&MATERIAL numbered=true /> }.into_any()
        />
    }
}
