"""Regional mobility dashboard for South-East Europe: page setup and navigation only."""

import streamlit as st

st.set_page_config(page_title="SEE Mobility Dashboard", page_icon="assets/favicon.png", layout="wide")

pages = [
    st.Page("pages/overview.py", title="Overview", icon=":material/home:", url_path="overview", default=True),
    st.Page("pages/data_sources.py", title="Data & sources", icon=":material/menu_book:", url_path="data"),
]
st.navigation(pages).run()
