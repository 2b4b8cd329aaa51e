from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.clean import RULES, Cleaner


def clean_seed(seeds, doc_id):
    return Cleaner().clean(seeds[doc_id].text)


def test_seed_003_debris_is_logged(seeds):
    r = clean_seed(seeds, "003_5f65102a985eecf8")
    rules = [e.rule for e in r.edits]
    texts = " | ".join(e.text for e in r.edits)
    assert rules.count("share") == 2 and "icon-facebook" in texts
    assert "author image" in texts
    assert rules.count("captions") == 2 and "Talibab" in texts
    assert "KASFHAJKSDADFNA" in texts and "garbage" in rules
    assert "keywords" in rules and "dateline" in rules and "byline" in rules
    assert "author image" not in r.text and "icon-" not in r.text and "KASFH" not in r.text
    # the body is intact
    assert "Hasan Askari Rizvi points out" in r.text


def test_news_site_furniture_lines_are_debris():
    """Lines that news sites put between paragraphs (found among the lines of the AllSides articles that survived
    cleaning), each of which became a sentence: "Story Continued Below" gave a document source ("Story"),
    "More: ..." a person named More."""
    furniture = [
        "Advertisement:",
        "Advertisement Continue reading the main story",
        "AD",
        "Story Continued Below",
        "Continue Reading Below",
        "More On This...",
        "More: Trump, top Dems discuss future of DACA.",
        "CLOSE",
        "Video",
        "WATCH: Obama remarks on Iran nuclear deal",
        "(WATCH: 6 major players in HealthCare.gov debacle)",
        "Slideshow (2 Images)",
        "Story highlights GOP leaders say Obama can avoid the worst cuts",
        "Read or Share this story: http://usat.ly/2kI04qx",
        "6 years ago",
        "This article is more than 1 year old",
        "The Associated Press contributed to this report.",
        "Fox News' Chad Pergram contributed to this report.",
        "Follow @politico",
        "- Follow the Ticker on Twitter: @PoliticalTicker",
        "Join us on Facebook.com/CNNOpinion.",
        "Support Vox’s explanatory journalism",
        "Newsletter Sign-up",
        "CLICK HERE FOR THE FOX NEWS APP",
        "[pullquote]",
        # newsletter and disclaimer lines (the first was in 445 of the 489 Christian Science Monitor articles and
        # made "monitor", "inbox" and "privacy" that outlet's most distinctive words)
        "Get the Monitor Stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy",
        "Playbook newsletter Sign up today to receive the #1-rated newsletter in politics Email Sign Up",
        "For indispensable reporting on the crisis and more, subscribe to our newsletters",
        "The opinions expressed by columnists are their own and do not represent the views of this site.",
        "This is a rush transcript. Copy may not be in its final form.",
        "Interested in Syria? Add Syria as an interest to stay up to date on the latest Syria news. Add Interest",
        "Send letters to: letters@example.com.",
        "Write to Jane Roe at jane.roe@example.com",
        "Thank you for signing up. For more from us, check out our latest issue",
        "Subscribe now for as little as $2 a month!",
        "Story continues",
        "ANALYSIS/OPINION:",
        "Editor's Note:",
        "Click for more from Reuters.",
        "CLICK TO GET THE FOX NEWS APP",
        "Advertisement Advertisement",
        "Visit Business Insider's homepage for more stories.",
        "Get news from the BBC in your inbox, each weekday morning",
        # sign-up forms run to a paragraph, longer than the lines other furniture is sought in
        "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box. "
        "Invalid email address. Please re-enter. You must select a newsletter to subscribe to. Sign Up You will "
        "receive emails containing news content, updates and promotions from The Daily Ledger.",
        "Morning Trade A speed read on global trade news, weekday mornings, in your inbox. Email Sign Up By signing "
        "up you agree to receive email newsletters or alerts from the Ledger. You can unsubscribe at any time. This "
        "site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        "Get The Brief. Sign up to receive the top stories you need to know right now. Choose your country "
        + "United States of America Afghanistan Albania Algeria American Samoa Andorra Angola Anguilla Antigua and "
        + "Barbuda Argentina Armenia Aruba Australia Austria Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus "
        + "Belgium Belize Benin Bermuda Bhutan Bolivia",
    ]
    body = [
        "The Senate voted on Tuesday to pass the bill after a long debate on the floor.",
        "More than 40 senators said the measure would cut costs.",
        "Support for the bill grew after the hearing, and supporters said journalism had helped.",
        "Close to 60 senators backed it.",
        "Analysis of the vote showed a split.",
        "Clicking to vote, she said, was too easy.",
        "Video of the vote was shared widely.",
        "Six years ago, the same bill failed.",
        "Voters said the opinions expressed at the hearing were their own.",
        "She signed up to receive the benefits in May.",
        "The senators wrote to the agency that its rules, which had been in force for years, were never meant to "
        "cover people who signed up for the program before it changed, and that the agency should not write to "
        "them at all until the court had ruled on the case brought by the families last spring in Ohio.",
    ]
    text = "\n\n".join(x for pair in zip(body, furniture) for x in pair) + "\n\n" + "\n\n".join(furniture[len(body) :])
    r = Cleaner().clean(text)
    removed = [e.text.strip() for e in r.edits if e.rule == "debris"]
    assert removed == furniture
    for line in body:
        assert line in r.text


