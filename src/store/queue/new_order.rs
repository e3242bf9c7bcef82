//! The order in which never-seen questions are introduced: interleaved across banks,
//! bank by bank in file order, or at random (seeded by the study day).

use super::*;

/// The order in which never-seen questions are introduced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NewOrder {
    /// One from each bank in turn (the banks' order, each bank's questions in its
    /// file's order), so a day's new questions come from every selected bank.
    #[default]
    Interleave,
    /// Bank by bank, in file order: the first bank's questions first.
    Bank,
    /// Shuffled, the same way all through a study day (so `recall due` and
    /// `recall drill` agree on which).
    Random,
}

impl NewOrder {
    /// Every order, as the config file names them.
    pub const ALL: [NewOrder; 3] = [NewOrder::Interleave, NewOrder::Bank, NewOrder::Random];

    /// The name in the config file.
    pub fn name(self) -> &'static str {
        match self {
            NewOrder::Interleave => "interleave",
            NewOrder::Bank => "bank",
            NewOrder::Random => "random",
        }
    }

    /// The order named `name`, `None` for anything else.
    pub fn from_name(name: &str) -> Option<NewOrder> {
        NewOrder::ALL.into_iter().find(|order| order.name() == name)
    }

    /// `questions` (bank by bank, each in file order) in this order, for `day`.
    pub fn arrange<K: Keyed>(self, questions: &[K], day: StudyDay) -> Vec<&K> {
        self.arranged(questions, day).collect()
    }

    /// [`NewOrder::arrange`] as it is taken: a queue stops at today's new limit, so
    /// the bank and interleaved orders are walked, not built over the curriculum.
    pub(super) fn arranged<'a, K: Keyed>(
        self,
        questions: &'a [K],
        day: StudyDay,
    ) -> Box<dyn Iterator<Item = &'a K> + 'a> {
        match self {
            NewOrder::Bank => Box::new(questions.iter()),
            NewOrder::Interleave => {
                // Each bank's runs of questions, banks in the order they first appear.
                // The questions come bank by bank: a bank is one run, looked up once.
                let mut place: HashMap<&str, usize> = HashMap::new();
                let mut banks: Vec<Vec<&[K]>> = Vec::new();
                let mut start = 0;
                while start < questions.len() {
                    let bank = questions[start].bank();
                    let len = questions[start..]
                        .iter()
                        .take_while(|key| key.bank() == bank)
                        .count();
                    let at = *place.entry(bank).or_insert_with(|| {
                        banks.push(Vec::new());
                        banks.len() - 1
                    });
                    banks[at].push(&questions[start..start + len]);
                    start += len;
                }
                let longest = banks
                    .iter()
                    .map(|runs| runs.iter().map(|run| run.len()).sum::<usize>())
                    .max()
                    .unwrap_or(0);
                let banks = std::rc::Rc::new(banks);
                Box::new((0..longest).flat_map(move |i| {
                    let banks = std::rc::Rc::clone(&banks);
                    (0..banks.len()).filter_map(move |b| nth_of_runs(&banks[b], i))
                }))
            }
            NewOrder::Random => {
                let mut keys: Vec<&K> = questions.iter().collect();
                let seed = day.start.timestamp().unsigned_abs();
                keys.shuffle(&mut rand::rngs::StdRng::seed_from_u64(seed));
                Box::new(keys.into_iter())
            }
        }
    }
}

/// The `i`th key of a bank given as runs of its questions.
fn nth_of_runs<'a, K>(runs: &[&'a [K]], mut i: usize) -> Option<&'a K> {
    for run in runs {
        if i < run.len() {
            return Some(&run[i]);
        }
        i -= run.len();
    }
    None
}
