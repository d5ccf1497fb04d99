//! Errors rendered for people: each as `file:line:col: error: message`, then
//! the source line it points at with a caret under the column, the way a
//! compiler shows them. The command-line tool prints these; the plain
//! [`Errors`] `Display` (one `error: file:line:col: message` line each) stays
//! what build scripts print.
//!
//! ```text
//! schema/Messages.xsd:12:7: error: unresolved reference to `{urn:t}Missing` in element b
//!    |
//! 12 |       <xs:element name="b" type="t:Missing"/>
//!    |       ^^^^^^^^^^^
//! 1 error
//! ```
//!
//! The layout and the caret line are drawn by [codespan-reporting]; this
//! module only finds, for each error, its location and the source text
//! around it. An error without a location (a file that cannot be read, an
//! output that cannot be written) is rendered as its plain message.
//!
//! [codespan-reporting]: https://docs.rs/codespan-reporting

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use codespan_reporting::diagnostic::{Diagnostic, Label, LabelStyle, Severity};
use codespan_reporting::files::{Files, SimpleFiles};
use codespan_reporting::term::termcolor::{Ansi, NoColor};
use codespan_reporting::term::{Chars, Config, Renderer, ShortDiagnostic, WriteStyle};

use crate::error::{Error, Errors, Location, ParseError, ResolveError};

/// Renders every error of `errors`, reading each error's schema file again
/// to show the line it points at, and ends with an `N error(s)` line.
///
/// With `color`, the text carries ANSI color codes (for a terminal).
/// A file that cannot be read any more is no problem: its errors are
/// rendered without the source line.
pub fn render(errors: &Errors, color: bool) -> String {
    render_with(errors, color, |path| std::fs::read_to_string(path).ok())
}

/// Like [`render`], with the source text of each file from `source` instead
/// of the file system (for schemas held in memory). `source` is asked once
/// per file; `None` means the text is not at hand.
pub fn render_with(
    errors: &Errors,
    color: bool,
    source: impl FnMut(&Path) -> Option<String>,
) -> String {
    let mut sources = Sources {
        read: source,
        files: SimpleFiles::new(),
        ids: HashMap::new(),
    };
    let mut out = Vec::new();
    for error in errors.iter() {
        let mut parts = vec![(Severity::Error, location(error), message(error))];
        if let Error::Resolve(ResolveError::Duplicate { first, .. }) = error {
            parts.push((Severity::Note, Some(first), "first defined here".into()));
        }
        for (severity, location, message) in parts {
            let diagnostic = sources.diagnostic(severity, location, message);
            if color {
                emit(&mut Ansi::new(&mut out), &sources.files, &diagnostic);
            } else {
                emit(&mut NoColor::new(&mut out), &sources.files, &diagnostic);
            }
        }
    }
    let n = errors.len();
    let mut text = String::from_utf8_lossy(&out).into_owned();
    text.push_str(&format!("{n} error{}\n", if n == 1 { "" } else { "s" }));
    text
}

/// Where `error` points in a schema, if it is about a construct of one.
///
/// Errors about whole files (one that cannot be read, an output that cannot
/// be written) and internal errors have none.
pub fn location(error: &Error) -> Option<&Location> {
    match error {
        Error::Parse(
            ParseError::MissingFile { location, .. }
            | ParseError::Xml { location, .. }
            | ParseError::Encoding { location, .. }
            | ParseError::Unsupported { location, .. }
            | ParseError::Invalid { location, .. },
        ) => Some(location),
        Error::Resolve(e) => Some(e.location()),
        // A file that cannot be read or written, an internal error, and
        // whatever comes next: rendered as its plain message.
        _ => None,
    }
}