@pytest.mark.parametrize(
    "raw, want",
    [
        (
            "It will feature Sen. Marco Rubio Marco Antonio RubioGOP senators plan to tune out impeachment week "
            "Republicans warn election results are a wake-up call MORE (R-Fla.), who spoke.",
            "It will feature Sen. Marco Rubio (R-Fla.), who spoke.",
        ),
        (
            "Rice wrote on the day of President Trump Donald John TrumpTrump taps Brooke Rollins as policy chief "
            "Trump takes pandemic fight to Michigan MORE's inauguration.",
            "Rice wrote on the day of President Trump's inauguration.",
        ),
        (
            "Leader Mitch McConnell Addison (Mitch) Mitchell McConnellMcConnell: Communist Party's methods a "
            "'tragedy' Appeals court upholds repeal MORE (R-Ky.) said no.",
            "Leader Mitch McConnell (R-Ky.) said no.",
        ),
        (
            "A letter to Speaker Paul Ryan Paul Davis Ryan Retirees should say no thanks to the plan MORE (R-Wis.) "
            "went unanswered.",
            "A letter to Speaker Paul Ryan (R-Wis.) went unanswered.",
        ),
        ("Join NRPLUS. LEARN MORE", "Join NRPLUS. LEARN MORE"),  # no name given twice: no card
        ("Trump Donald Trump said we need MORE jobs.", "Trump Donald Trump said we need MORE jobs."),  # too short
    ],
)
def test_the_pop_up_card_of_a_linked_name_is_removed(raw, want):
    """The Hill's name cards (1,839 of them in 479 AllSides articles) put a full name, three headlines and
    "MORE" inside the sentence that names a lawmaker."""
    r = Cleaner().clean(raw)
    assert r.text == want
    for e in r.edits:
        assert e.rule == "name_cards" and raw[e.start : e.end] == e.text and e.text.endswith(" MORE")


def test_a_space_lost_at_a_quotation_mark_is_put_back_on_the_right_side():
    raw = (
        'Rubio says ISIS "will not rest" after taking Baghdad."Its ideology is clear." He said so.\n\n'
        '“We will win.”He said that twice. They left.“Nobody stays,” she said. The U.S."plan" and "A."B stay.'
    )
    r = Cleaner().clean(raw)
    assert r.text == (
        'Rubio says ISIS "will not rest" after taking Baghdad. "Its ideology is clear." He said so.\n\n'
        '“We will win.” He said that twice. They left. “Nobody stays,” she said. The U.S."plan" and "A."B stay.'
    )
    assert {e.rule for e in r.edits} == {"run_together"}
    assert Cleaner(exclude=("run_together",)).clean(raw).text == raw


def test_a_caption_after_a_subhead_is_found_in_hard_wrapped_text_too():
    """In a PDF's text the paragraph before the subhead ends in a short line, which was not taken for body text."""
    text = (
        "Since seizing power, the Taliban have distanced themselves from the expectations\n"
        "of their old hosts in Islamabad.\n\nUnrealised expectations\n\nBorder crossing\n\n"
        "For many in the strategic community there was once an assumption that a government\n"
        "in Kabul would be sympathetic.\n"
    )
    r = Cleaner().clean(text)
    assert [(e.rule, e.text.strip()) for e in r.edits] == [("captions", "Border crossing")]
    assert "Unrealised expectations" in r.text


