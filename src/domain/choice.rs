//! One table per enum a person picks from: every value with its slug (the
//! name serde writes in a file) and the label the page shows.
//!
//! A select uses the slug as its option value and reads it back with
//! `from_slug`, so what the page holds is exactly what a file holds, and
//! renaming a Rust variant can never silently break a select.

/// An enum whose values are offered as a choice.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order a list offers them.
    const ALL: &'static [Self];
    /// The serde name (snake_case), as written in a file.
    fn slug(self) -> &'static str;
    /// What the page shows.
    fn label(self) -> &'static str;
    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.slug() == slug)
    }
}

/// The slug of an optional choice: empty for "not set", which is also the
/// value of a select's "Not set" option.
pub fn optional_slug<C: Choice>(value: Option<C>) -> &'static str {
    value.map_or("", Choice::slug)
}

/// Writes the table for an enum: `ALL`, `slug`, `label` and `from_slug` as
/// inherent items (so callers need no import) and the [`Choice`] impl for
/// code that works over any such enum.
macro_rules! choices {
    ($t:ident { $($v:ident => $slug:literal, $label:literal;)+ }) => {
        impl $t {
            pub const ALL: [$t; [$(stringify!($v)),+].len()] = [$($t::$v),+];
            pub fn slug(self) -> &'static str {
                match self { $($t::$v => $slug),+ }
            }
            pub fn label(self) -> &'static str {
                match self { $($t::$v => $label),+ }
            }
            pub fn from_slug(slug: &str) -> Option<$t> {
                <$t as $crate::domain::choice::Choice>::from_slug(slug)
            }
        }
        impl $crate::domain::choice::Choice for $t {
            const ALL: &'static [$t] = &$t::ALL;
            fn slug(self) -> &'static str {
                $t::slug(self)
            }
            fn label(self) -> &'static str {
                $t::label(self)
            }
        }
    };
}
pub(crate) use choices;
