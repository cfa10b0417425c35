//! The container of a Slack workspace export: a ZIP archive, read from its
//! end (the end-of-central-directory record), through the central directory
//! to each entry's local header. Only what an export uses is read: stored
//! and deflated entries, no encryption, no ZIP64, no multi-disk archives.
//!
//! Nothing is inflated here. The browser has an inflater of its own
//! (`DecompressionStream("deflate-raw")`), so the app bundles none: this
//! module hands out each entry's compressed bytes and method, and checks the
//! inflated bytes against the size and CRC-32 the archive recorded, so a
//! damaged file is named rather than read as if it were whole.

use super::ImportError;

const EOCD: u32 = 0x0605_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;
/// The end record is 22 bytes followed by a comment of at most 65,535.
const EOCD_LEN: usize = 22;
const MAX_COMMENT: usize = 0xffff;

/// How an entry's bytes are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Stored,
    Deflate,
}

/// One file in the archive, located but not yet read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub method: Method,
    pub crc32: u32,
    /// The size once inflated, as the archive records it.
    pub size: u64,
    /// Where the compressed bytes lie in the archive.
    start: usize,
    len: usize,
}

impl Entry {
    /// The entry's bytes as stored in `archive` (the bytes it was read from).
    pub fn compressed<'a>(&self, archive: &'a [u8]) -> &'a [u8] {
        self.start
            .checked_add(self.len)
            .and_then(|end| archive.get(self.start..end))
            .unwrap_or(&[])
    }

    /// Whether `data` is this entry, whole: its recorded size and CRC-32.
    pub fn check(&self, data: &[u8]) -> Result<(), ImportError> {
        if data.len() as u64 != self.size {
            return Err(ImportError::at(
                self.name.clone(),
                format!(
                    "holds {} bytes where the archive says {}; the ZIP is damaged",
                    data.len(),
                    self.size
                ),
            ));
        }
        if crc32(data) != self.crc32 {
            return Err(ImportError::at(
                self.name.clone(),
                "its checksum (CRC-32) does not match; the ZIP is damaged",
            ));
        }
        Ok(())
    }

    /// A stored entry's bytes, checked; `None` for a deflated one, which the
    /// caller inflates and then passes to [`Entry::check`].
    pub fn stored(&self, archive: &[u8]) -> Option<Result<Vec<u8>, ImportError>> {
        (self.method == Method::Stored).then(|| {
            let data = self.compressed(archive).to_vec();
            self.check(&data).map(|()| data)
        })
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn cut_short(at: impl Into<String>) -> ImportError {
    ImportError::at(at, "the ZIP ends here too early; the file may be cut short")
}

/// Every file entry of a ZIP archive (folders left out), in the central
/// directory's order.
pub fn read_zip(b: &[u8]) -> Result<Vec<Entry>, ImportError> {
    if b.len() < EOCD_LEN {
        return Err(ImportError::new(
            "this is too short to be a ZIP archive (no end of central directory)",
        ));
    }
    // The end record is the last one whose signature sits where a record
    // of its comment's length would end the file; searching from the end
    // keeps a signature inside file data from being taken for it.
    let lowest = b.len().saturating_sub(EOCD_LEN + MAX_COMMENT);
    let end = (lowest..=b.len() - EOCD_LEN)
        .rev()
        .find(|&i| {
            u32_at(b, i) == Some(EOCD)
                && u16_at(b, i + 20).is_some_and(|c| i + EOCD_LEN + c as usize == b.len())
        })
        .or_else(|| (lowest..=b.len() - EOCD_LEN).rev().find(|&i| u32_at(b, i) == Some(EOCD)))
        .ok_or_else(|| {
            let zip_start = u32_at(b, 0) == Some(LOCAL);
            ImportError::new(if zip_start {
                "the end of this ZIP archive is missing (no end of central directory); the file is cut short"
            } else {
                "this is not a ZIP archive (no end of central directory)"
            })
        })?;
    let field = |off| u16_at(b, end + off).unwrap_or(0);
    if field(4) != 0 || field(6) != 0 {
        return Err(ImportError::new(
            "a ZIP split over several files cannot be read",
        ));
    }
    let count = field(10) as usize;
    let cd_size = u32_at(b, end + 12).unwrap_or(0);
    let cd_start = u32_at(b, end + 16).unwrap_or(0);
    if count == 0xffff || cd_size == u32::MAX || cd_start == u32::MAX {
        return Err(ImportError::new(
            "this ZIP uses the ZIP64 format, which this reader does not handle",
        ));
    }
    let (cd_start, cd_size) = (cd_start as usize, cd_size as usize);
    if cd_start.checked_add(cd_size).is_none_or(|e| e > end) {
        return Err(ImportError::at(
            format!("byte {end}"),
            "the central directory lies outside the file; the ZIP is damaged or cut short",
        ));
    }
    let mut entries = Vec::with_capacity(count.min(4096));
    let mut at = cd_start;
    for n in 1..=count {
        let here = format!("central directory entry {n} (byte {at})");
        if u32_at(b, at) != Some(CENTRAL) {
            return Err(ImportError::at(
                here,
                "no central directory entry here; the ZIP is damaged",
            ));
        }
        let h = |off| u16_at(b, at + off).ok_or_else(|| cut_short(here.clone()));
        let w = |off| u32_at(b, at + off).ok_or_else(|| cut_short(here.clone()));
        let flags = h(8)?;
        let method = h(10)?;
        let crc = w(16)?;
        let compressed = w(20)? as usize;
        let size = w(24)?;
        let (name_len, extra_len, comment_len) =
            (h(28)? as usize, h(30)? as usize, h(32)? as usize);
        let local = w(42)? as usize;
        let name_bytes = b
            .get(at + 46..at + 46 + name_len)
            .ok_or_else(|| cut_short(here.clone()))?;
        let name = String::from_utf8_lossy(name_bytes).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if name.ends_with('/') {
            continue;
        }
        if flags & 1 != 0 {
            return Err(ImportError::at(name, "this entry is encrypted"));
        }
        let method = match method {
            0 => Method::Stored,
            8 => Method::Deflate,
            m => {
                return Err(ImportError::at(
                    name,
                    format!("compressed with method {m}, which this reader does not handle"),
                ))
            }
        };
        if compressed == u32::MAX as usize || size == u32::MAX || local == u32::MAX as usize {
            return Err(ImportError::at(
                name,
                "a ZIP64 entry, which this reader does not handle",
            ));
        }
        // The local header repeats the name and may carry a different extra
        // field; its own lengths say where the data starts.
        if u32_at(b, local) != Some(LOCAL) {
            return Err(ImportError::at(
                format!("{name} (byte {local})"),
                "its local header is missing; the ZIP is damaged",
            ));
        }
        let lname = u16_at(b, local + 26).ok_or_else(|| cut_short(name.clone()))? as usize;
        let lextra = u16_at(b, local + 28).ok_or_else(|| cut_short(name.clone()))? as usize;
        // Checked: on wasm32 a hostile offset near 4 GiB would wrap.
        let start = local.checked_add(30 + lname + lextra);
        let Some(start) = start.filter(|s| s.checked_add(compressed).is_some_and(|e| e <= end))
        else {
            return Err(cut_short(name));
        };
        entries.push(Entry {
            name,
            method,
            crc32: crc,
            size: size as u64,
            start,
            len: compressed,
        });
    }
    Ok(entries)
}

/// The CRC-32 table, built at compile time. 1 KiB; `crc32fast` would bring
/// a 16 KiB table for its fastest portable path, and the entries read here
/// are small.
const TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// CRC-32 as ZIP (and gzip, PNG) computes it.
pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &x| {
        TABLE[((c ^ x as u32) & 0xff) as usize] ^ (c >> 8)
    })
}
