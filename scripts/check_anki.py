#!/usr/bin/env python3
"""Checks `recall export --format anki` with the real Anki library (PyPI `anki`).

Exports the given banks twice (the second time at a later RECALL_NOW and with one
prompt changed), imports the first package into a fresh collection and asserts: a deck
per bank, as many notes as questions, no empty field; then imports the second package
and asserts that the note count is unchanged and the changed prompt was updated (stable
note ids and guids make a re-import an update, not a duplicate).

Usage: python3 scripts/check_anki.py [RECALL_BINARY] [BANK_PATH]
"""

import json
import os
import re
import unicodedata
import shutil
import subprocess
import sys
import tempfile

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition


def plain(text):
    """`text` without control characters."""
    return "".join(c for c in text if unicodedata.category(c) != "Cc")


def recall(binary, args, now):
    env = dict(os.environ, RECALL_NOW=now)
    result = subprocess.run([binary, *args], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"recall {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def import_package(col, path):
    options = ImportAnkiPackageOptions(
        merge_notetypes=True,
        update_notes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        with_scheduling=False,
        with_deck_configs=False,
    )
    col.import_anki_package(ImportAnkiPackageRequest(package_path=path, options=options))


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "target", "debug", "recall")
    banks = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "tests", "banks", "valid")
    work = tempfile.mkdtemp(prefix="recall-anki-")
    try:
        # The banks as recall sees them: titles and question counts. A bank with no
        # questions gives no cards, and Anki makes no deck without cards.
        listing = json.loads(recall(binary, ["list", "--json", banks], "2026-01-01T00:00:00Z"))
        # Follow-up questions (`[[question.follow_up]]`) are exported as notes of their own,
        # in their bank's deck: count them from `recall render`'s headings.
        rendered = recall(binary, ["render", banks], "2026-01-01T00:00:00Z")
        follow_ups = {}
        for line in rendered.splitlines():
            if line.startswith("## ") and "· follow-up, asked" in line:
                bank = line[3:].split("/", 1)[0]
                follow_ups[bank] = follow_ups.get(bank, 0) + 1
        banks_with_questions = [
            (b["title"], b["questions"] + follow_ups.get(b["id"], 0))
            for b in listing
            if b["questions"] > 0
        ]
        assert banks_with_questions, "no banks or no questions to check"
        titles, counts = zip(*banks_with_questions)

        first = os.path.join(work, "first.apkg")
        recall(binary, ["export", banks, "--format", "anki", "-o", first], "2026-01-01T00:00:00Z")

        col = Collection(os.path.join(work, "collection.anki2"))
        import_package(col, first)
        # Control characters (terminal escapes in a hostile title) do not survive into
        # Anki's deck names; compare the names without them.
        decks = {plain(d.name): d.name for d in col.decks.all_names_and_ids()}
        for title in titles:
            assert plain(title) in decks, f"no deck {title!r} in {sorted(decks.values())}"
        note_ids = col.find_notes("")
        assert len(note_ids) == sum(counts), f"{len(note_ids)} notes for {sum(counts)} questions"
        for nid in note_ids:
            note = col.get_note(nid)
            for name, value in note.items():
                assert value.strip(), f"note {nid} has an empty field {name}"
        cards_per_deck = {
            title: len(col.find_cards(f'"did:{col.decks.id_for_name(decks[plain(title)])}"'))
            for title in titles
        }
        for title, count in zip(titles, counts):
            assert cards_per_deck[title] == count, f"deck {title!r}: {cards_per_deck[title]} cards, {count} questions"

        # A second export, later and with the first prompt edited, re-imports as an update.
        edited = os.path.join(work, "edited")
        shutil.copytree(banks, edited) if os.path.isdir(banks) else (os.makedirs(edited), shutil.copy(banks, edited))
        changed = False
        for dirpath, _, files in os.walk(edited):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                text = open(path, encoding="utf-8").read()
                # A one-line basic string: `prompt = "...`, not `prompt = """...`.
                marker = re.compile(r'^prompt = "(?!"")', re.M)
                if not changed and marker.search(text):
                    text = marker.sub('prompt = "EDITED ', text, count=1)
                    open(path, "w", encoding="utf-8").write(text)
                    changed = True
        assert changed, "found no prompt to edit"
        second = os.path.join(work, "second.apkg")
        recall(binary, ["export", edited, "--format", "anki", "-o", second], "2026-02-01T00:00:00Z")
        import_package(col, second)
        after = col.find_notes("")
        assert len(after) == len(note_ids), f"re-import made {len(after)} notes from {len(note_ids)}: duplicates"
        assert col.find_notes('"EDITED*"') or col.find_notes("EDITED"), "the edited prompt was not updated"
        col.close()
        print(f"anki: {len(titles)} deck(s), {len(note_ids)} notes imported; re-import updated, no duplicates")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
