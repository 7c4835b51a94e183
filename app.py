"""Regional mobility dashboard for South-East Europe: page setup and navigation only."""

import streamlit as st

from components import admin, language_ui, pages_registry, theme_ui

tx = language_ui.current()
st.set_page_config(page_title=tx("nav.page_title"), page_icon="assets/favicon.png", layout="wide")
theme_ui.accessible_page(tx.code)
admin.bound_upload_endpoint()

# Every page is declared once, in components/pages_registry.py. The upload page exists only when an
# admin password is configured and staff have signed in (on the Data & sources page).
pages = [st.Page(p.script, title=tx(p.nav_key), icon=p.icon, url_path=p.slug, default=p.default)
         for p in pages_registry.PAGES if not p.staff_only or admin.signed_in()]
page = st.navigation(pages)
language_ui.picker()
page.run()
