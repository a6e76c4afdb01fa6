"""HealthQA's shell: `settings` and `errors` (shared by every package), the `cli`, the
`evaluation` runners and reports, `web` helpers for the Streamlit pages, and `text` utilities."""