def test_seed_004_keeps_its_pull_quote_once(seeds):
    r = clean_seed(seeds, "004_87eb2429754e545f")
    assert r.text.count("If the Taliban truly regard Pakistan as a “brother,”") == 1
    assert [e.rule for e in r.edits] == ["pull_quotes"]


def test_seed_001_comment_removed_references_kept_words_repaired(seeds):
    r = clean_seed(seeds, "001_35548cf6cab8de26")
    assert r.text.rstrip().endswith("Specific Proof of Indian Terrorism in Pakistan unveiled. DAWN, 2020")
    assert any(e.rule == "comments" and "well researched" in e.text for e in r.edits)
    assert "happened again" in r.text and "happenedagain" not in r.text
    assert "of Turkey" in r.text and "Afghanistan is Durand" in r.text
    reasons = " ".join(e.reason for e in r.edits)
    assert "happenedagain" in reasons


def test_metadata_is_taken_from_the_header_when_missing(seeds):
    r = Cleaner().clean(seeds["003_5f65102a985eecf8"].text, metadata={})
    assert r.metadata["author"] == "Sajjad Tarakzai"
    assert r.metadata["date"] == "2025-09-25"
    r2 = Cleaner().clean(seeds["003_5f65102a985eecf8"].text, metadata={"author": "X", "date": "2025-01-01"})
    assert "author" not in r2.metadata and "date" not in r2.metadata


def test_compound_words_and_names_are_not_split():
    text = (
        "The whistleblower said the coronavirus hit smartphone sales. Antonin Scalia and Kellyanne Conway "
        "spoke; WikiLeaks published the favorability numbers."
    )
    assert Cleaner().clean(text).text == text


def test_missing_space_and_pdf_hyphenation_are_repaired():
    r = Cleaner().clean(
        "The talks ended.The border reopened after the nego-\ntiations, the cross-\nborder trade resumed."
    )
    assert "ended. The border" in r.text
    assert "negotiations" in r.text and "cross-border" in r.text
    # after a word of no list, and before a name: a scraped page that lost its paragraph breaks
    r = Cleaner().clean("The rollout hurt Obamacare.Immigration will come first, said Rubio.Sherman agreed.")
    assert r.text == "The rollout hurt Obamacare. Immigration will come first, said Rubio. Sherman agreed."
    for kept in ("Visit example.Com today.", "The U.S.Army base, Node.JS and iOS.Apple stay."):
        assert Cleaner().clean(kept).text == kept


# a PDF-to-text page written for these tests: a running header with its page number, the date, and a form feed
_PAGE = (
    "THE DAILY LEDGER                                   Page {n}\n"
    "Monday, March 3, 2025\n\n"
    "Paragraph {n} of the story. The minister said the ﬁnancial plan would help, and critics disagreed.\n"
    "\x0c"
)


def test_a_masthead_set_apart_by_the_page_layout_is_a_running_head_without_page_breaks():
    """pdftotext without form feeds: the masthead (name and date, padded apart) became the title, and a page
    count that made the line look 38 words long hid the byline below it."""
    gap = " " * 35
    raw = (
        f"THE FRONTIER POST{gap}Monday, 6 October 2025\n\nBorder tensions rise as talks stall\nBy Staff Reporter\n\n"
        "ISLAMABAD: Pakistan accused the Afghan Taliban of failing to act against militants, officials said.\n\n"
        f"THE FRONTIER POST{gap}2\n\nTrade through Torkham fell by nearly 40 per cent in September, traders said.\n"
    )
    r = Cleaner().clean(raw)
    assert [(e.rule, e.text.split("  ")[0]) for e in r.edits if e.rule in ("running_heads", "byline")] == [
        ("running_heads", "THE FRONTIER POST"),
        ("byline", "By Staff Reporter\n"),
        ("running_heads", "THE FRONTIER POST"),
    ]
    assert r.metadata == {"title": "Border tensions rise as talks stall", "author": "Staff Reporter"}
    table = "Name      Votes\nSmith     1,204\nJones     998\n\nThe count ended at noon, officials said on Monday."
    assert not Cleaner().clean(table).edits  # gapped lines that share no part are not page furniture


