"""Work the task worker does for the clerk's desk."""

from huey.contrib.djhuey import db_task


@db_task(retries=0)
def import_attachment(attachment_id: int, stored_name: str, paper_name: str,
                      user_id: int | None = None):
    """Import a paper a clerk attached (through the normal import) and keep the outcome."""
    from scrutinydesk.core.tasks import import_stored_paper

    from .services import record_import

    try:
        outcome = import_stored_paper(stored_name, paper_name, user_id)
    except Exception as exc:  # keep the clerk told, whatever went wrong
        outcome = {"paper": paper_name, "status": "rejected",
                   "error": f"the import stopped with an internal error "
                            f"({type(exc).__name__}); nothing was imported"}
        record_import(attachment_id, outcome)
        raise
    record_import(attachment_id, outcome)
    return outcome
