//! Full Unicode case folding, shared with `build.rs` (which folds the stopword lists once, at build time).

/// Full Unicode case folding (Python's `str.casefold`).
pub fn casefold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // ASCII runs fold byte by byte; the rest through the Unicode tables.
        let ascii = rest.bytes().position(|byte| !byte.is_ascii()).unwrap_or(rest.len());
        folded.extend(rest[..ascii].bytes().map(|byte| byte.to_ascii_lowercase() as char));
        rest = &rest[ascii..];
        let other = rest.bytes().position(|byte| byte.is_ascii()).unwrap_or(rest.len());
        folded.push_str(&caseless::default_case_fold_str(&rest[..other]));
        rest = &rest[other..];
    }
    folded
}