def test_footnote_numbers_glued_to_a_sentence_are_removed_and_logged():
    """PDF-to-text keeps superscript footnote numbers: "reopen.3 The" was one token and one sentence."""
    from framing.text import TextModel

    raw = 'The crossing would reopen.3 The announcement followed talks. Kabul welcomed the decision."12 Trade resumed.'
    r = Cleaner().clean(raw)
    assert (
        r.text
        == 'The crossing would reopen. The announcement followed talks. Kabul welcomed the decision." Trade resumed.'
    )
    assert [(e.text, e.rule) for e in r.edits] == [("3", "footnotes"), ("12", "footnotes")]
    assert TextModel(r.text).n_sentences == 4
    for kept in ("See p.12 The book.", "The U.S.2 Army", "It rose 2.3 Million", "Born in 1950. He left.", "no.5 the"):
        assert Cleaner().clean(kept).text == kept
    assert Cleaner(exclude=("footnotes",)).clean(raw).text == raw


def test_running_headers_and_footers_of_pdf_pages_are_removed():
    raw = "".join(_PAGE.format(n=n) for n in (1, 2, 3))
    r = Cleaner().clean(raw)
    heads = [e.text.strip() for e in r.edits if e.rule == "running_heads"]
    assert [h for h in heads if "LEDGER" in h] == [f"THE DAILY LEDGER{' ' * 35}Page {n}" for n in (1, 2, 3)]
    # the first and the last may go as date lines of the header and the footer; the middle one only as a repeat
    assert heads.count("Monday, March 3, 2025") >= 1
    assert "LEDGER" not in r.text and "March 3" not in r.text
    assert [f"Paragraph {n} of the story." in r.text for n in (1, 2, 3)] == [True, True, True]
    assert "running_heads" not in {e.rule for e in Cleaner(exclude=["running_heads"]).clean(raw).edits}


def test_numbered_lines_of_a_web_page_are_not_taken_for_page_furniture():
    """Without page breaks, only lines that say "page" go: a live blog's times and "Day 1:" subheads stay."""
    blog = "".join(
        f"{h}:{m:02d} p.m.\nDay {k}: the minister spoke again about the plan.\n"
        for k, (h, m) in enumerate([(4, 5), (3, 40), (1, 45)], start=1)
    )
    assert Cleaner().clean(blog).text == blog
    paged = "".join(
        f"{text}\nPage {k} of 3\n"
        for k, text in enumerate(["The minister spoke.", "Critics replied.", "Talks go on."], 1)
    )
    r = Cleaner().clean(paged)
    assert r.text == "The minister spoke.\nCritics replied.\nTalks go on.\n"


def test_pdf_ligatures_are_written_as_letters_and_map_back():
    raw = "The ﬁnancial ﬂows of the oﬃce were ﬁne."
    r = Cleaner().clean(raw)
    assert r.text == "The financial flows of the office were fine."
    assert [(e.text, e.replacement) for e in r.edits] == [("ﬁ", "fi"), ("ﬂ", "fl"), ("ﬃ", "ffi"), ("ﬁ", "fi")]
    start = r.text.index("financial")
    assert raw[r.to_raw(start) : r.to_raw(start + len("financial"))] == "ﬁnancial"  # evidence maps back whole


def test_cleaning_can_be_switched_off_or_tuned(seeds):
    raw = seeds["003_5f65102a985eecf8"].text
    assert Cleaner(enabled=False).clean(raw).text == raw
    r = Cleaner(exclude=["share"]).clean(raw)
    assert "icon-facebook" in r.text
    assert set(RULES) - Cleaner(exclude=["share"]).rules == {"share"}


def test_offsets_map_back_to_the_raw_text(seeds):
    for doc in seeds:
        r = Cleaner().clean(doc.text)
        for i in range(0, len(r.text), 7):
            j = r.to_raw(i)
            if r.text[i] != " " or doc.text[j] == " ":
                assert r.text[i] == doc.text[j]
        for e in r.edits:
            assert doc.text[e.start : e.end] == e.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_cleans_without_error_and_maps_offsets(text):
    r = Cleaner().clean(text)
    assert Cleaner().clean(text).text == r.text
    for e in r.edits:
        assert 0 <= e.start <= e.end <= len(text)
        assert text[e.start : e.end] == e.text
    for i in range(len(r.text)):
        assert 0 <= r.to_raw(i) <= len(text)


