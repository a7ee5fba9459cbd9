//! The Python module `scrapeclean._engine`: thin, columnar conversions only.

use pyo3::exceptions::PyValueError;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::features::analyse as analyse_texts;
use crate::model::{Annotation, Document, Removal, Role};
use crate::passes::chrome::blockmodel::FEATURE_NAMES;
use crate::passes::chrome::RemoveSiteChrome;
use crate::passes::Pass;
use crate::segment::{Line, MAX_TEXT_BYTES};
use crate::settings::{Settings, Value};

/// Refuses a text longer than the engine reads (its lines keep `u32` offsets), rather than misread it.
fn within_limit(text: &str) -> PyResult<()> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(PyValueError::new_err(format!(
            "a document of {} bytes is over the engine's limit of {MAX_TEXT_BYTES} bytes (4 GiB); \
             split it, or lower max-document-size to skip it",
            text.len()
        )));
    }
    Ok(())
}

/// Blocks of a text as columns: (starts, ends, gaps, hard_breaks), offsets in code points.
type BlockColumns = (Vec<usize>, Vec<usize>, Vec<u32>, Vec<bool>);

/// The blocks of a text, as columns.
#[pyfunction]
fn segment(py: Python<'_>, text: &str) -> PyResult<BlockColumns> {
    within_limit(text)?;
    let lines = py.detach(|| crate::segment::segment(text));
    let mut columns = (Vec::with_capacity(lines.len()), Vec::new(), Vec::new(), Vec::new());
    for line in lines {
        columns.0.push(line.start());
        columns.1.push(line.end());
        columns.2.push(line.gap);
        columns.3.push(line.hard_break);
    }
    Ok(columns)
}

type FeatureColumns = (
    &'static str,
    Vec<usize>,
    Vec<usize>,
    Vec<bool>,
    Vec<bool>,
    Vec<bool>,
    Vec<f64>,
    Vec<usize>,
    Vec<String>,
    Vec<usize>,
);

/// The language of texts and each text's features, as columns:
/// (language, words, stopwords, letters, terminal, question, capitalised, chars, key, unspaced).
#[pyfunction]
fn analyse(py: Python<'_>, texts: Vec<String>) -> FeatureColumns {
    let analysis = py.detach(|| analyse_texts(&texts));
    let mut columns: FeatureColumns =
        (analysis.language, vec![], vec![], vec![], vec![], vec![], vec![], vec![], vec![], vec![]);
    for feature in analysis.features {
        columns.1.push(feature.words());
        columns.2.push(feature.stopwords());
        columns.3.push(feature.letters);
        columns.4.push(feature.terminal);
        columns.5.push(feature.question);
        columns.6.push(feature.capitalised);
        columns.7.push(feature.chars());
        columns.8.push(feature.key.to_string());
        columns.9.push(feature.unspaced());
    }
    columns
}

/// The features of one text with the stopwords of `language`, as columns of one row.
#[pyfunction]
fn features(text: &str, language: &str) -> FeatureRow {
    let feature = crate::features::features(text, crate::language::stopwords(language));
    (
        vec![feature.words()],
        vec![feature.stopwords()],
        vec![feature.letters],
        vec![feature.terminal],
        vec![feature.question],
        vec![feature.capitalised],
        vec![feature.chars()],
        vec![feature.key.to_string()],
        vec![feature.unspaced()],
    )
}

type FeatureRow =
    (Vec<usize>, Vec<usize>, Vec<bool>, Vec<bool>, Vec<bool>, Vec<f64>, Vec<usize>, Vec<String>, Vec<usize>);

#[pyfunction]
fn fold(text: &str) -> String {
    crate::text::fold(text)
}

#[pyfunction]
fn key(text: &str) -> String {
    crate::text::key(text)
}

/// The word tokens of folded text and how many are words of unspaced scripts.
#[pyfunction]
fn cut(folded: &str) -> (Vec<String>, usize) {
    let (tokens, unspaced) = crate::text::cut(folded);
    (tokens.into_iter().map(str::to_string).collect(), unspaced)
}

