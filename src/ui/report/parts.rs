use leptos::prelude::*;

/// Only http(s) addresses become links; anything else (`javascript:`,
/// `data:`…) is shown as plain text.
pub fn is_web_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("http://")
}

#[component]
pub fn SafeLink(url: String, text: String) -> impl IntoView {
    if is_web_url(&url) {
        view! { <a href=url.trim().to_string() target="_blank" rel="noopener noreferrer">{text}</a> }.into_any()
    } else {
        view! { <span class="inert-link">{text}</span> }.into_any()
    }
}

/// A paragraph of free text under a small heading, left out when empty. Line
/// breaks are kept by CSS (`white-space: pre-wrap`), not by markup.
#[component]
pub fn Para(title: &'static str, text: String) -> impl IntoView {
    (!text.trim().is_empty()).then(|| view! { <h3>{title}</h3> <p class="prose">{text}</p> })
}