_PDF_PIECES = st.sampled_from(
    ["ﬁ", "ﬂ", "ﬃ", "\x0c", "\n", " ", "  ", "Page ", "page ", "3", "12", "of", "-\n", "THE LEDGER", "word", "."]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PDF_PIECES, max_size=80).map("".join))
def test_pdf_like_text_cleans_and_maps_offsets(text):
    """Ligatures, page breaks and running heads in any arrangement: every edit names its raw text, offsets map back."""
    r = Cleaner().clean(text)
    assert not any(ch in r.text for ch in "ﬁﬂﬃ")
    for e in r.edits:
        assert text[e.start : e.end] == e.text
    for i in range(len(r.text) + 1):
        assert 0 <= r.to_raw(i) <= len(text)


def test_the_quick_control_character_test_agrees_with_the_pattern():
    from framing.clean import _CONTROL_RE, _has_controls

    for ch in ["\x00", "\x07", "\x0b", "\x1f", "\x7f", "\u200b", "\u00ad", "\ufeff", "\u2060"]:
        assert _has_controls(f"a{ch}b") and _CONTROL_RE.search(f"a{ch}b")
    for ch in ["\n", "\t", "\r", " ", "é", "’", "\u2028", "\ud800", "😀"]:
        assert not _has_controls(f"a{ch}b") and not _CONTROL_RE.search(f"a{ch}b")


def test_photo_credits_and_agency_captions_are_removed_and_logged():
    """Written for this test in the shapes of scraped news: credits in brackets, after a bar and at the end of a
    line, and the caption lines of three sites. They were read as article text ("getty", "image" were the
    distinctive words of a group of outlets)."""
    raw = (
        "Enlarge this image toggle caption Jane Roe/AFP/Getty Images Jane Roe/AFP/Getty Images\n\n"
        "The minister spoke in Quetta on Monday. (AP Photo/John Doe, File)\n\n"
        "Trade fell in March. (Photo: Ann Lee, AP) Traders said prices rose.\n\n"
        "Talks resumed in Doha (Mary Poe / Getty Images).\n\n"
        "The crowd cheered. | Sam Moe/AFP/Getty Images\n\n"
        "“It will pass,” the envoy said. Photograph: Sam Moe/AFP\n\n"
        "Image copyright Reuters Image caption The envoy arrives in Kabul\n\n"
        "Media playback is unsupported on your device Media caption The envoy on the talks: 'It will pass'\n\n"
        "Facebook Twitter Pinterest The envoy in Kabul. Photograph: Sam Moe\n\n"
        "JUST WATCHED Envoy lands in Kabul Replay More Videos ... MUST WATCH Envoy lands in Kabul 01:29\n\n"
        "( PHOTOS: The envoy's career)\n\n"
        + "Photos: The envoy in Asia The envoy lands in Kabul on a long day of talks "
        + "and more talks " * 12
        + "Hide Caption 1 of 9 Photos: The envoy in Asia\n\n"
        "The photo (taken in May) shows the AP reporter at work: a scene from Quetta.\n"
    )
    r = Cleaner().clean(raw)
    assert {e.rule for e in r.edits} == {"credits", "captions"}
    assert [e.text.strip() for e in r.edits if e.rule == "credits"] == [
        "(AP Photo/John Doe, File)",
        "(Photo: Ann Lee, AP)",
        "(Mary Poe / Getty Images)",
        "| Sam Moe/AFP/Getty Images",
        "Photograph: Sam Moe/AFP",
    ]
    for gone in (
        "Getty",
        "Photo:",
        "Image copyright",
        "Media playback",
        "Pinterest",
        "Enlarge",
        "WATCH",
        "PHOTOS",
        "Hide Caption",
    ):
        assert gone not in r.text
    assert "The photo (taken in May) shows the AP reporter at work" in r.text  # not a credit
    assert "Trade fell in March. Traders said prices rose." in r.text
    assert "in Doha." in r.text and "the envoy said.\n" in r.text
    assert not any(e.rule == "credits" for e in Cleaner(exclude=["credits"]).clean(raw).edits)
