#!/usr/bin/env bash
# Pearson correlation of recall's derived-rubric scores with the human marks of the
# Mohler (2011) short-answer data set ("UNT Computer Science Short Answer Dataset",
# ShortAnswerGrading_v2.0; Mohler, Bunescu and Mihalcea, ACL 2011), and of the two
# markers with each other. recall ships none of the data: this script fetches a copy.
#
# The data set's home page no longer serves it; a public repository,
# github.com/dbbrandt/short_answer_granding_capstone_project, committed the unchanged
# v2.0 archive under data/source_data/ShortAnswerGrading_v2.0 (its README names the
# authors and the paper to cite). That repository states no licence, so the data is
# fetched, not committed here. Pinned to the commit that was measured.
#
# Usage:
#   scripts/mohler.sh                      # fetch into /tmp/recall-mohler, then evaluate
#   scripts/mohler.sh PATH/TO/ShortAnswerGrading_v2.0   # evaluate a copy you have
set -euo pipefail

REPO=https://github.com/dbbrandt/short_answer_granding_capstone_project
COMMIT=c240cee64509b35009c0da789675e66f049fe2d8
SUBDIR=data/source_data/ShortAnswerGrading_v2.0

data=${1:-}
if [[ -z "$data" ]]; then
    dir=/tmp/recall-mohler
    if [[ ! -d "$dir/$SUBDIR" ]]; then
        rm -rf "$dir"
        git clone --quiet --filter=blob:none --no-checkout "$REPO" "$dir"
        git -C "$dir" sparse-checkout set "$SUBDIR"
        git -C "$dir" checkout --quiet "$COMMIT"
    fi
    data="$dir/$SUBDIR"
fi
cd "$(dirname "$0")/.."
cargo run --quiet --release --example mohler -- "$data"
