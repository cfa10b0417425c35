//! Where the app is, kept in the URL fragment so reload, back and forward
//! work on any static host (the fragment never reaches a server).

use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Library,
    Edit(String),
    /// Open remediation items across every stored post-mortem.
    FollowUps,
    /// Figures across every stored post-mortem (read-only).
    Insights,
    /// The weekly quick review of every post-mortem of one week.
    Review,
    /// A post-mortem carried in the link itself (`#share=v1.…`), shown
    /// read-only. The fragment is never sent to a server.
    Shared(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let h = hash.trim_start_matches('#');
        if let Some(data) = h.strip_prefix("share=") {
            return Route::Shared(data.to_string());
        }
        if h == "/follow-ups" {
            return Route::FollowUps;
        }
        if h == "/insights" {
            return Route::Insights;
        }
        if h == "/review" {
            return Route::Review;
        }
        match h.strip_prefix("/pm/") {
            Some(id) if !id.is_empty() => Route::Edit(decode(id)),
            _ => Route::Library,
        }
    }
    pub fn href(&self) -> String {
        match self {
            Route::Library => "#/".into(),
            Route::Edit(id) => format!("#/pm/{}", js_sys::encode_uri_component(id)),
            Route::FollowUps => "#/follow-ups".into(),
            Route::Insights => "#/insights".into(),
            Route::Review => "#/review".into(),
            // The encoding is base64url behind a `v1.` prefix: already safe in a URL.
            Route::Shared(data) => format!("#share={data}"),
        }
    }
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| s.to_string())
}

pub fn current() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

pub fn go(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}
