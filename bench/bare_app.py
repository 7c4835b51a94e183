"""The floor for the first chart: Streamlit with one tiny plotly chart and one table, nothing of ours.

?with=numbers,watch,html adds, one by one, what every page of ours adds around its first chart
(bench/first_load_trace.py --bare --variants), so that each one's cost can be measured alone.
"""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

extras = set(st.query_params.get("with", "").split(","))
if "html" in extras:  # theme_ui.accessible_page: CSS, and a script setting <html lang>
    st.html("<style>[data-testid=stCaptionContainer] { opacity: 1 !important; }</style>")
    with st.sidebar:
        st.html("<script>document.documentElement.lang = 'en';</script>", unsafe_allow_javascript=True)
if "watch" in extras:  # ui.watch_data: a fragment re-run every 2 s
    @st.fragment(run_every=2.0)
    def watch():
        st.empty()

    with st.sidebar:
        watch()
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])))
if "numbers" in extras:  # chart_ui.show_chart: the numbers behind the chart in a closed expander
    with st.expander("Numbers behind the chart"):
        st.dataframe(pd.DataFrame({"country": ["a", "b", "c"], "value": [1, 3, 2]}), hide_index=True)
        st.download_button("Download", b"a,1", file_name="view.csv")
st.table(pd.DataFrame({"country": ["a", "b", "c"], "value": [1, 3, 2]}))
