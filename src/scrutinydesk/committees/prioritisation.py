"""The scrutiny review prioritisation methodology: six questions, three outcomes.

The printed flowchart (see the work programme in the samples) asks:

Q1 Is the topic likely to have a significant impact on the delivery of council services?
Q2 Is the issue included in the Corporate Plan, or could it be if not addressed?
Q3 Is a focussed scrutiny review likely to add value to the council or its services?
Q4 Is a proactive scrutiny process likely to lead to efficiencies or savings?
Q5 Has other review work been undertaken which may lead to a risk of duplication?
Q6 Do sufficient scrutiny resources exist to carry the work out properly and in time?

and ends in "Include (high priority)", "Consider (lower priority)" or "Do not include".
Its arrows do not survive conversion to text, so the rule below is Scrutiny Desk's
reading of it, documented in docs/work-programme.md; a clerk can record a different
decision on the item.
"""

from .vocab import PrioritisationAnswer, Priority

QUESTIONS = {
    "q1": "Is the topic/issue likely to have a significant impact on the delivery of council "
          "services?",
    "q2": "Is the issue included in the Corporate Plan (e.g. of strategic importance to the "
          "council or its stakeholders / partners), or have the potential to be if not "
          "addressed?",
    "q3": "Is a focussed scrutiny review likely to add value to the council to the performance "
          "of its services?",
    "q4": "Is a proactive scrutiny process likely to lead to efficiencies / savings?",
    "q5": "Has other review work been undertaken which may lead to a risk of duplication?",
    "q6": "Do sufficient scrutiny resources already exist, or are available, to ensure that "
          "the necessary work can be properly carried out in a timely manner?",
}

YES, NO, POSSIBLY = PrioritisationAnswer.YES, PrioritisationAnswer.NO, PrioritisationAnswer.POSSIBLY


def priority_from_answers(answers: dict[str, str]) -> tuple[Priority | None, str]:
    """The priority the methodology gives, and why. ``None`` until every question that
    decides the outcome has an answer."""
    a = {k: (v or "").strip().lower() for k, v in answers.items()}
    for q, label in (("q1", "Q1"), ("q2", "Q2"), ("q3", "Q3")):
        if a.get(q) == NO:
            return Priority.DO_NOT_INCLUDE, f"{label} answered no: {QUESTIONS[q]}"
    if a.get("q5") == YES:
        return Priority.DO_NOT_INCLUDE, "Q5 answered yes: other review work risks duplication."
    missing = [q.upper() for q in QUESTIONS if a.get(q) not in (YES, NO, POSSIBLY)]
    if missing:
        return None, "Not yet answered: " + ", ".join(missing) + "."
    if a["q6"] == NO:
        return Priority.LOWER, "Q6 answered no: scrutiny resources are not available in time."
    if a["q4"] == NO:
        return Priority.LOWER, "Q4 answered no: the review is unlikely to lead to efficiencies."
    return Priority.HIGH, ("Significant impact, in the Corporate Plan, adds value, may lead to "
                           "efficiencies, no duplication and resources are available.")
