//! The small pattern language the rules are written in: word positions and
//! the context guards around a match.

/// One position of a pattern: the word must equal one of the alternatives
/// (lower case). An alternative starting with `*` matches by suffix.
#[derive(Debug)]
pub(super) enum Pos {
    W(&'static [&'static str]),
    /// May be absent. Never the first position of a pattern.
    Opt(&'static [&'static str]),
}

/// Context a match must (or must not) have. Entries are words or short
/// phrases ("far from"); `*x` matches words ending in x; `$` stands for the end
/// of the clause.
#[derive(Debug)]
pub(super) enum Guard {
    /// The words right before the match must not be one of these.
    NotAfter(&'static [&'static str]),
    /// None of these words in the n words before the match, same clause:
    /// "explained the plan clearly".
    NotAfterWithin(usize, &'static [&'static str]),
    /// The words right before the match must be one of these.
    OnlyAfter(&'static [&'static str]),
    /// When the match is this word, the words right before it must be one
    /// of these (other words of the rule match anywhere).
    WordOnlyAfter(&'static str, &'static [&'static str]),
    /// The words right after the match must not be one of these.
    NotBefore(&'static [&'static str]),
    /// The words right after the match must be one of these.
    OnlyBefore(&'static [&'static str]),
    /// The next word must not be a number ("just 3 requests" is a quantity).
    NotBeforeNumber,
    /// No negation in the three words before: "not obvious" is the opposite
    /// of a hindsight marker, "no single root cause" is the point.
    NotNegated,
    /// The next word (adverbs aside) is a past participle or the clause ends:
    /// "should have checked", not "should have access".
    ThenParticiple,
    /// One of these words follows within n words in the same sentence.
    Within(usize, &'static [&'static str]),
    /// One of these words within n words before the match (same clause) or
    /// after it (same sentence): "handled the failover poorly", "poorly
    /// handled".
    Near(usize, &'static [&'static str]),
    /// The grammatical subject must be of this kind.
    Subject(Who),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Who {
    /// Any person: pronouns, roles, named participants.
    Person,
    /// One singled-out person other than a named participant: he, she,
    /// someone, a role ("the intern"). Included in the highlighted span.
    Individual,
    /// A named participant. Included in the highlighted span.
    Named,
}
