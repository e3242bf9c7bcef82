//! Unit tests of a passive whose relation's second term only qualifies its subject,
//! "the slide to port is caused by the push of the rudder" (see
//! `compile::pairing::by_agent`): a phrase that opens with a preposition before the
//! passive, and the first term after an *of* in the agent, do not pair. Fresh answers
//! about a sailing boat's tiller: a right answer of the shape makes no mistake; the
//! mistake said plainly, or in a passive whose agent is the thing itself, still fails.

use super::tests::{fails, mistakes_bank, passes, relation};
use super::*;

/// A question on the tiller: the bow's turn required, and the rudder's swing to port a
/// misconception.
fn tiller() -> Bank {
    mistakes_bank(
        "The helmsman pushes the tiller to port. What do the rudder and the boat do?",
        "The rudder swings to starboard, the water pushes the stern to port, and the bow \
         turns to starboard.",
        vec![relation(&[&["bow"], &["starboard"]], true, 1.0, true)],
        vec![relation(&[&["rudder"], &["to port"]], true, 1.0, false)],
    )
}

#[test]
fn a_qualifier_of_the_passive_subject_is_not_the_qualified_agents() {
    passes(
        &tiller(),
        "The stern's slide to port is caused by the push of the rudder on the water, so \
         the bow turns to starboard.",
    );
}

#[test]
fn the_mistake_said_plainly_or_by_its_own_agent_still_fails() {
    let tiller = tiller();
    fails(
        &tiller,
        "The rudder swings to port, so the bow turns to starboard.",
    );
    fails(
        &tiller,
        "The swing to port is made by the rudder, so the bow turns to starboard.",
    );
}
