//! What makes a session an interview: the target time of each answer, hints taken one
//! at a time, and the author's follow-up questions queued after an answer (and taken
//! back when it is undone).

use super::{Hint, Mode, Phase, Queued, Session};
use crate::bank::Question;

impl<'a> Session<'a> {
    /// The time an answer to `question` should take: in an interview, its target time;
    /// other sessions are not timed.
    pub(super) fn target(&self, question: &Question) -> Option<std::time::Duration> {
        (self.options.mode == Mode::Interview)
            .then(|| question.target_time())
            .flatten()
    }

    /// Takes the next hint of the question being asked; `None` when it has no more (or
    /// none, or no question is being asked). Either way the question is then
    /// [`Ask::resumed`]. Once a hint is taken, the suggested rating
    /// is Hard at best.
    pub fn take_hint(&mut self) -> Option<Hint<'a>> {
        if !matches!(self.phase, Phase::Asking) {
            return None;
        }
        let (index, _) = self.current?;
        self.resumed = true;
        let hints = &self.entries[index].question.hints;
        let text = hints.get(self.hints_taken)?;
        self.hints_taken += 1;
        Some(Hint {
            number: self.hints_taken,
            total: hints.len(),
            text,
        })
    }

    /// Adds the follow-ups of entry `index` that an answer that `passed` (or not) calls
    /// for, to be asked next, in the bank's order; returns how many.
    pub(super) fn queue_follow_ups(&mut self, index: usize, passed: bool) -> usize {
        let entry = self.entries[index];
        let first = self.entries.len();
        for follow_up in &entry.question.follow_ups {
            if follow_up.when.allows(passed) {
                self.entries.push(Queued {
                    bank: entry.bank,
                    question: &follow_up.question,
                    schedules: entry.schedules,
                });
                self.orders.push(Vec::new());
                self.outcomes.push(Vec::new());
                self.skipped.push(false);
                self.marked.push(None);
            }
        }
        for added in (first..self.entries.len()).rev() {
            self.pending.push_front(added);
        }
        self.entries.len() - first
    }

    /// Takes back the follow-ups an undone answer added (the last `count` entries, not
    /// answered: anything answered since would have been undone first).
    pub(super) fn drop_follow_ups(&mut self, count: usize) {
        let keep = self.entries.len() - count;
        self.pending.retain(|&i| i < keep);
        self.entries.truncate(keep);
        self.orders.truncate(keep);
        self.outcomes.truncate(keep);
        self.skipped.truncate(keep);
        self.marked.truncate(keep);
    }
}