#[pyfunction]
fn stopwords(language: &str) -> Vec<String> {
    let mut words: Vec<String> = crate::language::stopwords(language).iter().map(|word| word.to_string()).collect();
    words.sort();
    words
}

fn settings_of(dict: &Bound<'_, PyDict>) -> PyResult<Settings> {
    let mut settings = Settings::default();
    for (name, value) in dict.iter() {
        let name: String = name.extract()?;
        let value = if let Ok(flag) = value.extract::<bool>() {
            Value::Bool(flag)
        } else if let Ok(number) = value.extract::<i64>() {
            Value::Int(number)
        } else if let Ok(number) = value.extract::<f64>() {
            Value::Float(number)
        } else if let Ok(text) = value.extract::<String>() {
            Value::Str(text)
        } else if let Ok(items) = value.extract::<Vec<String>>() {
            Value::List(items)
        } else {
            return Err(PyValueError::new_err(format!("setting {name} has a value the engine cannot take: {value}")));
        };
        settings.0.insert(name, value);
    }
    Ok(settings)
}

/// Byte offsets of code-point offsets (both ascending) in `raw`.
fn byte_offsets(raw: &str, chars: &[usize]) -> Vec<usize> {
    if raw.is_ascii() {
        return chars.to_vec();
    }
    let mut bytes = Vec::with_capacity(chars.len());
    let mut walker = raw.char_indices().map(|(byte, _)| byte).chain(std::iter::once(raw.len()));
    let mut position = 0usize;
    let mut current = walker.next().unwrap_or(raw.len());
    for &wanted in chars {
        while position < wanted {
            current = walker.next().unwrap_or(raw.len());
            position += 1;
        }
        bytes.push(current);
    }
    bytes
}

/// (pass name, reason, detail, copy of).
type RemovalRow = (String, String, String, Option<usize>);
type NoteColumns<Name = &'static str> =
    (Vec<Option<Name>>, Vec<Option<RemovalRow>>, Vec<u32>, Vec<Option<(usize, usize)>>);

/// Built-in passes built once from their (name, settings) form, to be given to every call after.
#[pyclass(frozen, module = "scrapeclean._engine")]
struct Passes {
    built: Vec<Box<dyn Pass>>,
}

/// The passes of a (name, settings) list, built once: pass the result wherever a pass list goes.
#[pyfunction]
fn build(passes: &Bound<'_, PyList>) -> PyResult<Passes> {
    Ok(Passes { built: build_passes(passes)? })
}

/// Passes a call was given: built already, or built for this call from their form.
enum Built<'a> {
    Shared(&'a [Box<dyn Pass>]),
    Own(Vec<Box<dyn Pass>>),
}

impl std::ops::Deref for Built<'_> {
    type Target = [Box<dyn Pass>];

    fn deref(&self) -> &Self::Target {
        match self {
            Built::Shared(built) => built,
            Built::Own(built) => built,
        }
    }
}

fn passes_of<'a>(passes: &'a Bound<'_, PyAny>) -> PyResult<Built<'a>> {
    if let Ok(built) = passes.cast::<Passes>() {
        return Ok(Built::Shared(&built.get().built));
    }
    Ok(Built::Own(build_passes(passes.cast::<PyList>()?)?))
}

fn build_passes(passes: &Bound<'_, PyList>) -> PyResult<Vec<Box<dyn Pass>>> {
    let mut built = Vec::new();
    for item in passes.iter() {
        let item = item.cast::<PyTuple>()?;
        let name: String = item.get_item(0)?.extract()?;
        let settings = settings_of(item.get_item(1)?.cast::<PyDict>()?)?;
        match crate::passes::build(&name, &settings) {
            Some(pass) => built.push(pass),
            None => return Err(PyValueError::new_err(format!("the engine has no pass named {name:?}"))),
        }
    }
    Ok(built)
}

