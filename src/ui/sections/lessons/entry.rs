use leptos::prelude::*;

use crate::domain::hints::lesson_key;
use crate::ui::hints::FieldHints;
use crate::ui::memo::{memo, row};
use wasm_bindgen::JsCast;

use super::{kind_slug, kind_title};
use crate::domain::{Cite, Edit, Entry, LessonKind, ListEdit, ListKind, Scope};
use crate::ui::focus::{show_and_focus, when_present};
use crate::ui::state::{new_id, use_editor};
use crate::ui::widgets::{grow, CitePicker};

/// One entry of a lessons list: a one-line textarea that grows as the text
/// wraps. A textarea rather than an input so a long lesson stays readable in
/// full; Enter is taken over to start the next entry, as in an outliner, and
/// Shift+Enter still breaks the line.
#[component]
pub fn LessonEntry(kind: LessonKind, id: String) -> impl IntoView {
    let editor = use_editor();
    let slug = kind_slug(kind);
    let entry = row(editor, ListKind::Lessons(kind), &id, move |d| {
        kind.list(&d.lessons)
    });
    let text = memo(move || entry.with(|e| e.text.clone()));
    let cites = memo(move || entry.with(|e| e.cites.clone()));
    // A changed text keeps the entry's cites: the edit replaces the whole
    // entry, so it is built from the entry as it is.
    let with_text = move |id: &str, text: String| Entry {
        id: id.to_string(),
        text,
        cites: cites.get_untracked(),
    };
    let pid = id.clone();
    let index = memo(move || {
        editor
            .read(Scope::List(ListKind::Lessons(kind)), |d| {
                kind.list(&d.lessons).iter().position(|e| e.id == pid)
            })
            .unwrap_or(0)
    });
    let dom = format!("lesson-{slug}-{id}");
    let title = kind_title(kind);

    let uid = id.clone();
    let on_input = move |ev: leptos::ev::Event| {
        grow(&ev);
        editor.edit(Edit::Lesson(
            kind,
            ListEdit::Update(with_text(&uid, event_target_value(&ev))),
        ));
    };

    let kid = id.clone();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        // Never take a key away from an input method composing a character.
        if ev.is_composing() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let value = area.value();
        match ev.key().as_str() {
            "Enter" if !ev.shift_key() => {
                ev.prevent_default();
                // Split at the caret: what follows it moves to the new entry.
                let start = utf16_to_byte(&value, area.selection_start().ok().flatten());
                let end = utf16_to_byte(&value, area.selection_end().ok().flatten());
                let (start, end) = (start.unwrap_or(value.len()), end.unwrap_or(value.len()));
                let before = value[..start].to_string();
                let after = value[end.max(start)..].to_string();
                editor.seal();
                if before != value {
                    editor.edit(Edit::Lesson(
                        kind,
                        ListEdit::Update(with_text(&kid, before)),
                    ));
                }
                let new = new_id();
                editor.edit(Edit::Lesson(
                    kind,
                    ListEdit::Add(
                        Entry {
                            id: new.clone(),
                            text: after,
                            cites: Vec::new(),
                        },
                        Some(index.get_untracked() + 1),
                    ),
                ));
                editor.seal();
                focus_at(format!("lesson-{slug}-{new}"), Caret::Start);
            }
            "Backspace" if value.is_empty() => {
                ev.prevent_default();
                let at = index.get_untracked();
                let neighbour = editor.peek(|d| {
                    let list = kind.list(&d.lessons);
                    if at > 0 {
                        list.get(at - 1).map(|e| e.id.clone())
                    } else {
                        list.get(1).map(|e| e.id.clone())
                    }
                });
                editor.seal();
                editor.edit(Edit::Lesson(kind, ListEdit::Remove(kid.clone())));
                match neighbour {
                    Some(n) => focus_at(format!("lesson-{slug}-{n}"), Caret::End),
                    None => focus_at(format!("lessons-{slug}-add"), Caret::Start),
                }
            }
            _ => {}
        }
    };

    let rid = id.clone();
    let remove = move |_| {
        let at = index.get_untracked();
        let neighbour = editor.peek(|d| {
            let list = kind.list(&d.lessons);
            list.get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|p| list.get(p)))
                .map(|e| e.id.clone())
        });
        editor.edit(Edit::Lesson(kind, ListEdit::Remove(rid.clone())));
        match neighbour {
            Some(n) => focus_at(format!("lesson-{slug}-{n}"), Caret::End),
            None => focus_at(format!("lessons-{slug}-add"), Caret::Start),
        }
    };

    view! {
        <li class="lesson-entry">
            <label class="visually-hidden" for=dom.clone()>
                {move || format!("{title}, entry {}", index.get() + 1)}
            </label>
            <textarea
                id=dom.clone()
                data-hint-key=lesson_key(kind, &id)
                class="entry-text"
                rows="1"
                prop:value=move || text.get()
                on:input=on_input
                on:keydown=on_keydown
                on:blur=move |_| editor.seal()
            ></textarea>
            <div class="entry-cites">
                <CitePicker
                    id=format!("cites-{dom}")
                    suffix=Signal::derive(move || format!(" of “{title}”, entry {}", index.get() + 1))
                    cites=cites.into()
                    compact=true
                    on_change=Callback::new(move |c: Vec<Cite>| {
                        let mut e = entry.get_untracked();
                        e.cites = c;
                        editor.edit(Edit::Lesson(kind, ListEdit::Update(e)));
                    })
                />
            </div>
            <button
                type="button"
                class="entry-remove"
                aria-label=move || format!("Remove entry {} from “{title}”", index.get() + 1)
                title="Remove"
                on:click=remove
            >
                "×"
            </button>
            <div class="entry-hints">
                <FieldHints key=lesson_key(kind, &id) text=text.into() />
            </div>
        </li>
    }
}

#[derive(Clone, Copy)]
enum Caret {
    Start,
    End,
}

/// Focuses an element once the list has re-rendered, with the caret at the
/// start (a freshly split entry) or the end (back into the previous one).
fn focus_at(id: String, caret: Caret) {
    when_present(id, move |el| {
        if !show_and_focus(el) {
            return;
        }
        if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let at = match caret {
                Caret::Start => 0,
                Caret::End => area.value().encode_utf16().count() as u32,
            };
            let _ = area.set_selection_range(at, at);
        }
    });
}

/// The DOM counts caret positions in UTF-16 units; Rust slices by bytes.
fn utf16_to_byte(s: &str, pos: Option<u32>) -> Option<usize> {
    let pos = pos? as usize;
    let mut units = 0;
    for (byte, ch) in s.char_indices() {
        if units >= pos {
            return Some(byte);
        }
        units += ch.len_utf16();
    }
    Some(s.len())
}
