"""Batch 3, Schleswig-Holstein: Flensburg, Kiel, Lübeck, Neumünster (rows 166–171, 193–198, 428–433, 495–498,
598–601 of batch3/infrastructure.csv). The exemplar module: every clause read and given a disposition."""

from __future__ import annotations

from model import undated
from mapping.batch3.api import (adopted, body, chair, classifies, election, established, inferred_year, keep,
                                located_in, members_count, note, noted, on, one, out, predecessor, publication,
                                rest, row, season, valid)

LANDS = ("Schleswig-Holstein",)

KIEL_FORUM = "Forum für Migrantinnen und Migranten der Landeshauptstadt Kiel"
KIEL_PREDECESSOR = "Interessenvertretung für ausländische Einwohner"
KIEL_REFERAT = "Referat für Migration (Amt für Soziale Dienste, Landeshauptstadt Kiel)"
HL_FORUM = "Forum für Migrantinnen und Migranten in der Hansestadt Lübeck"
NMS_FORUM = "Forum der Vielfalt Neumünster"
NMS_ROUND_TABLE = "Runder Tisch für Integration"
FL_ROUND_TABLE = "Runder Tisch für Integration (Stadt Flensburg)"
BOARD = "the Forum's board is not modelled as a body of its own; the model has no node for it"

# Lübeck's forum is in the first batch under a shorter name (infrastructure-118): one node, both names kept.
ALIASES = {("Lübeck", HL_FORUM): "Forum für Migrantinnen und Migranten (Lübeck)"}

ROWS = {
    # --- Kiel
    166: one(established("2002", decided_by="Ratsversammlung"),
             rest("'current form' founded 2002 on a Ratsversammlung decision of 2001-12-13 (fixed membership, rights "
                  "and duties, official representation)")),
    167: row(keep(1, predecessor(KIEL_PREDECESSOR), on(KIEL_PREDECESSOR, election("1996"))),
             # "two years later" would be 1998 only by arithmetic, and no election took place
             note(2, about=KIEL_PREDECESSOR)),
    168: row(keep(1, classifies()), note(2)),
    169: one(members_count(50, when=inferred_year("2012"), unit="member-organisations", qualifier="approximately"),
             rest("almost 50 member organisations at its 10th anniversary")),
    170: row(keep(1, chair("Dursiye Ayyildiz", undated())), keep(2, chair("Özlem Ünsal", "2012"))),
    171: noted(),  # running the forum's office: no property for it
    598: noted(),  # an update in progress: neither adoption nor validity
    599: one(publication("Integrationsbericht 2011", "2012-11", publisher=KIEL_REFERAT),
             rest("the Integrationsbericht 2011 reports the implementation status of the Handlungsempfehlungen at "
                  "2009-12-31 and 2011-12-31; published by the 'Referat für Migration, Amt für Familie und Soziales' "
                  "(document copy)")),
    600: one(located_in(KIEL_REFERAT),
             rest("Land-funded coordination office (KIT): networks, intercultural cooperation with municipal "
                  "services, participation structures")),
    # a party's own amendment against creating a post: no post exists, so the note sits on the administration
    601: row(note(1, "a proposed 'Beauftragte/r für Integration/Flüchtlinge und Migration': a 2016 amendment by SPD, "
                     "Greens and SSW (Drucksache 0201/2016) argued against creating an additional commissioner post, "
                     "asking the administration to show where the tasks were already covered (party website)"),
             actor_type="administration"),
    # --- Lübeck
    # the Bürgerschaft's decision (clause 1) is a date the model has no property for (as infrastructure-063);
    # decided_by belongs to clause 1, so the founding of clause 2 does not name the council
    193: row(note(1), keep(2, established("2007-06-20"), rest("over 300 participants at the founding"))),
    194: row(keep(1, classifies()), keep(2, classifies())),
    195: row(keep(1, members_count(160, qualifier="approximately")),
             out(2, "'about 100 (older page)': a figure of another, older page than the cited one, which the row "
                    "does not name; the cited page's own figures are kept"),
             keep(3, members_count(100, when=inferred_year("2017"), qualifier="more-than"),
                  rest("over 100 members at its 10th anniversary"))),
    196: row(note(1), note(2)),
    197: row(keep(1, established("2009-11-01"), located_in("Fachbereich Wirtschaft und Soziales"),
                  rest("set up under Senator Wolfgang Halbedel")),
             note(2),  # 1.5 posts: a count of full-time equivalents, which the counts (integers) cannot hold
             note(3)),
    198: row(note(1), note(2)),  # the start of work, dated only as "after the 2006 decision": no adoption
    # --- Flensburg
    428: row(keep(1, classifies()), keep(2, classifies()), note(3), note(4)),
    429: row(keep(1, established(season("autumn 2009"))), note(2)),
    430: one(valid("2010", "2015")),
    431: one(adopted("2016-03", by="Ratsversammlung")),
    432: one(valid("2016", "2022")),
    433: noted(),  # "working basis since 2009", biennial updates: a process, no adoption date of one version
    # --- Neumünster
    495: row(keep(1, established("2014", decided_by="Ratsversammlung", predecessor=NMS_ROUND_TABLE),
                  rest("the Runder Tisch für Integration had been inactive since 2010")),
             note(2, f"first board election 2014-05-09 ({BOARD})")),
    496: row(keep(1, classifies()), note(2), note(3), note(4)),
    497: row(note(1), note(2)),
    # a kick-off "in February (2014)": the model has no link from an event to the plan it starts
    498: noted(),
}

BODIES = {
    ("Kiel", KIEL_FORUM): body("migrant-forum", "open-membership", rows=[168]),
    ("Kiel", KIEL_PREDECESSOR): body("auslaenderbeirat", rows=[167]),
    ("Lübeck", HL_FORUM): body("migrant-forum", "open-membership", "independent-representation", rows=[194]),
    ("Flensburg", FL_ROUND_TABLE): body("round-table", "open-membership", "independent-representation", rows=[428]),
    ("Neumünster", NMS_FORUM): body("other-forum", "open-membership", rows=[496]),
    ("Neumünster", NMS_ROUND_TABLE): body("round-table", rows=[495]),
}