fn note_columns(notes: Vec<Annotation>) -> NoteColumns {
    let mut columns: NoteColumns = (vec![], vec![], vec![], vec![]);
    for note in notes {
        columns.0.push(note.role.map(Role::as_str));
        columns.1.push(note.removal.map(|removal| {
            (removal.pass_name.to_string(), removal.reason.to_string(), removal.detail.to_string(), removal.copy_of)
        }));
        columns.2.push(note.story);
        columns.3.push(note.credit.map(|credit| *credit));
    }
    columns
}

/// Judged blocks, their words, their feature rows (flat) and the feature names.
type TrainingColumns = (Vec<usize>, Vec<usize>, Vec<f64>, Vec<String>);

/// A cleaned document as columns: its blocks (starts, ends, gaps, hard breaks) and their annotations.
type Cleaned = (BlockColumns, NoteColumns);

fn cleaned(document: Document) -> Cleaned {
    let mut blocks = (vec![], vec![], vec![], vec![]);
    for line in &document.blocks {
        blocks.0.push(line.start());
        blocks.1.push(line.end());
        blocks.2.push(line.gap);
        blocks.3.push(line.hard_break);
    }
    (blocks, note_columns(document.notes))
}

/// Segment a text and run built-in passes over it to the fixed point of its text form.
#[pyfunction]
fn process(py: Python<'_>, text: &str, passes: &Bound<'_, PyAny>) -> PyResult<Cleaned> {
    within_limit(text)?;
    let built = passes_of(passes)?;
    Ok(py.detach(|| cleaned(crate::pipeline::process(text, &built))))
}

/// A cleaned document as compact columns, for building its articles.
///
/// Block spans are native-endian `u64` pairs; each block's removal is an index
/// (`u32`, `u32::MAX` for a kept block) into a table of distinct
/// (pass, reason, detail) records, its copy's original an `i64` (-1: none);
/// each article lists its blocks as native-endian `u32` indices. Python reads
/// them through `memoryview.cast`, so no Python object is made per block.
struct Compact {
    spans: Vec<u8>,
    table: Vec<(String, String, String)>,
    removal_of: Vec<u8>,
    copy_of: Vec<u8>,
    credits: Vec<(usize, (usize, usize))>,
    rows: Vec<CompactRow>,
}

/// One article: title, section, byline, dateline (block indices), then captions, body, kept, removed (`u32` arrays).
type CompactRow = (Option<usize>, Option<usize>, Option<usize>, Option<usize>, Vec<u8>, Vec<u8>, Vec<u8>, Vec<u8>);

fn indices(blocks: &[usize]) -> Vec<u8> {
    blocks.iter().flat_map(|&index| (index as u32).to_ne_bytes()).collect()
}

fn compact(document: Document) -> Compact {
    let mut spans = Vec::with_capacity(document.len() * 16);
    for line in &document.blocks {
        spans.extend_from_slice(&(line.start() as u64).to_ne_bytes());
        spans.extend_from_slice(&(line.end() as u64).to_ne_bytes());
    }
    let mut table = Vec::new();
    let mut known: rustc_hash::FxHashMap<(&str, &str, &str), u32> = rustc_hash::FxHashMap::default();
    let mut removal_of = Vec::with_capacity(document.len() * 4);
    let mut copy_of = Vec::with_capacity(document.len() * 8);
    let mut credits = Vec::new();
    for (index, note) in document.notes.iter().enumerate() {
        let (entry, copied) = match note.removal.as_deref() {
            Some(removal) => {
                let found = (&*removal.pass_name, &*removal.reason, &*removal.detail);
                let entry = *known.entry(found).or_insert_with(|| {
                    table.push((found.0.to_string(), found.1.to_string(), found.2.to_string()));
                    (table.len() - 1) as u32
                });
                (entry, removal.copy_of.map_or(-1, |copied| copied as i64))
            }
            None => (u32::MAX, -1),
        };
        removal_of.extend_from_slice(&entry.to_ne_bytes());
        copy_of.extend_from_slice(&copied.to_ne_bytes());
        if let Some(credit) = note.credit.as_deref() {
            credits.push((index, *credit));
        }
    }
    let rows = crate::assemble::stories(&document)
        .iter()
        .map(|group| {
            let parts = crate::assemble::Parts::of(&document, group);
            let lists = [&parts.captions, &parts.body, &parts.kept, &parts.removed].map(|blocks| indices(blocks));
            let [captions, body, kept, removed] = lists;
            (parts.title, parts.section, parts.byline, parts.dateline, captions, body, kept, removed)
        })
        .collect();
    Compact { spans, table, removal_of, copy_of, credits, rows }
}

