"""SplitStories: every block gets the number of the story it stands in."""

from __future__ import annotations


import pytest

import scrapeclean
from scrapeclean import ConfigError, Document, Role, segment
from scrapeclean.passes import SplitStories

PORT = (
    (
        "Dock workers at the northern port ended a nine-day strike on Thursday after union leaders accepted a pay "
        "offer of six percent over two years."
    ),
    (
        "The stoppage had left more than forty container ships waiting offshore and forced two supermarket chains to "
        "ration imported fruit."
    ),
    (
        '"Nobody wanted this to drag on, but the members needed a fair deal," union organiser Dana Whitlock told '
        "reporters outside the gates."
    ),
    (
        "The port authority said it expected to clear the backlog of ships by the end of next week, working around "
        "the clock."
    ),
)
CHOIR = (
    (
        "A children's choir from the mountain town of Velden won first prize at the international youth music "
        "festival on Saturday night."
    ),
    (
        "The forty singers, aged nine to fourteen, performed a programme of folk songs that their teacher had "
        "collected from elderly residents."
    ),
    (
        "Judges praised the choir's clear tone and said the arrangements showed a rare understanding of the old "
        "melodies."
    ),
    "The choir will use the prize money to pay for a new rehearsal room in the town's former post office.",
)
PORT_TITLE = "Dock workers end strike as union accepts pay offer"
CHOIR_TITLE = "Mountain town choir wins youth music festival"


def _fixture_pass(**settings) -> SplitStories:
    """The pass with the story lengths these short fixtures (stories of some 100 words) are written for."""
    return SplitStories(**({"min_story_words": 60, "unsure_story_words": 120} | settings))


def _stories(document: Document) -> list[int]:
    return [block.story for block in document.blocks]


def _dump(between: str) -> str:
    return "\n\n".join([PORT_TITLE, *PORT]) + between + "\n\n".join([CHOIR_TITLE, *CHOIR])


def test_a_page_break_always_starts_a_new_story():
    document = _fixture_pass()(segment("One story.\nMore of it.\n\f\nThe same story, continued.\n\fAnd a third."))
    assert _stories(document) == [0, 0, 1, 2]


def test_a_page_break_splits_even_text_on_one_topic():
    paragraph = "The choir sang folk songs collected from elderly residents of the mountain town."
    document = _fixture_pass()(segment(f"{paragraph}\n\f\n{paragraph}"))
    assert _stories(document) == [0, 1]


def test_a_new_headline_after_blank_lines_and_a_topic_change_starts_a_story():
    document = _fixture_pass()(segment(_dump("\n\n\n\n")))
    assert _stories(document) == [0] * 5 + [1] * 5


def test_removed_chrome_between_stories_is_evidence_and_stays_with_the_first():
    document = segment(_dump("\n\nAdvertisement\nShare on Facebook\nShare on X\n\n"))
    edits = document.edit("remove-site-chrome")
    for index in (5, 6, 7):
        edits.remove(index, "ui-phrase", "navigation or widget text")
    split = _fixture_pass()(edits.apply())
    assert _stories(split) == [0] * 8 + [1] * 5


def test_a_subheading_on_the_same_topic_does_not_split_the_story():
    subheading = "Ships wait offshore as the port backlog grows"
    raw = "\n\n".join([PORT_TITLE, PORT[0], PORT[1], subheading, PORT[2], PORT[3]])
    assert _stories(_fixture_pass()(segment(raw))) == [0] * 6


def test_a_short_text_is_never_split_without_a_page_break():
    raw = "\n\n".join([PORT_TITLE, PORT[0], "\n", CHOIR_TITLE, CHOIR[0]])
    document = segment(raw)
    assert _fixture_pass()(document) is document


def test_a_caption_kept_above_a_headline_moves_with_its_story():
    caption = "Singers rehearse in the old post office on Friday. (AP Photo/Rosa Lind)"
    document = segment(_dump(f"\n\n\n\n{caption}\n\n"))
    edits = document.edit("dedup-captions")
    edits.set_role(5, Role.CAPTION)
    split = _fixture_pass()(edits.apply())
    assert [block.text for block in split.blocks if block.story == 1][:2] == [caption, CHOIR_TITLE]


def test_fewer_than_two_kept_blocks_are_left_alone():
    document = segment("Only one line.")
    assert _fixture_pass()(document) is document


def test_name_and_repr_read_like_configuration():
    assert SplitStories.name == "split-stories"
    assert repr(SplitStories(min_story_words=40)).startswith("SplitStories(min_story_words=40, window_words=250")


def test_min_story_words_sets_how_much_prose_a_story_needs():
    assert _stories(SplitStories(min_story_words=10_000)(segment(_dump("\n\n\n\n")))) == [0] * 10


@pytest.mark.parametrize(
    ("setting", "value"),
    [("min_story_words", 0), ("window_words", -1), ("max_similarity", 0), ("min_evidence", 0)],
)
def test_settings_must_be_positive_and_the_error_names_them(setting, value):
    with pytest.raises(ConfigError, match=rf"split-stories: {setting} must be > 0, not {value}"):
        SplitStories(**{setting: value})


