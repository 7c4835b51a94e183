"""Upload a data file (staff only): checked like a dropped file, then stored in data/ and published."""

import streamlit as st

from components import admin, contract, language_ui, ui, uploads
from components.settings import data_dir
from components.validation_report import detected_text, problems_table

tx = language_ui.current()
# Checked before anything else: opening this page's address without signing in shows nothing.
admin.require_sign_in(tx)

data = ui.dataset()
ui.file_notices(data)

st.title(tx("upload.title"))
st.markdown(tx("upload.intro", limit=contract.MAX_FILE_MB, page=tx("nav.data"),
               tab=tx("data_page.tabs.files")))

# No type= filter: the content decides (components/uploads.py), so Excel's "Unicode Text" .txt
# export is accepted and a misleading name is caught by the same check as a misleading content.
uploaded = st.file_uploader(tx("upload.file_label"), max_upload_size=contract.MAX_FILE_MB)
if uploaded is not None:
    # Checked once per content: choosing where to store it re-runs this page.
    check = uploads.checked_once(st.session_state.setdefault("upload_checks", {}), uploaded.getvalue(),
                                 uploaded.name, data.indicators, data.fingerprint)
    if check.report is not None and check.report.detected:
        st.caption(tx("upload.detected", detected=detected_text(check.report, tx, markdown=True)))
    if not check.accepted:
        st.error(tx.markdown(check.message))
        if check.report is not None:
            ui.table(problems_table([check.report], tx))
    else:
        st.success(tx.markdown(check.message))
        folder = check.kind[0]
        # The choice is kept as the file name (None = a new file); only its label is translated.
        replaceable = uploads.replaceable_files(data_dir(), folder)
        replace = st.selectbox(tx("upload.store_as"), [None, *replaceable],
                               format_func=lambda name: tx("upload.new_file") if name is None
                               else tx("upload.replace", name=name))
        if st.button(tx("upload.publish"), type="primary"):
            target = uploads.store(data_dir(), check, replace)
            st.success(tx("upload.stored", path=tx.markdown(f"data/{folder}/{target.name}")))
