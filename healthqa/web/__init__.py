"""What the Streamlit pages share: cached heavy objects, the editor login, uploads, progress
bars and escaping. The pages only lay things out; nothing here answers questions."""
