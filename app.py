"""Regional mobility dashboard for South-East Europe: page setup and navigation only."""

import streamlit as st

from components import admin

st.set_page_config(page_title="SEE Mobility Dashboard", page_icon="assets/favicon.png", layout="wide")

pages = [
    st.Page("pages/explore/overview.py", title="Overview", icon=":material/home:", url_path="overview", default=True),
    st.Page("pages/explore/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page("pages/explore/corridors.py", title="Diaspora corridors", icon=":material/flight_takeoff:", url_path="corridors"),
    st.Page("pages/explore/trends.py", title="Trends", icon=":material/show_chart:", url_path="trends"),
    st.Page("pages/explore/compare.py", title="Compare", icon=":material/bar_chart:", url_path="compare"),
    st.Page("pages/explore/profile.py", title="Country profile", icon=":material/flag:", url_path="profile"),
    st.Page("pages/present/present.py", title="Presenter mode", icon=":material/slideshow:", url_path="present"),
    st.Page("pages/data/data_sources.py", title="Data & sources", icon=":material/menu_book:", url_path="data"),
    st.Page("pages/explore/actors.py", title="Actors & initiatives", icon=":material/diversity_3:", url_path="actors"),
]
# The upload page exists only when an admin password is configured and staff have signed in
# (on the Data & sources page).
if admin.signed_in():
    pages.append(st.Page("pages/data/upload.py", title="Upload data", icon=":material/upload_file:", url_path="upload"))
st.navigation(pages).run()
