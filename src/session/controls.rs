//! The learner's controls during a session, other than answering: skip a question,
//! mark it (suspend, bury, reset) and undo the last step, answer or mark.

use super::{Mark, Origin, Phase, RecordError, Recorder, Session, Step, Undone};

impl Session<'_> {
    /// Leaves the current question unanswered; it is not asked again this session.
    pub fn skip(&mut self) {
        if let Some((index, _)) = self.current {
            if self.outcomes[index].is_empty() {
                self.skipped[index] = true;
            }
            self.advance();
        }
    }

    /// Marks the current question (suspend, bury, reset) in the store and leaves it
    /// out of the rest of the session. Only while a question is asked (not after an
    /// answer waiting for its rating); `Ok(false)` then.
    pub fn mark(&mut self, mark: Mark, recorder: &mut dyn Recorder) -> Result<bool, RecordError> {
        if !matches!(self.phase, Phase::Asking) {
            return Ok(false);
        }
        let Some((index, origin)) = self.current else {
            return Ok(false);
        };
        let id = recorder.mark(&self.entries[index].key(), mark)?;
        self.marked[index] = Some(mark);
        self.history.push(Step::Mark {
            index,
            id,
            mark,
            origin,
        });
        self.advance();
        Ok(true)
    }

    /// Takes back the last step: an answer not yet rated is simply forgotten; otherwise
    /// the last rated answer or mark is reverted in the store and its question asked
    /// again. When another session has since answered or marked that question, nothing
    /// is reverted ([`Undone::Superseded`]).
    pub fn undo(&mut self, recorder: &mut dyn Recorder) -> Result<Undone, RecordError> {
        // Whatever is asked next is shown afresh.
        self.resumed = false;
        match self.phase {
            Phase::Rating(_) => {
                self.phase = Phase::Asking;
                return Ok(Undone::Unrated);
            }
            Phase::Finished => return Ok(Undone::Nothing),
            Phase::Asking => {}
        }
        let Some(&step) = self.history.last() else {
            return Ok(Undone::Nothing);
        };
        let (id, index) = match step {
            Step::Answer { index, .. } => match self.outcomes[index].last() {
                Some(rated) => (rated.review_id, index),
                None => return Ok(Undone::Nothing),
            },
            Step::Mark { index, id, .. } => (id, index),
        };
        match recorder.undo(id) {
            Ok(()) => {}
            Err(RecordError::Superseded) => {
                self.history.pop();
                return Ok(Undone::Superseded);
            }
            Err(error) => return Err(error),
        }
        self.history.pop();
        self.put_back_current(index);
        // Another question (or this one again, from the start): no hint taken yet.
        self.hints_taken = 0;
        let undone = match step {
            Step::Answer {
                requeued, followed, ..
            } => {
                self.outcomes[index].pop();
                if requeued {
                    self.relearning.retain(|&(_, i)| i != index);
                }
                if followed > 0 {
                    self.drop_follow_ups(followed);
                }
                self.current = Some((index, Origin::List));
                Undone::Answer
            }
            Step::Mark { mark, origin, .. } => {
                self.marked[index] = None;
                self.current = Some((index, origin));
                Undone::Mark(mark)
            }
        };
        self.phase = Phase::Asking;
        Ok(undone)
    }
}
