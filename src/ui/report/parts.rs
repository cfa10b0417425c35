use leptos::prelude::*;

use crate::export::tickets::http_url;

/// Only http(s) addresses become links (the same rule as every export);
/// anything else (`javascript:`, `data:`…) is shown as plain text.
#[component]
pub fn SafeLink(url: String, text: String) -> impl IntoView {
    match http_url(&url) {
        Some(href) => {
            view! { <a href=href.to_string() target="_blank" rel="noopener noreferrer">{text}</a> }
                .into_any()
        }
        None => view! { <span class="inert-link">{text}</span> }.into_any(),
    }
}

/// A paragraph of free text under a small heading, left out when empty. Line
/// breaks are kept by CSS (`white-space: pre-wrap`), not by markup.
#[component]
pub fn Para(title: &'static str, text: String) -> impl IntoView {
    (!text.trim().is_empty()).then(|| view! { <h3>{title}</h3> <p class="prose">{text}</p> })
}
