//! The vendored tokenizer against html5ever's own: the same tokens, errors and line numbers for
//! every input, whole or cut in two at any character, with adjacent character tokens joined (the
//! byte runs cut text at other places; the tree builder joins it either way).

use std::cell::RefCell;

use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{CharacterTokens, StartTag, TagToken, Token, TokenSink, TokenSinkResult};
use html5ever::TokenizerResult;

/// The tokens a tokenizer emits, switching to the raw text states as the tree builder would.
#[derive(Default)]
struct Recorder {
    tokens: RefCell<Vec<(Token, u64)>>,
}

impl TokenSink for Recorder {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let switch = match &token {
            TagToken(tag) if tag.kind == StartTag => match &*tag.name {
                "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                "style" | "xmp" => TokenSinkResult::RawData(RawKind::Rawtext),
                "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                "plaintext" => TokenSinkResult::Plaintext,
                _ => TokenSinkResult::Continue,
            },
            _ => TokenSinkResult::Continue,
        };
        let mut tokens = self.tokens.borrow_mut();
        match (tokens.last_mut(), token) {
            (Some((CharacterTokens(text), _)), CharacterTokens(more)) => text.push_tendril(&more),
            // Where a run of text starts depends on where it was cut, and so does its line.
            (_, CharacterTokens(text)) => tokens.push((CharacterTokens(text), 0)),
            (_, token) => tokens.push((token, line)),
        }
        switch
    }
}

fn upstream(html: &str) -> Vec<(Token, u64)> {
    let tokenizer = html5ever::tokenizer::Tokenizer::new(Recorder::default(), Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.tokens.into_inner()
}

fn vendored(chunks: &[&str]) -> Vec<(Token, u64)> {
    let tokenizer = super::Tokenizer::new(Recorder::default(), Default::default());
    let input = BufferQueue::default();
    for chunk in chunks.iter().filter(|chunk| !chunk.is_empty()) {
        input.push_back(StrTendril::from(*chunk));
    }
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.tokens.into_inner()
}

const PAGES: &[&str] = &[
    "<!DOCTYPE html><DIV Class=\"A\nB\" data-X='y&amp;z'>Hello\r\nWorld &amp; more\n  <p>x</DIV>",
    "\n\n    <ul>\n      <li>one</li>\n      <li>two</li>\n    </ul>\n",
    "<!-- a comment -- with - dashes\r\n and <!-- nested -->after<!---->x<!-->y<!--->z",
    "<script>if (a < b && c) {\r\n x = '</scr' + 'ipt>';}\n</SCRIPT>text",
    "<script><!-- document.write('<script>x</script>'); --></script>after",
    "<script><!--\n a--\n <script>b\n -- </script> c\r\n --></script>",
    "<style>p { color: red }\n a<b </style><title>A &amp; B < C\r\n</title><textarea>\r\nx&lt;</textarea>",
    "<a\0b c\0d=\"e\0f\" g='h\0'>i\0j<!--k\0l--><script>m\0n</script><style>o\0p</style><title>q\0r</title>",
    "<dív tïtle=\"ünï\" ÄB='ç'>çà\n</dív><!-- ü --><script>'ü'</script>",
    "<a \"b\"='c' d<e=f g'h>",
    "<a b=c d='e'f h=\"i\"j>",
    "</a x=y><a/ b><a a=1 A=2><br/><img src=x />",
    "<SPAN ID=X CLASS='Y'>z</SPAN>",
    "a\r\n\r\nb\r<a\r\nb='\r\n'\rc=\"\r\"\n\rd>\r\r\n",
    "<a href='?a=1&b=2&amp;c&notit;&#x41;&#65'>&copy &copy; &#128512; &bogus;</a>",
    "<plaintext>a<b>c\r\nd",
    "<a b=\"c",
    "<!-- x",
    "<scr",
    "<a",
    "<script>x",
    "<a b",
    "<a b='c' d",
];

#[test]
fn tokens_match_upstream_whole() {
    for page in PAGES {
        assert_eq!(vendored(&[page]), upstream(page), "{page:?}");
    }
}

#[test]
fn tokens_match_upstream_cut_anywhere() {
    for page in PAGES {
        let expected = upstream(page);
        for (cut, _) in page.char_indices().skip(1) {
            assert_eq!(vendored(&[&page[..cut], &page[cut..]]), expected, "{page:?} cut at {cut}");
        }
    }
}

/// Pieces of markup that move the tokenizer between its states, for `random_pages`.
const PIECES: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "&",
    "&amp;",
    "&#",
    "&#x4",
    "&copy",
    ";",
    "=",
    "\"",
    "'",
    "-",
    "--",
    "<!--",
    "-->",
    "<!",
    "<?",
    "<!DOCTYPE html>",
    "<a",
    " href=",
    "x",
    "Ab",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\0",
    "ü",
    "€",
    "😀",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<textarea>",
    "</textarea>",
    "<xmp>",
    "<plaintext>",
    "<![CDATA[",
    "]]>",
    "<svg>",
    "<p class=a>",
    "</p>",
    "<br/>",
    "<!-- x -->",
];

/// Pages made of random pieces, from a fixed seed (a linear congruential generator: no dependency, same pages
/// on every run).
fn random_pages(count: usize) -> Vec<String> {
    let mut state: u64 = 0x5eed_cafe_f00d_1234;
    let mut next = move |bound: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % bound
    };
    (0..count)
        .map(|_| {
            let length = 1 + next(40);
            (0..length).map(|_| PIECES[next(PIECES.len())]).collect()
        })
        .collect()
}

#[test]
fn tokens_match_upstream_on_random_pages() {
    for page in random_pages(3000) {
        let expected = upstream(&page);
        assert_eq!(vendored(&[&page]), expected, "{page:?}");
        let cuts: Vec<usize> = page.char_indices().map(|(at, _)| at).skip(1).step_by(3).collect();
        for cut in cuts {
            assert_eq!(vendored(&[&page[..cut], &page[cut..]]), expected, "{page:?} cut at {cut}");
        }
    }
}