type CompactPy<'py> = (
    Bound<'py, PyBytes>,
    Vec<(String, String, String)>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Vec<(usize, (usize, usize))>,
    Vec<CompactRowPy<'py>>,
);
type CompactRowPy<'py> = (
    Option<usize>,
    Option<usize>,
    Option<usize>,
    Option<usize>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
);

fn compact_py(py: Python<'_>, found: Compact) -> CompactPy<'_> {
    let rows = found
        .rows
        .into_iter()
        .map(|(title, section, byline, dateline, captions, body, kept, removed)| {
            let [captions, body, kept, removed] = [captions, body, kept, removed].map(|list| PyBytes::new(py, &list));
            (title, section, byline, dateline, captions, body, kept, removed)
        })
        .collect();
    (
        PyBytes::new(py, &found.spans),
        found.table,
        PyBytes::new(py, &found.removal_of),
        PyBytes::new(py, &found.copy_of),
        found.credits,
        rows,
    )
}

/// Clean a text with built-in passes: its blocks and articles as compact columns (see [`Compact`]).
#[pyfunction]
fn clean<'py>(py: Python<'py>, text: &str, passes: &Bound<'_, PyAny>) -> PyResult<CompactPy<'py>> {
    within_limit(text)?;
    let built = passes_of(passes)?;
    let found = py.detach(|| {
        let found = compact(crate::pipeline::process(text, &built));
        crate::pipeline::give_back_free_memory(text.len());
        found
    });
    Ok(compact_py(py, found))
}

/// [`clean`] over many texts on `threads` threads, results in input order, with at most `rounds`
/// confirming rounds each.
#[pyfunction]
#[pyo3(signature = (texts, passes, threads, rounds = crate::pipeline::MAX_ROUNDS))]
fn clean_many<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    passes: &Bound<'_, PyAny>,
    threads: usize,
    rounds: usize,
) -> PyResult<Vec<CompactPy<'py>>> {
    texts.iter().try_for_each(|text| within_limit(text))?;
    let built = passes_of(passes)?;
    let found: Vec<Compact> = py.detach(|| {
        let found = crate::pipeline::process_many(&texts, &built, threads, rounds).into_iter().map(compact).collect();
        crate::pipeline::give_back_free_memory(texts.iter().map(String::len).max().unwrap_or(0));
        found
    });
    Ok(found.into_iter().map(|each| compact_py(py, each)).collect())
}

/// (stories, removals, articles): what a corpus run keeps of a text (see [`crate::records`]).
type OutcomeRow = (Vec<String>, Vec<(String, String, usize)>, Vec<String>);

/// [`clean_many`], each text given back as a corpus run keeps it: the text form of its stories,
/// the blocks each (pass, reason) removed and, with `articles`, each article's JSON object
/// (with `removed_text`, each removed record carries its text).
#[pyfunction]
fn clean_many_outcomes(
    py: Python<'_>,
    texts: Vec<String>,
    passes: &Bound<'_, PyAny>,
    threads: usize,
    articles: bool,
    removed_text: bool,
) -> PyResult<Vec<OutcomeRow>> {
    use crate::records::Records;

    let built = passes_of(passes)?;
    let records = match (articles, removed_text) {
        (false, _) => Records::Without,
        (true, false) => Records::Plain,
        (true, true) => Records::WithRemovedText,
    };
    Ok(py.detach(|| {
        let found = crate::pipeline::map_parallel(&texts, threads, |text| {
            let kept = crate::records::outcome(&crate::pipeline::process(text, &built), records);
            (kept.stories, kept.removals, kept.articles)
        });
        crate::pipeline::give_back_free_memory(texts.iter().map(String::len).max().unwrap_or(0));
        found
    }))
}

