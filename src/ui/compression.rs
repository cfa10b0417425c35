//! Share links packed and unpacked by the browser's own deflate
//! (`CompressionStream` with "deflate-raw", the format links have always
//! used), so the bundle carries no deflate of its own. Everything around the
//! deflate step is the export floor's (`export::share`).

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::PostMortem;
use crate::export::share::{from_json, link_body, to_link, ShareError, MAX_INFLATED};

// Declared here rather than taken from web-sys, which still puts both behind
// its unstable-API flag. Only the constructors are needed: each object is a
// readable/writable pair handed to `pipeThrough`.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

const FORMAT: &str = "deflate-raw";

/// Why reading a transform's output stopped early.
enum Stop {
    /// The output would pass the limit; the rest was never produced.
    Limit,
    /// The stream failed: for inflating, the input is not deflate data.
    Failed,
}

/// Runs `input` through `transform`, collecting at most `limit` bytes.
async fn pipe(input: &[u8], transform: &JsValue, limit: usize) -> Result<Vec<u8>, Stop> {
    let parts = js_sys::Array::of1(&Uint8Array::from(input));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| Stop::Failed)?;
    let output = blob.stream().pipe_through(transform.unchecked_ref());
    let reader: web_sys::ReadableStreamDefaultReader = output.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| Stop::Failed)?;
        if Reflect::get(&chunk, &"done".into()).is_ok_and(|d| d.is_truthy()) {
            return Ok(bytes);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(|_| Stop::Failed)?
            .unchecked_into();
        let len = value.length() as usize;
        if bytes.len() + len > limit {
            // Stops the inflater: a hostile link never unpacks past the cap.
            let _ = reader.cancel();
            return Err(Stop::Limit);
        }
        let start = bytes.len();
        bytes.resize(start + len, 0);
        value.copy_to(&mut bytes[start..]);
    }
}

/// Raw deflate of `bytes`.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
    let stream = CompressionStream::new(FORMAT).map_err(|_| ShareError::NoCompression)?;
    pipe(bytes, &stream, usize::MAX)
        .await
        .map_err(|_| ShareError::NoCompression)
}

/// Inflates raw-deflate `bytes`, refusing to produce more than `limit` bytes.
pub async fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, ShareError> {
    let stream = DecompressionStream::new(FORMAT).map_err(|_| ShareError::NoCompression)?;
    pipe(bytes, &stream, limit)
        .await
        .map_err(|stop| match stop {
            Stop::Limit => ShareError::InflatedTooLarge,
            Stop::Failed => ShareError::Damaged("not deflate data".into()),
        })
}

/// The fragment (without `#`) for a document's `to_json` bytes.
pub async fn encode(json: &[u8]) -> Result<String, ShareError> {
    to_link(&deflate(json).await?)
}

/// Reads a fragment made by `encode` (or by any earlier build: the format is
/// unchanged). A leading `#` is accepted.
pub async fn decode(fragment: &str) -> Result<PostMortem, ShareError> {
    let packed = link_body(fragment)?;
    from_json(&inflate(&packed, MAX_INFLATED).await?)
}
