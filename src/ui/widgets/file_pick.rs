use leptos::prelude::*;

/// A file picker: a button-like label over a visually hidden
/// `<input type="file">`, so it looks like the app's other buttons and still
/// opens the browser's own dialog from the keyboard. Without a `label` the
/// input is opened from elsewhere (a menu item clicks it) and is named by
/// `aria_label`. The input is emptied after each pick, so picking the same
/// file again is heard again.
#[component]
pub fn FilePick(
    id: &'static str,
    /// File types offered first by the dialog.
    accept: &'static str,
    #[prop(optional)] label: Option<&'static str>,
    #[prop(optional)] aria_label: Option<&'static str>,
    #[prop(optional)] described_by: Option<&'static str>,
    #[prop(optional)] multiple: bool,
    on_files: Callback<Option<web_sys::FileList>>,
) -> impl IntoView {
    view! {
        <input
            id=id
            class="visually-hidden"
            type="file"
            accept=accept
            multiple=multiple
            tabindex=label.is_none().then_some("-1")
            aria-label=aria_label
            aria-describedby=described_by
            on:change=move |ev| {
                let input: web_sys::HtmlInputElement = event_target(&ev);
                on_files.run(input.files());
                input.set_value("");
            }
        />
        // After the input, so the input's keyboard focus can ring it
        // (`input:focus-visible + .button-like`).
        {label.map(|l| view! { <label class="button-like" for=id>{l}</label> })}
    }
}
