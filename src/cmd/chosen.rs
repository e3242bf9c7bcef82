//! The questions a drill chooses from, or `recall due` counts, as the queue reads them
//! ([`Curriculum`]): the catalog's banks the filter keeps, each read through its keys,
//! so that choosing today's queue touches the banks of the cards due and the first
//! banks of the order of introduction, and decodes no question (`recall due` looks up
//! every card too, to count the questions never seen). Only a filter by tag, kind or
//! tier goes through every outline (the catalog's, decoded for it), to list the
//! positions it keeps.

use crate::bank::{Catalog, Keys, LoadError};
use crate::session::select::Filter;
use crate::store::Curriculum;
use std::cell::RefCell;

/// The banks and questions of a catalog that a filter keeps.
pub struct Chosen<'c> {
    catalog: &'c Catalog,
    /// The banks kept, in order: each bank's index and, when the filter narrows by
    /// outline, the positions of the questions it keeps (else all of them).
    banks: Vec<(usize, Option<Vec<usize>>)>,
    /// Per bank of the catalog: its place in `banks`, when kept.
    slot: Vec<Option<usize>>,
    /// The first failure to read a bank's keys (see [`Chosen::checked`]).
    error: RefCell<Option<LoadError>>,
}

impl<'c> Chosen<'c> {
    /// The questions of `catalog` that `filter` keeps (the catalog's outlines decoded
    /// when the filter narrows by outline).
    pub fn new(catalog: &'c Catalog, filter: &Filter) -> Chosen<'c> {
        let mut banks = Vec::new();
        let mut slot = vec![None; catalog.banks.len()];
        for (index, bank) in catalog.banks.iter().enumerate() {
            if !filter.banks.is_empty() && !filter.banks.contains(&bank.id) {
                continue;
            }
            let positions = filter.by_outline().then(|| {
                catalog
                    .outlines(index)
                    .iter()
                    .enumerate()
                    .filter(|(_, outline)| filter.accepts_outline(bank, outline))
                    .map(|(i, _)| i)
                    .collect()
            });
            slot[index] = Some(banks.len());
            banks.push((index, positions));
        }
        Chosen {
            catalog,
            banks,
            slot,
            error: RefCell::new(None),
        }
    }

    /// `Ok` unless reading some bank's keys failed (the bank's cached keys were damaged
    /// and its file could not be read): the queue built meanwhile is then not to be
    /// trusted.
    pub fn checked(&self) -> Result<(), LoadError> {
        match self.error.borrow_mut().take() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    fn keys(&self, index: usize) -> Option<&'c Keys> {
        match self.catalog.keys(index) {
            Ok(keys) => Some(keys),
            Err(error) => {
                self.error.borrow_mut().get_or_insert(error);
                None
            }
        }
    }
}

impl Curriculum for Chosen<'_> {
    fn contains(&self, bank: &str, question: &str) -> bool {
        let Some(index) = self.catalog.bank_index(bank) else {
            return false;
        };
        let Some(slot) = self.slot[index] else {
            return false;
        };
        let Some(position) = self.keys(index).and_then(|keys| keys.position(question)) else {
            return false;
        };
        match &self.banks[slot].1 {
            Some(positions) => positions.binary_search(&position).is_ok(),
            None => true,
        }
    }

    fn runs(&self) -> usize {
        self.banks.len()
    }

    fn run(&self, run: usize) -> (&str, usize) {
        let (index, positions) = &self.banks[run];
        let len = match positions {
            Some(positions) => positions.len(),
            None => self.catalog.count(*index),
        };
        (&self.catalog.banks[*index].id, len)
    }

    fn question(&self, run: usize, i: usize) -> Option<&str> {
        let (index, positions) = &self.banks[run];
        let position = match positions {
            Some(positions) => *positions.get(i)?,
            None => i,
        };
        self.keys(*index)?.id(position)
    }
}
