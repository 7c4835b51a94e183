"""Regional mobility dashboard for South-East Europe: page setup and navigation only."""

import streamlit as st

from components import admin, language_ui, theme_ui

tx = language_ui.current()
st.set_page_config(page_title=tx("nav.page_title"), page_icon="assets/favicon.png", layout="wide")
theme_ui.accessible_page(tx.code)
admin.bound_upload_endpoint()

pages = [
    st.Page("pages/explore/overview.py", title=tx("nav.overview"), icon=":material/home:", url_path="overview", default=True),
    st.Page("pages/explore/map.py", title=tx("nav.map"), icon=":material/map:", url_path="map"),
    st.Page("pages/explore/corridors.py", title=tx("nav.corridors"), icon=":material/flight_takeoff:", url_path="corridors"),
    st.Page("pages/explore/corridor.py", title=tx("corridor_card.nav_title"), icon=":material/route:", url_path="corridor"),
    st.Page("pages/explore/circular.py", title=tx("circular.nav_title"), icon=":material/autorenew:", url_path="circular"),
    st.Page("pages/explore/trends.py", title=tx("nav.trends"), icon=":material/show_chart:", url_path="trends"),
    st.Page("pages/explore/compare.py", title=tx("nav.compare"), icon=":material/bar_chart:", url_path="compare"),
    st.Page("pages/explore/profile.py", title=tx("nav.profile"), icon=":material/flag:", url_path="profile"),
    st.Page("pages/present/present.py", title=tx("nav.present"), icon=":material/slideshow:", url_path="present"),
    st.Page("pages/data/data_sources.py", title=tx("nav.data"), icon=":material/menu_book:", url_path="data"),
    st.Page("pages/explore/actors.py", title=tx("nav.actors"), icon=":material/diversity_3:", url_path="actors"),
]
# The upload page exists only when an admin password is configured and staff have signed in
# (on the Data & sources page).
if admin.signed_in():
    pages.append(st.Page("pages/data/upload.py", title=tx("nav.upload"), icon=":material/upload_file:", url_path="upload"))
page = st.navigation(pages)
language_ui.picker()
page.run()
