"""Add articles: upload files or paste text; they load with progress and show on every page at once."""
from lib.dashboard.add_articles import add_articles_page

add_articles_page()
