use leptos::prelude::*;

use crate::ui::memo::memo;

use crate::domain::{Account, Edit, PostMortem, Prompt};
use crate::ui::widgets::{DateInput, Entry, Line, ListRow, RowKind, TextPart, UndoNote};

pub(super) static ACCOUNT: RowKind<Account> = RowKind {
    kind: crate::domain::ListKind::Accounts,
    noun: "account",
    prefix: "account",
    focus: "who",
    add: "account-add",
    list: |d: &PostMortem| &d.accounts,
    edit: Edit::Account,
};

static WHO: TextPart<Account> =
    TextPart::<Account>::new("who", "Whose account", |a| &a.who, |a| &mut a.who)
        .placeholder("A name, or a role");
static TEXT: TextPart<Account> =
    TextPart::<Account>::new("text", "The account", |a| &a.text, |a| &mut a.text)
        .placeholder("What happened, as they tell it")
        .multiline();

/// The interview prompts, as rows of the same table: asked in this order.
static PROMPTS: [TextPart<Account>; 5] = [
    TextPart::<Account>::new(
        Prompt::Saw.slug(),
        Prompt::Saw.label(),
        |a| Prompt::Saw.get(a),
        |a| Prompt::Saw.get_mut(a),
    )
    .multiline(),
    TextPart::<Account>::new(
        Prompt::Knew.slug(),
        Prompt::Knew.label(),
        |a| Prompt::Knew.get(a),
        |a| Prompt::Knew.get_mut(a),
    )
    .multiline(),
    TextPart::<Account>::new(
        Prompt::Tried.slug(),
        Prompt::Tried.label(),
        |a| Prompt::Tried.get(a),
        |a| Prompt::Tried.get_mut(a),
    )
    .multiline(),
    TextPart::<Account>::new(
        Prompt::Surprised.slug(),
        Prompt::Surprised.label(),
        |a| Prompt::Surprised.get(a),
        |a| Prompt::Surprised.get_mut(a),
    )
    .multiline(),
    TextPart::<Account>::new(
        Prompt::Hard.slug(),
        Prompt::Hard.label(),
        |a| Prompt::Hard.get(a),
        |a| Prompt::Hard.get_mut(a),
    )
    .multiline(),
];

/// One person's account: whose, when, their words, and the interview
/// prompts (folded away until wanted, open when any has an answer).
#[component]
pub fn AccountRow(id: String, removed: UndoNote) -> impl IntoView {
    let row = ListRow::new(&id, &ACCOUNT);
    let given = memo(move || row.item.with(|a| a.given));
    let read = Signal::derive(move || {
        row.item.with(|a| {
            let first = a
                .text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .or_else(|| {
                    Prompt::ALL
                        .iter()
                        .map(|p| p.get(a).trim())
                        .find(|t| !t.is_empty())
                })
                .unwrap_or("")
                .to_string();
            let answered = Prompt::ALL
                .iter()
                .filter(|p| !p.get(a).trim().is_empty())
                .count();
            // Whose account stands beside it; when, and how much of the
            // interview it answers, on the quieter line under it.
            let mut detail: Vec<String> = Vec::new();
            if let Some(d) = a.given {
                detail.push(crate::domain::datefmt::day_month_year(d));
            }
            if answered > 0 {
                detail.push(format!("{answered} of 5 prompts answered"));
            }
            Line {
                lead: format!("{}.", row.index.get() + 1),
                text: first,
                empty: "Nothing written yet",
                detail: detail.join(" · "),
                meta: a.who.trim().to_string(),
                ..Line::default()
            }
        })
    });
    let any_prompt = memo(move || {
        row.item
            .with(|a| Prompt::ALL.iter().any(|p| !p.get(a).trim().is_empty()))
    });
    let fields = move || {
        view! {
            <div class="row-item-fields">
                {row.text(&WHO, None)}
                <DateInput
                    id=row.dom_id("given")
                    label="Given on"
                    value=given.into()
                    on_change=Callback::new(move |d| row.update(&|a| a.given = d))
                />
                {row.text(&TEXT, None)}
                <details class="span-all prompts" open=any_prompt.get_untracked()>
                    <summary>"Interview prompts"</summary>
                    <div class="prompt-fields">
                        {PROMPTS.iter().map(|p| row.text(p, None)).collect_view()}
                    </div>
                </details>
                {row.remove_button(removed)}
            </div>
        }
    };
    view! {
        <li class="row-item account">
            <Entry
                prefix=row.entry_prefix()
                key=format!("account.{id}")
                first=row.first_field()
                name=row.name()
                read=read
            >
                {fields()}
            </Entry>
        </li>
    }
}