/// (block index, reason, detail): a block the HTML reader removes before the passes (see [`crate::dom`]).
type MarkRow = (usize, String, String);

fn marks_of(rows: Vec<MarkRow>) -> Vec<crate::dom::Mark> {
    rows.into_iter().map(|(block, reason, detail)| crate::dom::Mark { block, reason, detail }).collect()
}

/// [`clean_many`] for texts the HTML reader rendered, each with the blocks its DOM shows to be chrome
/// and those it shows to be in the page's content container.
#[pyfunction]
fn clean_many_marked<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    marks: Vec<Vec<MarkRow>>,
    content: Vec<Vec<usize>>,
    passes: &Bound<'_, PyAny>,
    threads: usize,
) -> PyResult<Vec<CompactPy<'py>>> {
    if marks.len() != texts.len() || content.len() != texts.len() {
        return Err(PyValueError::new_err("clean_many_marked(): one list of marks and one of content blocks per text"));
    }
    texts.iter().try_for_each(|text| within_limit(text))?;
    let built = passes_of(passes)?;
    let pages: Vec<_> = texts.into_iter().zip(marks.into_iter().map(marks_of)).zip(content).collect();
    let found: Vec<Compact> = py.detach(|| {
        crate::pipeline::map_parallel(&pages, threads, |((text, marks), content)| {
            compact(crate::dom::process_marked(text, marks, content, &built))
        })
    });
    crate::pipeline::give_back_free_memory(pages.iter().map(|((text, _), _)| text.len()).max().unwrap_or(0));
    Ok(found.into_iter().map(|each| compact_py(py, each)).collect())
}

/// [`process`] for a text the HTML reader rendered, with its DOM's marks and content blocks (see [`crate::dom`]).
#[pyfunction]
fn process_marked(
    py: Python<'_>,
    text: &str,
    marks: Vec<MarkRow>,
    content: Vec<usize>,
    passes: &Bound<'_, PyAny>,
) -> PyResult<Cleaned> {
    within_limit(text)?;
    let built = passes_of(passes)?;
    let marks = marks_of(marks);
    Ok(py.detach(|| cleaned(crate::dom::process_marked(text, &marks, &content, &built))))
}

/// Run built-in passes over a document given as columns; the annotations after them, as columns.
///
/// `blocks` is (starts, ends, gaps, hard_breaks) in code points; `passes` a list of (name, settings).
#[pyfunction]
fn run_passes(
    py: Python<'_>,
    raw: &str,
    blocks: BlockColumns,
    notes: NoteColumns<String>,
    passes: &Bound<'_, PyAny>,
) -> PyResult<NoteColumns> {
    within_limit(raw)?;
    let built = passes_of(passes)?;
    let (starts, ends, gaps, hard_breaks) = blocks;
    let mut offsets = Vec::with_capacity(starts.len() * 2);
    for (start, end) in starts.iter().zip(&ends) {
        offsets.push(*start);
        offsets.push(*end);
    }
    let bytes = byte_offsets(raw, &offsets);
    let lines: Vec<Line> = (0..starts.len())
        .map(|index| {
            let bytes = bytes[2 * index]..bytes[2 * index + 1];
            Line::new(starts[index], ends[index], bytes, gaps[index], hard_breaks[index])
        })
        .collect();
    let mut annotations = Vec::with_capacity(lines.len());
    for index in 0..lines.len() {
        let role = match &notes.0[index] {
            Some(name) => {
                Some(Role::parse(name).ok_or_else(|| PyValueError::new_err(format!("unknown role {name:?}")))?)
            }
            None => None,
        };
        annotations.push(Annotation {
            role,
            removal: notes.1[index].clone().map(|(pass_name, reason, detail, copy_of)| {
                Arc::new(Removal { pass_name: pass_name.into(), reason: reason.into(), detail: detail.into(), copy_of })
            }),
            story: notes.2[index],
            credit: notes.3[index].map(Box::new),
        });
    }
    Ok(py.detach(|| {
        let mut document = Document::with_blocks(raw, lines, annotations);
        crate::pipeline::run(&mut document, &built);
        note_columns(document.notes)
    }))
}

