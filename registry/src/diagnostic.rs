//! Registry errors located in the TOML source, rendered the way rustc renders its own.

use std::fmt::Write as _;
use std::ops::Range;

/// One mistake in the registry: where it is, what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Byte range of the offending text in the registry source.
    pub span: Range<usize>,
    /// Lowercase, no trailing period, naming what the maintainer wrote.
    pub message: String,
    /// A second place that explains the first, e.g. the earlier of two duplicates.
    pub related: Option<(Range<usize>, String)>,
    /// One line telling how to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem at `span` of the source, described by `message`.
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            span,
            message: message.into(),
            related: None,
            hint: None,
        }
    }

    /// Adds how to fix it.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a second place that explains the first.
    #[must_use]
    pub fn related(mut self, span: Range<usize>, note: impl Into<String>) -> Self {
        self.related = Some((span, note.into()));
        self
    }

    /// Renders `path:line:column: message`, the source line with a caret under the
    /// offending text, the related location if any, and the hint.
    pub fn render(&self, path: &str, source: &str) -> String {
        let here = Location::of(source, self.span.start);
        let mut out = format!("{path}:{}:{}: {}", here.line, here.column, self.message);
        excerpt(&mut out, source, &self.span, &here);
        let indent = " ".repeat(here.line.to_string().len() + 1);
        if let Some((span, note)) = &self.related {
            let there = Location::of(source, span.start);
            let _ = write!(
                out,
                "\n{indent}= note: {path}:{}:{}: {note}",
                there.line, there.column
            );
        }
        if let Some(hint) = &self.hint {
            let _ = write!(out, "\n{indent}= help: {hint}");
        }
        out
    }
}

/// A 1-based line and column (in characters) inside the registry source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Location {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
    line_start: usize,
}

impl Location {
    /// Locates a byte offset; offsets past the end or inside a character are clamped,
    /// because a span from a damaged file must still produce a message, not a panic.
    pub fn of(source: &str, offset: usize) -> Location {
        let offset = floor_char_boundary(source, offset);
        let before = &source[..offset];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        Location {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            line_start,
        }
    }
}

fn floor_char_boundary(source: &str, offset: usize) -> usize {
    let offset = offset.min(source.len());
    // A character takes at most four bytes: a boundary lies among the last four offsets.
    (offset.saturating_sub(3)..=offset)
        .rev()
        .find(|&offset| source.is_char_boundary(offset))
        .unwrap_or(0)
}

fn excerpt(out: &mut String, source: &str, span: &Range<usize>, here: &Location) {
    let rest = &source[here.line_start..];
    let line = rest.split(['\n', '\r']).next().unwrap_or_default();
    let gutter = here.line.to_string().len();
    let end = floor_char_boundary(source, span.end.max(span.start));
    let underlined = source
        .get(floor_char_boundary(source, span.start)..end)
        .unwrap_or_default()
        .split(['\n', '\r'])
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        .max(1);
    let _ = write!(
        out,
        "\n{blank:gutter$} |\n{number} | {line}\n{blank:gutter$} | {pad}{carets}",
        blank = "",
        number = here.line,
        pad = " ".repeat(here.column - 1),
        carets = "^".repeat(underlined),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_columns_in_characters() {
        let source = "a = 1\nbé = \"x\"\n";
        assert_eq!(Location::of(source, 0).line, 1);
        let value = source.find('"').unwrap();
        let location = Location::of(source, value);
        assert_eq!((location.line, location.column), (2, 6));
    }

    #[test]
    fn clamps_offsets_that_fall_outside_or_inside_a_character() {
        let source = "é";
        assert_eq!(Location::of(source, 1).column, 1);
        assert_eq!(Location::of(source, 99).column, 2);
        // Inside a four-byte character, at each of its bytes.
        let source = "a😀b";
        for offset in 1..5 {
            assert_eq!(Location::of(source, offset).column, 2, "{offset}");
        }
        assert_eq!(Location::of(source, 5).column, 3);
    }

    #[test]
    fn renders_location_excerpt_caret_note_and_hint() {
        let source = "[[reason]]\nvalue = 1001\n[[reason]]\nvalue = 1001\n";
        let second = source.rfind("1001").unwrap();
        let first = source.find("1001").unwrap();
        let rendered = Diagnostic::new(second..second + 4, "duplicate value 1001")
            .related(first..first + 4, "first used here")
            .hint("give each reason its own value")
            .render("close-reasons.toml", source);
        assert_eq!(
            rendered,
            "close-reasons.toml:4:9: duplicate value 1001\n  |\n4 | value = 1001\n  |         ^^^^\n  \
             = note: close-reasons.toml:2:9: first used here\n  = help: give each reason its own value"
        );
    }
}
