//! Unit tests of a misconception told to stop (round 49, w90-misneg, probe32 line 108):
//! the *-ing* form after *stop* or *quit*, or its object, is what the answer refuses, as
//! with *steer clear of*: "Stop using copytruncate" does not make `use → copytruncate`.
//! Fresh sentences of a subject no probe asks about; the mistake said plainly, before the
//! cue, or after a gerund the cue does not govern still fails. With them, a mistake that
//! *keep* begins and *out of*, *away from* or *off* follows (round 49, the lead).

use super::AsideReason;
use super::tests::{concept, fails, grade, mistakes_bank, passes, relation};

/// Gardening: yellow leaves on potted tomatoes from waterlogged roots, not hunger.
fn tomato_bank() -> crate::bank::Bank {
    mistakes_bank(
        "The lower leaves of a potted tomato turn yellow though it is fed every week. Why, \
         and what should the grower do?",
        "The pot stays waterlogged, so the roots rot and cannot take up nitrogen; more \
         feed does not help. Water less often and improve the drainage.",
        vec![
            concept(
                &["waterlogged", "soggy", "overwatered", "too wet"],
                2.0,
                true,
            ),
            concept(&["roots"], 1.0, false),
            concept(&["drainage", "drain"], 1.0, true),
        ],
        vec![
            relation(
                &[
                    &["adding", "add", "give"],
                    &["fertiliser", "fertilizer", "feed"],
                ],
                true,
                1.0,
                false,
            ),
            concept(&["more fertiliser", "more feed"], 1.0, false),
        ],
    )
}

#[test]
fn a_mistake_told_to_stop_is_not_made() {
    let b = tomato_bank();
    for right in [
        "Stop adding fertiliser: the pot is waterlogged and the roots rot, so fix the \
         drainage.",
        "The roots sit in soggy soil and rot. The fix is to quit giving it feed and drain \
         the pot better.",
        "The soil is waterlogged, so the roots can't feed; stop putting more fertiliser on \
         it and improve the drainage.",
    ] {
        passes(&b, right);
        let g = grade(&b, right);
        assert_eq!(
            g.set_aside.first().map(|a| a.reason),
            Some(AsideReason::SteeredClear),
            "{right}"
        );
    }
}

#[test]
fn the_mistake_said_plainly_or_kept_still_counts() {
    let b = tomato_bank();
    for wrong in [
        // Said plainly, the cue nowhere.
        "Add fertiliser twice a week: the waterlogged roots need it, and improve the \
         drainage.",
        // Before the cue, in its own clause: the stop is of something else.
        "Adding fertiliser fixes it; stop watering the waterlogged pot and improve the \
         drainage.",
        // The cue after the mistake, of another thing.
        "Adding more fertiliser will stop the yellowing; the roots are waterlogged, so \
         improve the drainage.",
        // A gerund that is not right after the cue.
        "Stop worrying and keep adding fertiliser; the pot is waterlogged, so fix the \
         drainage.",
    ] {
        fails(&b, wrong);
    }
}

/// Study habits: a phone within reach, a mistake that *keep* begins.
fn revision_bank() -> crate::bank::Bank {
    mistakes_bank(
        "A student revises for an hour each evening but keeps losing focus. What should \
         change?",
        "Every notification breaks attention, and getting back into the work takes \
         minutes. Put the phone in another room and revise in 25-minute blocks with short \
         breaks.",
        vec![
            concept(
                &["notification", "notifications", "interruptions"],
                2.0,
                true,
            ),
            concept(&["blocks", "breaks", "pomodoro", "25-minute"], 1.0, true),
        ],
        vec![relation(
            &[&["keep", "keeping"], &["your phone", "the phone"]],
            true,
            1.0,
            false,
        )],
    )
}

#[test]
fn a_mistake_kept_out_of_away_from_or_off_something_is_not_made() {
    let b = revision_bank();
    for right in [
        "Notifications break the focus, so keep the phone out of the room and work in \
         25-minute blocks with breaks.",
        "Keep your phone away from the desk: each notification costs minutes. Revise in \
         short blocks with breaks.",
        "Keep your phone off the desk, since notifications pull you out, and take breaks \
         between blocks.",
    ] {
        passes(&b, right);
    }
    for wrong in [
        // Kept, with no cue after it.
        "Keep your phone on the desk so you can answer quickly; notifications are fine if \
         you take breaks between blocks.",
        // *out* with no *of*: the phone kept out in view.
        "Keep the phone out, face up, so notifications are seen at once, and revise in \
         blocks with breaks.",
    ] {
        fails(&b, wrong);
    }
}
