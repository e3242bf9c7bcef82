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
        let listed = Listed::new(questions);
        self.arranged(&listed, day)
            .map(|(run, i)| listed.key(run, i))
            .collect()
    }

    /// [`NewOrder::arrange`] as it is taken, each question as its run and its place in
    /// the run: a queue stops at today's new limit, so the bank and interleaved orders
    /// are walked, not built over the curriculum.
    pub(super) fn arranged<'a, C: Curriculum + ?Sized>(
        self,
        questions: &'a C,
        day: StudyDay,
    ) -> Box<dyn Iterator<Item = (usize, usize)> + 'a> {
        let runs = questions.runs();
        let in_order =
            (0..runs).flat_map(move |run| (0..questions.run(run).1).map(move |i| (run, i)));
        match self {
            NewOrder::Bank => Box::new(in_order),
            NewOrder::Interleave => {
                // Each bank's runs (index and length), banks in the order they first
                // appear.
                let mut place: HashMap<&str, usize> = HashMap::new();
                let mut banks: Vec<Vec<(usize, usize)>> = Vec::new();
                for run in 0..runs {
                    let (bank, len) = questions.run(run);
                    let at = *place.entry(bank).or_insert_with(|| {
                        banks.push(Vec::new());
                        banks.len() - 1
                    });
                    banks[at].push((run, len));
                }
                let longest = banks
                    .iter()
                    .map(|runs| runs.iter().map(|run| run.1).sum::<usize>())
                    .max()
                    .unwrap_or(0);
                let banks = std::rc::Rc::new(banks);
                Box::new((0..longest).flat_map(move |i| {
                    let banks = std::rc::Rc::clone(&banks);
                    (0..banks.len()).filter_map(move |b| nth_of_runs(&banks[b], i))
                }))
            }
            NewOrder::Random => {
                // The same shuffle as of the keys themselves: it depends on their
                // number only.
                let mut places: Vec<(usize, usize)> = in_order.collect();
                let seed = day.start.timestamp().unsigned_abs();
                places.shuffle(&mut rand::rngs::StdRng::seed_from_u64(seed));
                Box::new(places.into_iter())
            }
        }
    }
}

/// The `i`th question of a bank given as runs of its questions (index and length), as
/// its run and its place in the run.
fn nth_of_runs(runs: &[(usize, usize)], mut i: usize) -> Option<(usize, usize)> {
    for &(run, len) in runs {
        if i < len {
            return Some((run, i));
        }
        i -= len;
    }
    None
}
