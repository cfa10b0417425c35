use leptos::prelude::*;

use crate::ui::widgets::Show;

/// A quiet offer to switch to a newly deployed version. The service worker
/// (public/register-sw.js) announces a waiting version; nothing changes until
/// the person agrees, and drafts live in storage, so reloading loses nothing
/// (the pending save is flushed on `pagehide`).
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(
        document()
            .document_element()
            .and_then(|e| e.get_attribute("data-update-ready"))
            .is_some(),
    );
    let handle = window_event_listener_untyped("debrief:update-ready", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    let apply = move |_| {
        if let Ok(ev) = web_sys::Event::new("debrief:apply-update") {
            let _ = window().dispatch_event(&ev);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="banner info" role="status" data-testid="update-ready">
                <p>"A new version of Debrief is ready. Your drafts stay as they are."</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=apply>"Reload to update"</button>
                </div>
            </div>
        </Show>
    }
}
