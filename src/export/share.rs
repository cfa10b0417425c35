//! Share links without a server: the post-mortem travels in the URL fragment
//! (`#v1.…`), which browsers never send to any server.
//!
//! Format `v1.` + base64url (no padding) of the raw-deflated compact JSON.
//! The version prefix lets a later build change the encoding and still read
//! old links. Decoding treats the fragment as hostile: its length, the size it
//! inflates to and the document inside are all checked before use.
//!
//! The deflate step itself is not here: the browser already ships one
//! (`CompressionStream`), so bundling a second would only add download size.
//! This floor does everything around it, in pure and natively tested steps:
//! `to_json` → deflate → `to_link`, and `link_body` → inflate (at most
//! `MAX_INFLATED` bytes) → `from_json`.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::domain::{migrate, LoadError, PostMortem};

/// Prefix of the current encoding.
pub const PREFIX: &str = "v1.";
/// Longest fragment `encode` produces (and `decode` accepts). Browsers take
/// far longer URLs, but chat tools and mail clients start cutting them around
/// here, and a cut link is worse than a clear "too large, export a file".
pub const MAX_LINK: usize = 32_000;
/// Most bytes a fragment may inflate to: far above any real post-mortem that
/// fits `MAX_LINK`, far below what would hurt a browser tab (a zip bomb).
pub const MAX_INFLATED: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The link would be (or is) longer than `MAX_LINK` characters.
    TooLarge { len: usize },
    /// Inflating would exceed `MAX_INFLATED` bytes.
    InflatedTooLarge,
    /// No version prefix, or one this build does not know.
    UnknownFormat,
    /// Not valid base64url or not valid deflate data: the link was cut or
    /// altered on the way.
    Damaged(String),
    /// The data is intact but is not a sound post-mortem.
    Invalid(LoadError),
    /// This browser cannot deflate or inflate (no `CompressionStream`).
    NoCompression,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLarge { len } => write!(
                f,
                "This post-mortem is too large for a link ({len} characters; at most {MAX_LINK}). Export it as a file and share that instead."
            ),
            ShareError::InflatedTooLarge => write!(
                f,
                "This link unpacks to more than {} MB, more than any post-mortem link holds, so it was not opened.",
                MAX_INFLATED / (1024 * 1024)
            ),
            ShareError::UnknownFormat => write!(
                f,
                "This is not a Debrief share link, or it was made by a newer version of Debrief."
            ),
            ShareError::Damaged(why) => write!(
                f,
                "This share link is damaged ({why}); it may have been cut off when it was copied. Ask for the link again."
            ),
            ShareError::Invalid(e) => write!(f, "This share link holds a post-mortem that cannot be opened: {e}"),
            ShareError::NoCompression => write!(
                f,
                "This browser cannot pack or unpack share links. Use a current browser, or share the JSON file instead."
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// Links longer than this are cut by many chat tools and mail clients.
pub const CHAT_SAFE_LINK: usize = 2_000;

/// What to say about a link's length once it is made: how long it is, and,
/// past what chat tools carry whole, that the file travels better.
pub fn length_advice(link_chars: usize) -> String {
    let n = super::markdown::number(link_chars as u64);
    if link_chars > CHAT_SAFE_LINK {
        format!(
            "The link is {n} characters long. Many chat tools cut links past about 2,000 characters, so sending the JSON file (Download JSON) is safer; the link still works wherever it arrives whole."
        )
    } else {
        format!("The link is {n} characters long, short enough for chat.")
    }
}

/// The bytes a link carries before deflating: the document's compact JSON.
pub fn to_json(doc: &PostMortem) -> Result<Vec<u8>, ShareError> {
    serde_json::to_vec(doc).map_err(|e| ShareError::Damaged(e.to_string()))
}

/// The fragment (without `#`) for `deflated` (raw deflate of `to_json`), or
/// `TooLarge` past `MAX_LINK`.
pub fn to_link(deflated: &[u8]) -> Result<String, ShareError> {
    let mut out = String::with_capacity(PREFIX.len() + deflated.len() * 4 / 3 + 4);
    out.push_str(PREFIX);
    URL_SAFE_NO_PAD.encode_string(deflated, &mut out);
    if out.len() > MAX_LINK {
        return Err(ShareError::TooLarge { len: out.len() });
    }
    Ok(out)
}

/// The deflated bytes inside a fragment made by `to_link`. A leading `#` is
/// accepted, so the caller can pass `location.hash` as it is.
pub fn link_body(fragment: &str) -> Result<Vec<u8>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    if fragment.len() > MAX_LINK {
        return Err(ShareError::TooLarge {
            len: fragment.len(),
        });
    }
    let body = fragment
        .strip_prefix(PREFIX)
        .ok_or(ShareError::UnknownFormat)?;
    URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|e| ShareError::Damaged(format!("not base64url: {e}")))
}

/// The post-mortem in the inflated bytes of a link, checked like any file.
pub fn from_json(json: &[u8]) -> Result<PostMortem, ShareError> {
    let text =
        std::str::from_utf8(json).map_err(|_| ShareError::Damaged("not UTF-8 text".into()))?;
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| ShareError::Invalid(crate::domain::migrate::syntax(e)))?;
    let doc = migrate(value).map_err(ShareError::Invalid)?;
    if let Some(p) = crate::domain::validate(&doc).into_iter().next() {
        return Err(ShareError::Invalid(LoadError::Invalid {
            path: p.path,
            message: p.message,
        }));
    }
    Ok(doc)
}
