"""A meeting whose business is partly exempt, with words that must never reach the public.

``make_exempt_business()`` builds it from real records: a public and an exempt agenda item
(Schedule 12A paragraph 3) read from an agenda pack, each with minutes, a decision, an
undertaking, a declaration and a document; an exempt appendix to the public item; a paper
without exempt parts; and a finding from each paper. ``SECRETS`` are the words only people
who may see exempt information can ever see; ``assert_no_secrets`` checks a page or export.
"""

from dataclasses import dataclass

from scrutinydesk.committees.models import AgendaItem, Meeting
from scrutinydesk.core.models import SourceDocument
from scrutinydesk.findings.models import Finding
from tests.factories import (
    make_committee,
    make_decision,
    make_declaration,
    make_document,
    make_finding,
    make_meeting,
    make_member,
    make_source_document,
    make_undertaking,
)

SECRETS = (
    "tender prices from Harbour Care Ltd",  # exempt item's minutes
    "bids scored against the framework",  # exempt item's description
    "award the contract to Harbour Care",  # exempt item's decision
    "renegotiate the unit price",  # exempt item's undertaking
    "director of a bidding company",  # exempt item's declaration
    "Evaluation of tenders (exempt report)",  # exempt item's document
    "Named children's case summaries",  # exempt appendix to the public item
    "CONFIDENTIAL PAGES OF THE PACK",  # text of the pack with exempt parts
    "Pack finding quoting the exempt pages",  # a finding read from that pack
)
EXEMPT_TITLE = "Residential care contract award"  # printed on the public agenda


@dataclass
class ExemptBusiness:
    meeting: Meeting
    public_item: AgendaItem
    exempt_item: AgendaItem
    pack: SourceDocument  # has exempt parts
    public_paper: SourceDocument  # has none
    public_finding: Finding
    pack_finding: Finding


def make_exempt_business() -> ExemptBusiness:
    pack = make_source_document(
        title="Children's Scrutiny Committee agenda pack",
        text="Agenda\n4. Fostering sufficiency\n9. Residential care contract award\n"
             "CONFIDENTIAL PAGES OF THE PACK\n")
    public_paper = make_source_document(title="Monitoring report",
                                        text="Rate of children in care: 71 per 10,000\n")
    committee = make_committee(name="Children's Scrutiny Committee", council="Anyshire Council")
    meeting = make_meeting(committee=committee, source=pack)
    public_item = AgendaItem.objects.create(
        meeting=meeting, number="4", position=4, title="Fostering sufficiency",
        description="The director's report on places for children in care.",
        minutes="Members asked about recruitment of foster carers.", source=pack)
    exempt_item = AgendaItem.objects.create(
        meeting=meeting, number="9", position=9, title=EXEMPT_TITLE, part=2,
        exempt_paragraph="3", description="The bids scored against the framework.",
        minutes="Members discussed the tender prices from Harbour Care Ltd.", source=pack)
    member = make_member(name="Pat Example")
    for item, words in ((public_item, ("That the report be noted.", "send the figures",
                                       "a foster carer", "Fostering sufficiency report")),
                        (exempt_item, ("To award the contract to Harbour Care.",
                                       "renegotiate the unit price",
                                       "director of a bidding company",
                                       "Evaluation of tenders (exempt report)"))):
        decision, undertaking, interest, document = words
        make_decision(meeting=meeting, agenda_item=item, text=decision, source=pack)
        make_undertaking(meeting=meeting, agenda_item=item, owner="Ann Other",
                         text=undertaking, source=pack)
        make_declaration(meeting=meeting, agenda_item=item, member=member, interest=interest,
                         source=pack)
        make_document(meeting=meeting, agenda_item=item, title=document,
                      subject=document, source=pack)
    make_document(meeting=meeting, agenda_item=public_item, exempt=True,
                  title="Named children's case summaries", source=pack)
    return ExemptBusiness(
        meeting=meeting, public_item=public_item, exempt_item=exempt_item, pack=pack,
        public_paper=public_paper,
        public_finding=make_finding(source=public_paper, explanation="Monitoring finding"),
        pack_finding=make_finding(source=pack,
                                  explanation="Pack finding quoting the exempt pages"))


def assert_no_secrets(text: str) -> None:
    leaked = [secret for secret in SECRETS if secret in text]
    assert not leaked, f"exempt information reached the public: {leaked}"
