//! Distributive *each*: an answer that names a plural thing and goes on, in the next
//! clause of its sentence, with *each* standing alone as the subject ("processes are
//! isolated, each with its own address space", "processes share nothing, each one has
//! its own memory") says of every one of those things what that clause says. This
//! module finds such an *each* for a term's plural matches, so that a relation asked
//! in one clause is met there; what the term is and how its matches pair with others
//! is `compile`'s business (as for *the former*, see `former`).

use crate::grade::token::Token;

/// The most words from the end of a match to the *each* that stands in for it.
const REACH: usize = 10;

/// The stand-in for a plain, counting match of a term that ends at `to` (see
/// `former::stand_ins_by`): when it ends in a plural word, the first *each* after it in its
/// sentence, within [`REACH`] words, that opens a clause of its own and is no
/// determiner of a noun of its own ("each thread has its own stack" is about threads):
/// the word after it is *one*, *with*, *of them*, or a verb of having. No other plural
/// word stands between them (the nearest plural is what *each* picks out: "tenants pay
/// the owners, each with a key" gives the owners the keys).
pub(super) fn stand_in(tokens: &[Token], to: usize) -> Option<usize> {
    if !plural(&tokens[to]) {
        return None;
    }
    let sentence = tokens[to].place.sentence;
    let i = (to + 1..tokens.len())
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.sentence == sentence)
        .take(REACH)
        .find(|&i| &*tokens[i].norm == "each" || plural(&tokens[i]))?;
    (&*tokens[i].norm == "each"
        && tokens[i].place.segment != tokens[to].place.segment
        && distributive(tokens, i))
    .then_some(i)
}

/// Whether a word reads as a plural noun: a word of letters ending in *s* (not *ss*,
/// and none of the short words that end so: *is*, *has*, *its*, *this* ...).
fn plural(token: &Token) -> bool {
    let w = &*token.norm;
    !token.part
        && token.class == crate::grade::token::Class::Word
        && w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !matches!(
            w,
            "does" | "goes" | "this" | "thus" | "always" | "unless" | "whereas" | "perhaps"
        )
}

/// Whether the *each* at `i` stands alone, as a pronoun: *each one*, *each with*, *each
/// of them* (these, those), or *each* and a verb of having.
fn distributive(tokens: &[Token], i: usize) -> bool {
    let mut after = (i + 1..tokens.len())
        .filter(|&j| !tokens[j].part)
        .map(|j| &*tokens[j].norm);
    match after.next() {
        Some("one" | "with" | "has" | "have" | "having" | "gets" | "keeps" | "owns") => true,
        Some("of") => matches!(after.next(), Some("them" | "these" | "those")),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::former::tests::met_of;

    /// A question on tenants and their landlord: its model answer and its relations.
    const MODEL: &str = "Every tenant has their own key; the landlord keeps a master key.";
    const RELATIONS: [[&str; 2]; 2] = [["tenant", "own key"], ["landlord", "master key"]];

    /// The relations that `answer` meets.
    fn met(answer: &str) -> Vec<String> {
        met_of(MODEL, &RELATIONS, answer)
    }

    #[test]
    fn each_standing_alone_carries_the_plural_before_it_into_its_clause() {
        let tenant = ["tenant + own key"];
        assert_eq!(
            met("Tenants are kept apart, each with its own key."),
            tenant
        );
        assert_eq!(
            met("The tenants pay by the month, each one holding their own key."),
            tenant
        );
        assert_eq!(
            met("Tenants live apart, each of them with their own key."),
            tenant
        );
        assert_eq!(
            met(
                "The landlord keeps the master key, while tenants live apart, each having their own key."
            ),
            ["tenant + own key", "landlord + master key"]
        );
    }

    #[test]
    fn each_before_a_noun_or_after_another_plural_carries_nothing() {
        // *each* before a noun of its own is about that noun.
        assert!(met("Tenants share the building, each flat with its own key.").is_empty());
        // The nearest plural is what *each* picks out.
        assert!(met("Tenants pay the owners, each with their own key.").is_empty());
        // In one clause already, or in another sentence, *each* adds nothing.
        assert!(met("Tenants come and go. Each door has its own key.").is_empty());
        // Negated, the stand-in says nothing.
        assert!(met("Tenants share one flat, and none has its own key.").is_empty());
    }
}
