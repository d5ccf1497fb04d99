//! Whether a generated file on disk is still what the schema generates:
//! `codegen --check` in CI, or a test that guards a committed copy.
//!
//! ```no_run
//! use xsd_codegen::check::{check, Check};
//!
//! let code = xsd_codegen::Config::new().generate(&["schema/Messages.xsd"]).unwrap();
//! match check("src/messages.rs".as_ref(), &code).unwrap() {
//!     Check::UpToDate => {}
//!     Check::Missing => panic!("src/messages.rs is missing: regenerate it"),
//!     Check::OutOfDate { diff } => panic!("src/messages.rs is out of date:\n{diff}"),
//! }
//! ```

use std::io::ErrorKind;
use std::path::Path;

use similar::TextDiff;

/// How a file on disk compares with the code generated now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// The file holds exactly the generated code.
    UpToDate,
    /// There is no such file.
    Missing,
    /// The file differs.
    OutOfDate {
        /// A unified diff from the file on disk to the code generated now.
        diff: String,
    },
}

/// Compares the file at `path` with `generated`, byte for byte.
///
/// A missing file is [`Check::Missing`]; a file that cannot be read for
/// another reason (a directory, no permission) is an error.
pub fn check(path: &Path, generated: &str) -> std::io::Result<Check> {
    let on_disk = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Check::Missing),
        Err(e) => return Err(e),
    };
    if on_disk == generated.as_bytes() {
        return Ok(Check::UpToDate);
    }
    let on_disk = String::from_utf8_lossy(&on_disk);
    let name = path.display().to_string();
    Ok(Check::OutOfDate {
        diff: unified_diff(&name, &on_disk, generated),
    })
}

/// A unified diff (3 lines of context) from `on_disk` to `generated`, both
/// named after `name`.
pub fn unified_diff(name: &str, on_disk: &str, generated: &str) -> String {
    let diff = TextDiff::from_lines(on_disk, generated);
    let mut unified = diff.unified_diff();
    unified.context_radius(3).header(
        &format!("{name} (on disk)"),
        &format!("{name} (generated now)"),
    );
    let text = unified.to_string();
    if text.is_empty() {
        // Different bytes, same text: the file holds bytes that are not UTF-8.
        format!(
            "--- {name} (on disk)\n+++ {name} (generated now)\n(the file on disk is not valid UTF-8)\n"
        )
    } else {
        text
    }
}

/// The first `max_lines` lines of `diff`, and a line saying how many more
/// there are, if any.
pub fn shorten(diff: &str, max_lines: usize) -> String {
    let total = diff.lines().count();
    if total <= max_lines {
        return diff.to_string();
    }
    let mut out: String = diff
        .split_inclusive('\n')
        .take(max_lines)
        .collect::<String>();
    let more = total - max_lines;
    let s = if more == 1 { "" } else { "s" };
    out.push_str(&format!("... ({more} more line{s} of diff)\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_names_both_sides_and_the_change() {
        let diff = unified_diff("out.rs", "a\nb\nc\n", "a\nB\nc\n");
        assert_eq!(
            diff,
            "--- out.rs (on disk)\n+++ out.rs (generated now)\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
        );
    }

    #[test]
    fn a_difference_in_line_endings_only_is_still_shown() {
        let diff = unified_diff("out.rs", "a\r\n", "a\n");
        assert!(diff.contains("out.rs (on disk)"), "{diff}");
        assert!(diff.lines().count() > 2, "{diff}");
    }

    #[test]
    fn shorten_keeps_short_diffs_and_counts_the_rest() {
        assert_eq!(shorten("a\nb\n", 2), "a\nb\n");
        assert_eq!(shorten("a\nb\nc\n", 2), "a\nb\n... (1 more line of diff)\n");
    }

    #[test]
    fn a_missing_file_is_missing_and_a_directory_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            check(&dir.path().join("none.rs"), "x").unwrap(),
            Check::Missing
        );
        assert!(check(dir.path(), "x").is_err());
        let file = dir.path().join("same.rs");
        std::fs::write(&file, "x\n").unwrap();
        assert_eq!(check(&file, "x\n").unwrap(), Check::UpToDate);
        assert!(matches!(
            check(&file, "y\n").unwrap(),
            Check::OutOfDate { .. }
        ));
    }
}
