"""Shop tiles, lists of links to other pages and disclaimer blocks inside a page's main content
are not article text; a list of prices or of linked advice that is the article's stays."""

from __future__ import annotations

from pathlib import Path

from ingest.html import load_html
from ingest.model import Article

_OPENING = (
    "<h1>Athlete's foot</h1><p>Athlete's foot is a common fungal infection that causes itchy, "
    "cracked and flaky skin between the toes. It is easily spread in changing rooms.</p>"
)
_TREATMENT = (
    "<h2>Treatment</h2><p>A pharmacist can recommend an antifungal cream, spray or powder. "
    "Keep using it for 2 weeks after the rash has gone so it does not come back.</p>"
)


def _page(tmp_path: Path, body: str) -> Article:
    path = tmp_path / "athletes-foot.html"
    path.write_text(
        "<!doctype html><html lang='en'><head><title>Athlete's foot</title></head><body><main>"
        f"{_OPENING}{_TREATMENT}{body}</main></body></html>",
        encoding="utf-8",
    )
    return load_html(path)


def _text(article: Article) -> str:
    return "\n\n".join(f"{s.heading}\n{s.text}" for s in article.sections)


def test_shop_tiles_with_prices_and_buttons_go_with_their_heading(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        "<section class='products'><h3>Shop foot care</h3><ul>"
        "<li>Antifungal Cream 15 g – £4.99 <button>Add to basket</button></li>"
        "<li>Foot Powder 75 g – £3.49 <button>Add to basket</button></li></ul></section>"
        "<div class='row'><div class='tile'>Foot Spray 100 ml £5.25 "
        "<a class='btn btn-buy' href='#'>Buy</a></div><div class='tile'>Insoles £7.00 "
        "<a class='btn btn-buy' href='#'>Buy</a></div></div>"
        "<h2>Prevention</h2><p>Dry your feet well after washing, especially between the toes.</p>",
    )
    text = _text(article)
    assert not any(word in text for word in ("£", "Shop foot care", "Add to basket"))
    assert all(words in text for words in ("Dry your feet well", "cream, spray or powder"))


def test_a_list_of_prices_that_is_the_articles_stays(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        "<h2>Costs</h2><p>If you pay for prescriptions, these are the charges:</p><ul>"
        "<li>a single prescription item: £9.90</li><li>a 3-month prepayment certificate: "
        "£32.05</li></ul>",
    )
    costs = next(s for s in article.sections if s.heading == "Costs").text
    assert "- a single prescription item: £9.90" in costs
    assert "- a 3-month prepayment certificate: £32.05" in costs


def test_a_list_of_links_to_other_pages_goes_and_its_heading_too(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        "<h2>More information</h2><ul><li>Fact sheet: <a href='/a'>Fungal nail infection</a>"
        "</li><li>Fact sheet: <a href='/b'>Foot hygiene</a></li></ul>",
    )
    assert [s.heading for s in article.sections] == ["", "Treatment"]


def test_advice_with_links_in_its_items_stays(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        "<h2>See a GP if</h2><ul><li>the <a href='/cream'>antifungal cream</a> has not worked "
        "after 2 weeks of using it every day</li><li>you have <a href='/diabetes'>diabetes</a> "
        "or a weakened immune system, as foot infections can be more serious</li></ul>",
    )
    gp = next(s for s in article.sections if s.heading == "See a GP if").text
    assert gp.startswith("- the antifungal cream has not worked after 2 weeks")
    assert "\n- you have diabetes or a weakened immune system" in gp


def test_a_disclaimer_block_goes(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        "<div class='factsheet-disclaimer'><p>This fact sheet is supported by the Example "
        "Foundation.</p><p>It is general information only.</p></div>"
        "<h2>Disclaimer</h2><p>We do our best to keep this page accurate but accept no "
        "liability for its use.</p>",
    )
    text = _text(article)
    assert not any(word in text for word in ("Foundation", "liability", "Disclaimer"))
    assert text.rstrip().endswith("so it does not come back.")


def test_a_wrapper_whose_class_names_a_disclaimer_keeps_the_article(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.html"
    prose = " ".join(["Athlete's foot spreads in damp places such as changing rooms."] * 20)
    path.write_text(
        "<!doctype html><html lang='en'><head><title>Athlete's foot</title></head><body>"
        f"<div class='page with-disclaimer'><h1>Athlete's foot</h1><p>{prose}</p></div>"
        "</body></html>",
        encoding="utf-8",
    )
    assert "changing rooms" in load_html(path).sections[0].text
