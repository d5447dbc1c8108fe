from django.core.management.base import BaseCommand

from scrutinydesk.search.index import rebuild


class Command(BaseCommand):
    help = "Empty the search index and fill it again from every record."

    def handle(self, *args, **options):
        self.stdout.write(f"search index rebuilt: {rebuild()} entries")
