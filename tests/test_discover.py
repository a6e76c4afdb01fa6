"""Walking ingest roots, checking content against names, and settling document ids."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from fpdf import FPDF

from healthqa.errors import FileLimitExceeded, IngestError, UnsupportedFormat
from ingest.discover import (
    Format,
    LoadLimits,
    SourceFile,
    discover,
    load_source,
    sniff_format,
    url_doc_id,
)


@pytest.fixture
def tree(tmp_path: Path, fixtures_dir: Path) -> Path:
    """A small ingest root holding one file of every format, plus files that must be skipped."""
    articles = fixtures_dir / "articles"
    root = tmp_path / "root"
    (root / "web").mkdir(parents=True)
    (root / "medquad" / "6_X_QA").mkdir(parents=True)
    (root / ".cache").mkdir()
    shutil.copy(articles / "asthma-page.html", root / "web" / "asthma.html")
    shutil.copy(articles / "flu-vaccine.md", root / "flu.md")
    shutil.copy(articles / "scraped-sleep-apnea.txt", root / "web" / "sleep.txt")
    shutil.copy(articles / "medquad-old-ninds.xml", root / "medquad" / "6_X_QA" / "0000042.xml")
    shutil.copy(articles / "corpus.jsonl", root / "corpus.jsonl")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Wear sunscreen with SPF 30 or higher every day.")
    pdf.output(str(root / "web" / "sun.pdf"))
    for skipped in ("LICENSE.txt", "README.md", "notice", "CHANGELOG.md", ".hidden.txt"):
        (root / skipped).write_text("not an article")
    (root / ".cache" / "page.html").write_text("<p>cached</p>")
    return root


def test_discover_is_sorted_and_skips_non_articles(tree: Path) -> None:
    found = list(discover([tree]))
    assert [s.relative for s in found] == [
        "corpus.jsonl",
        "flu.md",
        "medquad/6_X_QA/0000042.xml",
        "web/asthma.html",
        "web/sleep.txt",
        "web/sun.pdf",
    ]
    assert all(s.root == tree and s.path == tree / s.relative for s in found)


def test_symlink_loops_are_walked_once(tree: Path) -> None:
    (tree / "web" / "loop").symlink_to(tree, target_is_directory=True)
    relatives = [s.relative for s in discover([tree])]
    assert len(relatives) == len(set(relatives)) == 6


def test_links_out_of_a_folder_are_refused_and_links_inside_it_are_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "notes").mkdir(parents=True)
    (outside / "secret.txt").write_text("Private notes about secretitis.")
    (outside / "notes" / "more.md").write_text("More private notes.")
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    (root / "flu.md").write_text("# Flu\n\nRest and drink fluids.")
    (root / "passwd.txt").symlink_to("/etc/passwd")
    (root / "secret.txt").symlink_to(outside / "secret.txt")
    (root / "sub" / "notes").symlink_to(outside / "notes", target_is_directory=True)
    (root / "sub" / "flu-again.md").symlink_to(root / "flu.md")  # stays inside: read

    found = {s.relative: s for s in discover([root])}
    assert sorted(found) == ["flu.md", "passwd.txt", "secret.txt", "sub/flu-again.md", "sub/notes"]
    assert [a.title for a in load_source(found["sub/flu-again.md"]).articles] == ["Flu"]
    for relative, target in (
        ("passwd.txt", Path("/etc/passwd").resolve()),
        ("secret.txt", outside / "secret.txt"),
        ("sub/notes", outside / "notes"),
    ):
        with pytest.raises(IngestError) as refused:
            load_source(found[relative])
        assert str(refused.value) == (
            f"{root / relative} is a link to {target}, outside the folder {root}, so it was "
            "not read (name that path itself to ingest it)."
        )

    # Named itself, a link is read; a root that is itself a link holds what its target holds.
    assert load_source(next(discover([root / "secret.txt"]))).articles[0].sections
    (tmp_path / "shortcut").symlink_to(outside, target_is_directory=True)
    assert [s.relative for s in discover([tmp_path / "shortcut"])] == [
        "secret.txt", "notes/more.md"
    ]
    assert all(load_source(s).articles for s in discover([tmp_path / "shortcut"]))


def test_a_file_root(tree: Path) -> None:
    assert list(discover([tree / "flu.md"])) == [
        SourceFile(path=tree / "flu.md", root=tree, relative="flu.md")
    ]


def test_missing_root(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="does not exist"):
        list(discover([tmp_path / "nowhere"]))


def test_load_source_settles_ids_and_paths(tree: Path) -> None:
    loaded = {s.relative: load_source(s).articles for s in discover([tree])}
    ids = {rel: [a.doc_id for a in arts] for rel, arts in loaded.items()}
    assert ids == {
        "corpus.jsonl": ["ex-001", "ex-002", "EX 3/Mixed"],
        # Plain files are named by their resolved absolute path (format ids are kept).
        "flu.md": [str(tree / "flu.md")],
        "medquad/6_X_QA/0000042.xml": ["medquad/ExampleNINDS/0000042"],
        "web/asthma.html": ["https://health.example.org/conditions/asthma/living-with-asthma"],
        "web/sleep.txt": [str(tree / "web" / "sleep.txt")],
        "web/sun.pdf": [str(tree / "web" / "sun.pdf")],
    }
    for relative, articles in loaded.items():
        assert all(a.path == str(tree / relative) for a in articles)
    assert loaded["web/sun.pdf"][0].sections[0].page == 1


def test_html_without_canonical_uses_its_absolute_path(tree: Path) -> None:
    page = tree / "web" / "asthma.html"
    html = page.read_text().replace("conditions/asthma/living-with-asthma", "")
    page.write_text(html.replace("og/asthma", ""))
    source = SourceFile(path=page, root=tree, relative="web/asthma.html")
    assert load_source(source).articles[0].doc_id == str(page)


def test_url_doc_id() -> None:
    assert url_doc_id("https://a.org/x/y#top") == "https://a.org/x/y"
    assert url_doc_id("https://a.org/") is None
    assert url_doc_id("ftp://a.org/x") is None
    assert url_doc_id(None) is None


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.7\n...", "upload.pdf", Format.PDF),
        (b"  %PDF-1.4\n", "no-extension", Format.PDF),
        (b"<!doctype html><p>x</p>", "page.HTM", Format.HTML),
        (b"# Title\n\ntext", "notes.markdown", Format.TEXT),
        (b"plain words", "notes.txt", Format.TEXT),
        (b'<?xml version="1.0"?><Document id="1">', "1.xml", Format.MEDQUAD),
        (b'{"_id": "1", "title": "", "text": "x"}', "corpus.jsonl", Format.BEIR),
    ],
)
def test_sniff_format(data: bytes, name: str, expected: Format) -> None:
    assert sniff_format(data, name) is expected


@pytest.mark.parametrize(
    ("data", "name", "error", "message"),
    [
        (b"<html></html>", "report.pdf", IngestError, "named .pdf but is not a PDF"),
        (b"%PDF-1.7\n", "notes.txt", IngestError, "is a PDF file despite its .txt"),
        (b"\x00\x01\x02junk\x00" * 30, "notes.txt", IngestError, "contains binary data"),
        (b"plain words only", "page.html", IngestError, "contains no HTML markup"),
        (b"<rss version='2.0'/>", "feed.xml", UnsupportedFormat, "not a MedQuAD document"),
        (b'{"_id": "q1", "text": "?"}', "queries.jsonl", UnsupportedFormat, "not a BEIR corpus"),
        (b"a\tb\n", "qrels.tsv", UnsupportedFormat, r"not a supported article type \(\.tsv\)"),
        (b"anything", "Makefile", UnsupportedFormat, r"\(no extension\)"),
    ],
)
def test_sniff_format_rejects(data: bytes, name: str, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        sniff_format(data, name)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        ("notes.txt", "Café au lait spots\n\nCafé au lait spots are flat patches of skin.", None),
        ("spots.md", "# Café au lait spots\n\nThey are flat patches of skin.", None),
        (
            "spots.html",
            "<html><head><title>Café au lait spots</title></head><body><article>"
            "<h1>Café au lait spots</h1><p>Café au lait spots are flat, light brown patches "
            "of skin that are present at birth or appear in early childhood.</p>"
            "<p>Most people have one or two of them and they cause no harm.</p></article>"
            "</body></html>",
            "Café au lait spots",
        ),
        (
            "corpus.jsonl",
            '{"_id": "s1", "title": "Café au lait spots", '
            '"text": "They are flat patches of skin."}\n',
            "Café au lait spots",
        ),
    ],
)
def test_text_saved_as_utf16_or_utf32_with_a_byte_order_mark_is_read(
    tmp_path: Path, encoding: str, name: str, content: str, title: str | None
) -> None:
    mark = {"utf-16-be": "\ufeff"}.get(encoding, "")  # Python writes the mark for the others
    (tmp_path / name).write_bytes((mark + content).encode(encoding))
    [article] = load_source(
        SourceFile(path=tmp_path / name, root=tmp_path, relative=name)
    ).articles
    text = " ".join(s.text for s in article.sections)
    assert "flat" in text
    assert "Café" in article.title + text
    if title is not None:
        assert article.title == title


def test_a_byte_order_mark_over_text_it_does_not_fit_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\xff\xfeA\x00B")  # UTF-16 mark, then an odd number of bytes
    with pytest.raises(IngestError, match=r"odd\.txt starts with a UTF-16 byte-order mark but is"):
        load_source(SourceFile(path=path, root=tmp_path, relative="odd.txt"))


def test_medquad_xml_in_utf16_is_read_by_the_xml_parser(tmp_path: Path) -> None:
    path = tmp_path / "0000005.xml"
    path.write_bytes(
        '<?xml version="1.0" encoding="UTF-16"?><Document id="0000005" source="X"><Focus>Café'
        '</Focus><QAPairs><QAPair pid="1"><Question qid="5-1" qtype="information">What is it ?'
        "</Question><Answer>A drink.</Answer></QAPair></QAPairs></Document>".encode("utf-16")
    )
    [article] = load_source(
        SourceFile(path=path, root=tmp_path, relative=path.name)
    ).articles
    assert (article.title, article.sections[0].text) == ("Café", "A drink.")


def test_load_source_wrong_content(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"GIF89a\x01\x00")
    with pytest.raises(IngestError, match=r"scan\.pdf is named \.pdf but is not a PDF"):
        load_source(SourceFile(path=path, root=tmp_path, relative="scan.pdf"))


def test_html_has_its_own_lower_size_limit_told_by_its_name(tmp_path: Path) -> None:
    paragraph = "<p>Cool a burn under cool running water for twenty minutes.</p>\n"
    page = f"<html><body><h1>Burns</h1>{paragraph * 400}</body></html>"  # about 25 KB
    limits = LoadLimits(max_html_bytes=20_000)
    for name in ("burns.html", "burns.HTM"):
        (tmp_path / name).write_text(page)
        with pytest.raises(FileLimitExceeded) as refused:
            load_source(SourceFile(path=tmp_path / name, root=tmp_path, relative=name), limits)
        assert str(refused.value) == (
            f"{tmp_path / name} is 25.0 KB; HTML pages over 19.5 KB are not ingested "
            "(HEALTHQA_MAX_HTML_BYTES)."
        )
    # The HTML limit is not a limit on text, which has its own (max_text_bytes).
    (tmp_path / "burns.md").write_text("# Burns\n\n" + paragraph[3:-5] * 400)
    (article,) = load_source(
        SourceFile(path=tmp_path / "burns.md", root=tmp_path, relative="burns.md"), limits
    ).articles
    assert (tmp_path / "burns.md").stat().st_size > 20_000
    assert "running water" in article.sections[0].text


def test_markdown_and_text_have_their_own_size_limit_and_corpora_do_not(tmp_path: Path) -> None:
    sentence = "Cool a burn under cool running water for twenty minutes. "
    limits = LoadLimits(max_text_bytes=20_000)
    for name in ("burns.md", "burns.markdown", "burns.TXT"):
        (tmp_path / name).write_text("# Burns\n\n" + sentence * 430)
        with pytest.raises(FileLimitExceeded) as refused:
            load_source(SourceFile(path=tmp_path / name, root=tmp_path, relative=name), limits)
        assert str(refused.value) == (
            f"{tmp_path / name} is 23.9 KB; Markdown and text articles over 19.5 KB are not "
            "ingested (HEALTHQA_MAX_TEXT_BYTES)."
        )
    # A BEIR corpus as large is many small documents: only max_file_bytes applies to it.
    record = {"_id": "", "title": "Burns", "text": sentence}
    lines = [json.dumps(record | {"_id": f"b{n}"}) for n in range(300)]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n")
    assert (tmp_path / "corpus.jsonl").stat().st_size > 20_000
    corpus = SourceFile(path=tmp_path / "corpus.jsonl", root=tmp_path, relative="corpus.jsonl")
    assert len(load_source(corpus, limits).articles) == 300


def test_unreadable_paths(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "dangling.md").symlink_to(tmp_path / "gone.md")
    for name in ("folder.txt", "dangling.md"):
        with pytest.raises(IngestError, match="could not be read"):
            load_source(SourceFile(path=tmp_path / name, root=tmp_path, relative=name))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Private notes.")
    path.chmod(0)
    try:
        with pytest.raises(IngestError, match=r"secret\.txt could not be read"):
            load_source(SourceFile(path=path, root=tmp_path, relative="secret.txt"))
    finally:
        path.chmod(0o600)