/// The message of `error` without its leading `file:line:col: `, which the
/// rendering shows apart.
pub fn message(error: &Error) -> String {
    let text = error.to_string();
    match location(error).and_then(|l| text.strip_prefix(&format!("{l}: "))) {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// Whether `location` is a position in `source`: its line exists, and its
/// column is on that line or just past its end. Every location the
/// generator reports is, in the text it read.
pub fn points_into(source: &str, location: &Location) -> bool {
    span(source, location).is_some()
}

/// The schema texts read so far, as codespan's file database.
struct Sources<F> {
    read: F,
    files: SimpleFiles<String, String>,
    ids: HashMap<std::path::PathBuf, Option<usize>>,
}

impl<F: FnMut(&Path) -> Option<String>> Sources<F> {
    /// A diagnostic whose label is the construct at `location`; one without a
    /// label (rendered as the plain `file:line:col: message`) when the
    /// location is not in the file as it reads now.
    fn diagnostic(
        &mut self,
        severity: Severity,
        location: Option<&Location>,
        message: String,
    ) -> Diagnostic<usize> {
        let Some(location) = location else {
            return Diagnostic::new(severity).with_message(message);
        };
        let read = &mut self.read;
        let files = &mut self.files;
        let id = *self
            .ids
            .entry(location.file.to_path_buf())
            .or_insert_with(|| {
                let text = read(&location.file)?;
                Some(files.add(location.file.display().to_string(), text))
            });
        match id.and_then(|id| Some((id, span(self.files.get(id).ok()?.source(), location)?))) {
            Some((id, range)) => Diagnostic::new(severity)
                .with_message(message)
                .with_labels(vec![Label::primary(id, range)]),
            None => Diagnostic::new(severity).with_message(format!("{location}: {message}")),
        }
    }
}

/// Writes `diagnostic` as `file:line:col: severity: message`, then its line
/// with the label underlined.
fn emit(
    writer: &mut dyn WriteStyle,
    files: &SimpleFiles<String, String>,
    diagnostic: &Diagnostic<usize>,
) {
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let mut renderer = Renderer::new(writer, &config);
    // Rendering into memory cannot fail, and the label is inside its file.
    let _ = ShortDiagnostic::new(diagnostic, false).render(files, &mut renderer);
    let Some(label) = diagnostic.labels.first() else {
        return;
    };
    let _ = (|| -> Result<(), codespan_reporting::files::Error> {
        let index = files.line_index(label.file_id, label.range.start)?;
        let number = files.line_number(label.file_id, index)?;
        let line = files.line_range(label.file_id, index)?;
        let source = &files.get(label.file_id)?.source()[line.clone()];
        // At least one caret, also for a position at the end of the line.
        let start = label.range.start - line.start;
        let caret = start..(label.range.end - line.start).max(start + 1);
        let padding = number.to_string().len();
        renderer.render_snippet_empty(padding, diagnostic.severity, 0, &[])?;
        let labels = [(LabelStyle::Primary, caret, "")];
        renderer.render_snippet_source(
            padding,
            number,
            source,
            diagnostic.severity,
            &labels,
            0,
            &[],
        )?;
        renderer.render_empty()
    })();
}

/// The byte range of `source` to underline for `location`: the tag name when
/// the location is the `<` of a tag, else the one character at the column
/// (or the end of the line, for a column just past it). `None` when the
/// location is not in `source`.
fn span(source: &str, location: &Location) -> Option<Range<usize>> {
    let index = (location.line as usize).checked_sub(1)?;
    let line_start = if index == 0 {
        0
    } else {
        source.match_indices('\n').nth(index - 1)?.0 + 1
    };
    let raw = source[line_start..].split('\n').next().unwrap_or("");
    // Columns count characters, from 1, and a `\r` before the `\n` counts;
    // one just past the end of the line (the end of the file, say) is valid.
    let column = (location.column as usize).checked_sub(1)?;
    if column > raw.chars().count() {
        return None;
    }
    // A column on the `\r` or past it is shown at the end of the line.
    let line = raw.strip_suffix('\r').unwrap_or(raw);
    let start = line
        .char_indices()
        .nth(column)
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let len = match rest.strip_prefix('<') {
        Some(tag) => {
            let name = tag.trim_start_matches(['/', '?', '!']);
            let end = name
                .find(|c: char| c.is_whitespace() || matches!(c, '/' | '>' | '<' | '='))
                .unwrap_or(name.len());
            rest.len() - name.len() + end
        }
        None => rest.chars().next().map_or(0, char::len_utf8),
    };
    Some(line_start + start..line_start + start + len)
}