def test_a_short_stretch_after_a_story_does_not_become_a_story():
    story = "\n\n".join([PORT_TITLE, *PORT, *PORT[::-1]])
    tail = "\n\n".join(["More stories", CHOIR_TITLE, *CHOIR[:3]])
    assert set(_stories(_fixture_pass()(segment(story + "\n\n\n\n" + tail)))) == {0}
    # the same stretch is a story of its own once it holds enough prose
    tail = "\n\n".join(["More stories", CHOIR_TITLE, *CHOIR, *CHOIR[::-1]])
    assert set(_stories(_fixture_pass()(segment(story + "\n\n\n\n" + tail)))) == {0, 1}


def test_a_story_in_a_script_written_without_spaces_is_one_story():
    """Its words are cut per character: a sentence is not one rare word, so its paragraphs share words."""
    lines = [
        "Kindle for PCをCtrl＋Alt＋Kのショートカットキーで立ち上がらなくする方法",
        "Kindle書籍を読む場合は、一般的にスマホやタブレットなどのモバイル端末で読むことが多いと思いますが、パソコンで読むこともあります。",
        "そんな用途を考慮してか、Kindleにはデスクトップアプリが用意されています。今回はそのKindleデスクトップアプリの設定の話です。",
        "Kindle for PCの起動ホットキーがKeePassと被る",
        "さて、このKindle for PC、設定で変更できる項目があまり多くありません。特に困ったのが、起動ショートカットキーに関する設定です。",
        "Kindle for PCをインストールすると自動でホットキーが設定され、「Ctrl＋Alt＋K」で立ち上がるようになります。",
        "何が困るかといえば、パスワード管理ソフト KeePass の起動ショートカットキーと同じなのです。",
        "しかもKindle for PCの設定画面からでは、このショートカットキーの設定を変更することができません。",
        "以下、その手順",
        "まずスタートメニューからKindleのプログラムを探し、右クリックしてファイルの場所を開きます。",
        "開かれたフォルダの中にあるKindleのショートカットアイコンを右クリックして、プロパティを開きます。",
        "ショートカットの欄を「なし」にして下の「適用」をクリックすれば、Kindle for PCがショートカットで起動しなくなります。",
        "これでようやくKeePassの元の操作性を取り戻せました。",
    ]
    assert len(scrapeclean.clean("\n\n".join(lines))) == 1


@pytest.mark.parametrize(
    "headline", [f"2. {CHOIR_TITLE}", f"{CHOIR_TITLE}:", "Conclusion: the choir wins", f"{CHOIR_TITLE}\n\nFazit"]
)
def test_a_numbered_item_a_lead_in_or_a_closing_section_does_not_start_a_story(headline):
    raw = _dump("\n\n\n\n").replace(CHOIR_TITLE, headline)
    assert set(_stories(_fixture_pass()(segment(raw)))) == {0}


def _long_story_and_short_one(between: str = "\n\n\n\n", furniture: tuple[str, ...] = ()) -> str:
    story = "\n\n".join([PORT_TITLE, *PORT, *PORT[::-1], *PORT])
    return story + between + "\n\n".join([CHOIR_TITLE, *furniture, *CHOIR])


def test_a_short_story_after_a_long_one_is_joined_to_it():
    raw = _long_story_and_short_one()
    assert set(_stories(_fixture_pass()(segment(raw)))) == {0}
    # it is a topic change with signs: a story of its own when short stories are allowed
    assert set(_stories(_fixture_pass(short_story_words=1)(segment(raw)))) == {0, 1}


def test_a_short_story_with_a_date_under_its_headline_stays_a_story():
    raw = _long_story_and_short_one("\n\n", furniture=("March 3, 2024",))
    split = _fixture_pass()(segment(raw))
    assert [block.text for block in split.blocks if block.story == 1][:2] == [CHOIR_TITLE, "March 3, 2024"]


def test_items_of_a_list_printing_the_same_label_lines_are_one_story():
    port = "\n\n".join([PORT_TITLE, "Author: Dana Whitlock", *PORT])
    choir = "\n\n".join([CHOIR_TITLE, "Author: Rosa Lind", *CHOIR])
    assert _stories(_fixture_pass()(segment(port + "\n\n\n\n" + choir))) == [0] * 12
    # without the shared label, the same two texts are two stories
    choir = choir.replace("Author: Rosa Lind", "Rosa Lind reports")
    assert _stories(_fixture_pass()(segment(port + "\n\n\n\n" + choir))) == [0] * 6 + [1] * 6


def test_a_short_story_repeating_one_sentence_in_every_line_is_joined_to_the_story_before():
    story = "\n\n".join([PORT_TITLE, *(PORT * 5)])
    categories = ("analytics", "functional", "necessary", "marketing", "performance", "preferences", "security")
    categories += ("other",)
    table = [
        f"consent-{name} eleven months This cookie is set by the consent plugin to remember whether the visitor "
        f"accepted the cookies of the category {name.title()} on this website."
        for name in categories
    ]
    raw = story + "\n\n\n\n" + "\n\n".join(["Cookie Duration Description", *table])
    assert 150 < sum(len(line.split()) for line in table) < 300
    assert set(_stories(_fixture_pass()(segment(raw)))) == {0}
    # too long to be looked at as a short story, the same table is a story of its own
    assert set(_stories(SplitStories(short_story_words=80)(segment(raw)))) == {0, 1}
