//! Synonyms: a bank's own `[bank.synonyms]`, and lexicon files (a `[lexicon]` table in
//! place of `[bank]`) whose synonyms banks share by naming them with `lexicon = "id"`.
//! Which lexicon a bank names is resolved when all files are loaded (`bank::collect`).

use super::Checker;
use crate::bank::model::Lexicon;
use crate::bank::raw::{RawLexicon, S, Synonyms};
use std::collections::HashSet;
use std::ops::Range;

impl Checker<'_> {
    /// A lexicon file's `[lexicon]` table.
    pub(super) fn lexicon(&mut self, raw: S<RawLexicon>) -> Option<Lexicon> {
        let at = raw.span();
        let raw = raw.into_inner();
        let id = self.id(raw.id, "lexicon", at.clone());
        let description = self.optional(raw.description, "description");
        let synonyms = match raw.synonyms {
            Some(synonyms) => self.synonyms(synonyms),
            None => {
                self.error(
                    at,
                    "a lexicon needs a [lexicon.synonyms] table",
                    "add [lexicon.synonyms] with entries like folder = [\"directory\"]",
                );
                None
            }
        };
        Some(Lexicon {
            id: id?,
            description,
            synonyms: synonyms?,
            source: self.path.to_owned(),
        })
    }

    /// `[bank.synonyms]` or `[lexicon.synonyms]`: each key and its list is one group of
    /// words or phrases that mean the same; a term in two groups is an error (the groups
    /// would silently be one).
    pub(super) fn synonyms(&mut self, table: S<Synonyms>) -> Option<Vec<Vec<String>>> {
        let table_span = table.span();
        let mut groups = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut ok = true;
        for (key, list) in table.into_inner() {
            let key_span = key.span();
            let list_span = list.span();
            let mut group = Vec::new();
            let mut terms = vec![(key.into_inner(), key_span.clone())];
            if list.get_ref().is_empty() {
                self.error(
                    list_span.clone(),
                    "a synonym list is empty",
                    "list at least one word or phrase that means the same as the key",
                );
                ok = false;
            }
            terms.extend(
                list.into_inner()
                    .into_iter()
                    .map(|term| (term, list_span.clone())),
            );
            for (term, span) in terms {
                ok &= self.synonym(&term, span, &mut seen, &mut group);
            }
            if group.len() >= 2 {
                groups.push(group);
            }
        }
        if groups.is_empty() && ok {
            self.warning(
                table_span,
                "the synonyms table is empty",
                "add entries like folder = [\"directory\"], or remove the table",
            );
        }
        ok.then_some(groups)
    }

    /// One term of a synonym group, checked and added to `group`.
    fn synonym(
        &mut self,
        term: &str,
        span: Range<usize>,
        seen: &mut HashSet<String>,
        group: &mut Vec<String>,
    ) -> bool {
        let trimmed = term.trim().to_lowercase();
        if !trimmed.chars().any(char::is_alphanumeric) {
            self.error(
                span,
                format!("synonym {term:?} has no letters or digits to match"),
                "write a word or phrase",
            );
            return false;
        }
        if !seen.insert(trimmed.clone()) {
            self.error(
                span,
                format!("`{trimmed}` is in two synonym groups"),
                "a word belongs to one group; merge the two groups into one",
            );
            return false;
        }
        group.push(trimmed);
        true
    }
}
