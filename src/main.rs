//! Mounts the app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    debrief::ui::mount();
}

// The native build only exists for `cargo test` and tooling; the app itself is
// the WebAssembly build.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Debrief runs in the browser: use `make run` to serve it.");
}
