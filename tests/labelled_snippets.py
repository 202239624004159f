"""Labelled snippets written for the tests of the fitted and embed backends of event typing."""

# Three kinds of event, four sentences each.
SNIPPETS: list[tuple[str, str]] = [
    ("A powerful earthquake shook the coastal province, toppling houses.", "NATURAL_DISASTER"),
    ("Floods after days of heavy rain swept away villages in the valley.", "NATURAL_DISASTER"),
    ("A cyclone made landfall overnight, flattening homes and crops.", "NATURAL_DISASTER"),
    ("Landslides triggered by monsoon rains buried a mountain road.", "NATURAL_DISASTER"),
    ("Thousands marched peacefully through the capital demanding reforms.", "PEACE_PROTEST"),
    ("Students held a peaceful sit-in outside the ministry on Monday.", "PEACE_PROTEST"),
    ("Workers rallied in the main square to demand higher wages.", "PEACE_PROTEST"),
    ("Farmers staged a march to parliament against the new land law.", "PEACE_PROTEST"),
    ("A suicide bomber blew himself up at the gate of a police station.", "SUIC_BOMB"),
    ("The suicide attacker detonated his explosive vest in a crowded market.", "SUIC_BOMB"),
    ("A suicide car bomber rammed a military convoy on the highway.", "SUIC_BOMB"),
    ("Two suicide bombers struck a checkpoint, killing four guards.", "SUIC_BOMB"),
]
TEXTS = [text for text, _ in SNIPPETS]
LABELS = [label for _, label in SNIPPETS]
