//! The one registry of removal reasons: every pass writes these codes, and a
//! pass reads another's decisions only through them (and typed fields such as
//! `Removal::copy_of`), never through detail text meant for people.

// remove-site-chrome
pub const UI_PHRASE: &str = "ui-phrase";
pub const WIDGET: &str = "widget";
pub const RELATED: &str = "related-content";
pub const AUTHOR_BIO: &str = "author-bio";
pub const BYLINE_MARKER: &str = "byline-marker";
pub const BOILERPLATE: &str = "boilerplate";
pub const COMMENT_THREAD: &str = "comment-thread";
pub const CONSENT_NOTICE: &str = "consent-notice";
pub const TEASER_LIST: &str = "teaser-list";
// dedup-captions
pub const DUPLICATE_CAPTION: &str = "duplicate-caption";
pub const CAPTION_CREDIT: &str = "caption-credit";
// collapse-repeated-blocks
pub const REPEATED_BLOCK: &str = "repeated-block";
pub const REPEATED_HEADING: &str = "repeated-heading";
// assign-roles
pub const HEADER_LINE: &str = "header-line";
