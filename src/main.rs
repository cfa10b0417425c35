//! Mounts the app; everything else lives in the library.

// The app is single-threaded WebAssembly: talc is smaller in the bundle than
// the standard library's default allocator and no slower here.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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
