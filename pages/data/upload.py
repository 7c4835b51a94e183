"""Upload a data file (staff only): checked like a dropped file, then stored in data/ and published."""

import streamlit as st

from components import admin, contract, ui, uploads
from components.settings import data_dir
from components.validation_report import detected_text, problems_table

# Checked before anything else: opening this page's address without signing in shows nothing.
admin.require_sign_in()

data = ui.dataset()
ui.file_notices(data)

st.title("Upload a data file")
st.markdown(
    "Upload an observation file (CSV or Excel .xlsx, one row per value, see the templates in "
    "`data/templates/`) or a boundary file (GeoJSON). It is checked exactly like a file dropped "
    f"into `data/`; files up to {contract.MAX_FILE_MB} MB are accepted. A file that passes appears "
    "on every page within a few seconds, and is listed under **Data & sources → Data files**."
)

# No type= filter: the content decides (components/uploads.py), so Excel's "Unicode Text" .txt
# export is accepted and a misleading name is caught by the same check as a misleading content.
uploaded = st.file_uploader("Data file (CSV, Excel .xlsx or GeoJSON)",
                            max_upload_size=contract.MAX_FILE_MB)
if uploaded is not None:
    content = uploaded.getvalue()
    check = uploads.check_upload(content, uploaded.name, data.indicators)
    if check.report is not None and check.report.detected:
        st.caption("Detected: " + detected_text(check.report))
    if not check.accepted:
        st.error(check.message)
        if check.report is not None:
            ui.table(problems_table([check.report]))
    else:
        st.success(check.message)
        folder = check.kind[0]
        choices = ["Add as a new file"] + [f"Replace {name}" for name in
                                          uploads.replaceable_files(data_dir(), folder)]
        choice = st.selectbox("Store it as", choices)
        if st.button("Publish this file", type="primary"):
            replace = None if choice == choices[0] else choice.removeprefix("Replace ")
            target = uploads.store(data_dir(), content, check.kind, replace)
            st.success(f"Stored as data/{folder}/{target.name}. It appears on every page within "
                       "a few seconds.")