/// The names of the passes the engine implements.
#[pyfunction]
fn pass_names() -> Vec<&'static str> {
    crate::passes::names().collect()
}

/// The block model's training examples in a text: segment it, run `passes` once, then let the chrome
/// pass with `chrome` settings prepare it. Gives the judged blocks' indices, their words, and their
/// feature rows (row-major, `FEATURE_NAMES` wide); the names come with them.
#[pyfunction]
fn training_rows(
    py: Python<'_>,
    text: &str,
    passes: &Bound<'_, PyAny>,
    chrome: &Bound<'_, PyDict>,
) -> PyResult<TrainingColumns> {
    within_limit(text)?;
    let built = passes_of(passes)?;
    let chrome = RemoveSiteChrome::new(&settings_of(chrome)?);
    Ok(py.detach(|| {
        let mut document = Document::new(text);
        crate::pipeline::run(&mut document, &built);
        let found = chrome.training_rows(&document);
        let names = FEATURE_NAMES.iter().map(|name| name.to_string()).collect();
        (found.blocks, found.words, found.rows.concat(), names)
    }))
}

/// (text, gap, tag, level, flags, link_chars, region): a block of `scrapeclean.page.walk.Block`.
type BlockRow = (String, u8, String, u8, u32, usize, u32);
/// The blocks, containers (reason, detail, first, last) and items (group, first, last) of a page's walk.
type WalkRows<Reason = &'static str> = (Vec<BlockRow>, Vec<(Reason, String, usize, usize)>, Vec<(u32, usize, usize)>);

fn walk_rows(found: crate::html::Walk) -> WalkRows {
    let blocks = found
        .blocks
        .into_iter()
        .map(|block| {
            (block.text, block.gap, block.tag.to_string(), block.level, block.flags, block.link_chars, block.region)
        })
        .collect();
    let containers =
        found.containers.into_iter().map(|found| (found.reason, found.detail, found.first, found.last)).collect();
    let items = found.items.into_iter().map(|item| (item.group, item.first, item.last)).collect();
    (blocks, containers, items)
}

/// Parse a page and walk its DOM into blocks, as `scrapeclean.page.walk.walk` walks selectolax's tree
/// after `place_streamed_segments` (see [`crate::html`]); rows of the `Walk` named tuples.
#[pyfunction]
#[pyo3(signature = (html, reveal = false))]
fn walk_html(py: Python<'_>, html: &str, reveal: bool) -> WalkRows {
    walk_rows(py.detach(|| crate::html::walk_html(html, reveal)))
}

/// (content, property, name, itemprop) of each `<meta>` tag; the JSON-LD scripts; the first `<title>`'s text.
type HeadRows = (Vec<(Option<String>, Option<String>, Option<String>, Option<String>)>, Vec<String>, Option<String>);

fn head_rows(head: crate::html::head::Head) -> HeadRows {
    let metas = head.metas.into_iter().map(|meta| (meta.content, meta.property, meta.name, meta.itemprop)).collect();
    (metas, head.json_ld, head.title)
}

