"""The Streamlit dashboard's shared parts; the pages in pages/ read the filters, call these, and draw.

context: the database (opened, or first built from seeds/) and its cached queries. sidebar: the filters in
the sidebar and the URL. render: escaping, highlighting, links, CSS, footer. page: page setup, counts and
downloads. map_panel: the place chosen on the map and its excerpts. excerpts: the excerpt panel's HTML
from plain rows. article: one article on Sources.
headline: the Overview's figures and their notes. tables: the tables' columns and row links. timeline_panel:
the Counts page's timeline, whose bars set the date filter.
"""
