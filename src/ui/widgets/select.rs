use leptos::prelude::*;

/// A labelled `<select>` over a fixed list of options, each `(value, label)`.
#[component]
pub fn Select(
    id: String,
    #[prop(into)] label: String,
    options: Vec<(String, String)>,
    value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let label_class = if compact { "visually-hidden" } else { "label" };
    view! {
        <div class="field">
            <label class=label_class for=id.clone()>{label}</label>
            <select id=id.clone() on:change=move |ev| on_change.run(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let v2 = v.clone();
                        view! {
                            <option value=v prop:selected=move || value.get() == v2>
                                {l}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