/// The walk `scrapeclean.page.read_html` reads for a page ([`walk_html`]'s, or what the page's scripts
/// would reveal when it shows, or its `main` shows, fewer than `min_shown_chars` characters and the
/// revealed text holds more than `reveal_gain` times as much) and what the page publishes about itself
/// (see `html::head`), from one parse.
#[pyfunction]
fn read_page(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    min_shown_chars: usize,
    reveal_gain: usize,
) -> PyResult<(WalkRows, HeadRows)> {
    let html = utf8_html("read_page", html)?;
    let settings = crate::html::RevealSettings { min_shown_chars, gain: reveal_gain };
    let (found, head) = py.detach(|| crate::html::read_page(html, settings));
    Ok((walk_rows(found), head_rows(head)))
}

/// (block index, reason, detail): a block the DOM shows to be outside the page's content.
type EvidenceMarkRow = (usize, &'static str, String);
/// (block index, text, level, flags): a heading block.
type HeadingRow = (usize, String, u8, u32);
/// What `scrapeclean.page.read_html` takes of a page: its blocks' text as rendered (see `html::rendered`),
/// the first block's gap, the heading blocks, the head, the marks and the content blocks.
type PageRows = (String, u8, Vec<HeadingRow>, HeadRows, Vec<EvidenceMarkRow>, Vec<usize>);

/// [`read_page`]'s walk read as `scrapeclean.page.read_html` reads it: the text of its blocks and its
/// headings, the page's head, and the DOM's evidence on the blocks (`html::evidence`, the port of
/// `scrapeclean.page.evidence`'s `marks` and `content`), with no row per block.
#[pyfunction]
fn read_html(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    min_shown_chars: usize,
    reveal_gain: usize,
) -> PyResult<PageRows> {
    let html = utf8_html("read_html", html)?;
    let settings = crate::html::RevealSettings { min_shown_chars, gain: reveal_gain };
    let (found, head, evidence, text) = py.detach(|| {
        let (found, head) = crate::html::read_page(html, settings);
        let evidence = crate::html::evidence::evidence(&found);
        let text = crate::html::rendered(&found.blocks);
        (found, head, evidence, text)
    });
    let first_gap = found.blocks.first().map_or(0, |block| block.gap);
    let blocks = found.blocks.into_iter().enumerate().filter(|(_, block)| block.level != 0);
    let headings = blocks.map(|(index, block)| (index, block.text, block.level, block.flags)).collect();
    let marks = evidence.marks.into_iter().map(|mark| (mark.block, mark.reason, mark.detail)).collect();
    Ok((text, first_gap, headings, head_rows(head), marks, evidence.content))
}

/// A page's HTML given as `str`, or as `bytes` read as UTF-8 with no copy to a `str` and back (None when they are
/// not UTF-8).
fn html_text<'a>(html: &'a Bound<'_, PyAny>) -> PyResult<Option<&'a str>> {
    if let Ok(bytes) = html.cast::<PyBytes>() {
        return Ok(std::str::from_utf8(bytes.as_bytes()).ok());
    }
    Ok(Some(html.cast::<PyString>()?.to_str()?))
}

/// [`html_text`], with bytes that are not UTF-8 a `ValueError` of `function`.
fn utf8_html<'a>(function: &str, html: &'a Bound<'_, PyAny>) -> PyResult<&'a str> {
    html_text(html)?.ok_or_else(|| PyValueError::new_err(format!("{function}(): the page's bytes are not UTF-8")))
}

/// The DOM's evidence (marks and content blocks, see `html::evidence`) on a walk given as the rows
/// [`walk_html`] gives: for holding the port to `scrapeclean.page.evidence` on walks of any shape.
#[pyfunction]
fn walk_evidence(py: Python<'_>, rows: WalkRows<String>) -> PyResult<(Vec<EvidenceMarkRow>, Vec<usize>)> {
    let (blocks, containers, items) = rows;
    let count = blocks.len();
    let mut known = Vec::with_capacity(containers.len());
    for (reason, detail, first, last) in containers {
        let Some(&reason) = crate::html::elements::REASONS.iter().find(|known| **known == reason) else {
            return Err(PyValueError::new_err(format!("walk_evidence(): unknown container reason {reason:?}")));
        };
        known.push(crate::html::Container { reason, detail, first, last });
    }
    let spans = known.iter().map(|found| (found.first, found.last)).chain(items.iter().map(|item| (item.1, item.2)));
    if let Some((first, last)) = spans.into_iter().find(|&(first, last)| first > last || last > count) {
        return Err(PyValueError::new_err(format!("walk_evidence(): blocks [{first}, {last}) of {count}")));
    }
    if let Some(block) = blocks.iter().find(|block| block.5 > crate::text::char_len(&block.0)) {
        return Err(PyValueError::new_err(format!("walk_evidence(): more link text than text in {:?}", block.0)));
    }
    let containers = known;
    let found = crate::html::Walk {
        blocks: blocks
            .into_iter()
            .map(|(text, gap, tag, level, flags, link_chars, region)| crate::html::Block {
                text,
                gap,
                tag: tag.as_str().into(),
                level,
                flags,
                link_chars,
                region,
            })
            .collect(),
        containers,
        items: items.into_iter().map(|(group, first, last)| crate::html::Item { group, first, last }).collect(),
    };
    let evidence = py.detach(|| crate::html::evidence::evidence(&found));
    let marks = evidence.marks.into_iter().map(|mark| (mark.block, mark.reason, mark.detail)).collect();
    Ok((marks, evidence.content))
}

/// How deep `html` (a `str`, or UTF-8 `bytes`) nests its elements and the most attributes one of its tags
/// holds, read off its tags (see `html::nesting`); None for bytes that are not UTF-8.
#[pyfunction]
fn html_shape(py: Python<'_>, html: &Bound<'_, PyAny>) -> PyResult<Option<(usize, usize)>> {
    let Some(html) = html_text(html)? else { return Ok(None) };
    let shape = py.detach(|| crate::html::nesting::shape(html));
    Ok(Some((shape.depth, shape.attributes)))
}

/// The languages with a phrase list, in the order the lists are merged.
#[pyfunction]
fn phrase_languages() -> Vec<String> {
    crate::phrases::all_languages()
}

#[pymodule]
fn _engine(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(segment, module)?)?;
    module.add_function(wrap_pyfunction!(analyse, module)?)?;
    module.add_function(wrap_pyfunction!(features, module)?)?;
    module.add_function(wrap_pyfunction!(fold, module)?)?;
    module.add_function(wrap_pyfunction!(key, module)?)?;
    module.add_function(wrap_pyfunction!(cut, module)?)?;
    module.add_function(wrap_pyfunction!(stopwords, module)?)?;
    module.add_function(wrap_pyfunction!(run_passes, module)?)?;
    module.add_function(wrap_pyfunction!(process, module)?)?;
    module.add_function(wrap_pyfunction!(clean, module)?)?;
    module.add_function(wrap_pyfunction!(clean_many, module)?)?;
    module.add_function(wrap_pyfunction!(clean_many_outcomes, module)?)?;
    module.add_function(wrap_pyfunction!(clean_many_marked, module)?)?;
    module.add_function(wrap_pyfunction!(process_marked, module)?)?;
    module.add_function(wrap_pyfunction!(pass_names, module)?)?;
    module.add_function(wrap_pyfunction!(build, module)?)?;
    module.add_class::<Passes>()?;
    module.add_function(wrap_pyfunction!(training_rows, module)?)?;
    module.add_function(wrap_pyfunction!(phrase_languages, module)?)?;
    module.add_function(wrap_pyfunction!(walk_html, module)?)?;
    module.add_function(wrap_pyfunction!(read_page, module)?)?;
    module.add_function(wrap_pyfunction!(read_html, module)?)?;
    module.add_function(wrap_pyfunction!(walk_evidence, module)?)?;
    module.add_function(wrap_pyfunction!(html_shape, module)?)?;
    Ok(())
}
