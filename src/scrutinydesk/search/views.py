"""The search page."""

from django.shortcuts import render
from django.urls import reverse

from scrutinydesk.web.components import paginate

from .forms import SearchForm
from .services import search


class _Hits:
    """The results of one search as the paginator reads them: counted once, each page
    fetched with its own LIMIT and OFFSET."""

    def __init__(self, text, user, filters):
        self.text, self.user, self.filters = text, user, filters
        self._total = None

    def count(self):
        if self._total is None:
            self._total = search(self.text, self.user, limit=0, **self.filters).total
        return self._total

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        return search(self.text, self.user, limit=stop - start, offset=start,
                      **self.filters).results


def search_page(request):
    form = SearchForm(request.GET)
    chosen = form.filters()
    text = chosen.pop("q", "")
    filters = {"committee": chosen.get("committee"), "date_from": chosen.get("date_from"),
               "date_to": chosen.get("date_to"),
               "kinds": [chosen["kind"]] if chosen.get("kind") else []}
    page_obj = paginate(request, _Hits(text, request.user, filters)) if text else None
    return render(request, "search/search.html", {
        "form": form, "q": text, "page_obj": page_obj,
        "breadcrumbs": [("Home", reverse("web:home")), ("Search", "")],
    })
