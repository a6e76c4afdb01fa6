"""The editor password gate shared by the Editor and Evaluation pages."""

from __future__ import annotations

import hmac

import streamlit as st

UNLOCKED_KEY = "editor_unlocked"


def unlocked(password: str) -> bool:
    """True once this session has given the password (compared in constant time)."""
    if st.session_state.get(UNLOCKED_KEY):
        return True
    with st.form("login"):
        given = st.text_input("Editor password", type="password")
        submitted = st.form_submit_button("Unlock")
    if submitted:
        if hmac.compare_digest(given.encode("utf-8"), password.encode("utf-8")):
            st.session_state[UNLOCKED_KEY] = True
            return True
        st.error("That password is not right.")
    return False
