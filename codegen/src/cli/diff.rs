//! `codegen diff`: what a new release of a schema set adds and removes,
//! for people or (`--format json`) for tools; status 1 when it removes
//! anything.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, ValueEnum};
use serde::Serialize;
use xsd_codegen::Errors;
use xsd_codegen::changes::{self, Changes};

use crate::{Cli, ColorChoice, fail, model_config, parse_module, print, say};

/// `codegen diff -h`, after the options.
pub const AFTER_HELP: &str = "\
Examples:
  codegen diff ews/2016/messages.xsd ews/2023/messages.xsd   what the 2023 release changes
  codegen diff old/a.xsd old/b.xsd -- new/a.xsd new/b.xsd    several files a side
  codegen diff --format json old.xsd new.xsd                 for tools

'--help' shows a worked example.";

/// `codegen diff --help`, after the options: a worked example.
pub const AFTER_LONG_HELP: &str = "\
Example: what the 2023 release of the EWS schema changes since the 2016 one

  $ codegen diff ews/2016/messages.xsd ews/2023/messages.xsd
  codegen: comparing ews/2016/messages.xsd with ews/2023/messages.xsd
  types added (41):
    messages::ArrayOfExtensionUsageScenarioCounterType
    ...
  types removed (9):
    types::ChangeDescriptionTypeChoice
    ...
  enumeration values added (44 in 12 enumerations):
    ...
    types::ExchangeVersionType (5): V2017_01_07, V2017_04_14, V2017_07_11, V2017_10_09, V2018_01_08
    ...
  enumeration values removed (1 in 1 enumeration):
    types::EntityFeedbackEntityAddSourceType: RecipientCache
  elements and @attributes added (151 in 85 structs):
    messages::DisableApp: IsMetaOSApp
    ...
    types::EntityFeedbackEntryType: ClientEventTimeUtc
    ...
  elements and @attributes removed (39 in 37 structs):
    ...
    types::EntityFeedbackEntryType: ClientEventTimeUTC
    ...

  added 41 types, 44 enumeration values, 151 elements and attributes
  removed 9 types, 1 enumeration value, 39 elements and attributes: a breaking change

  and exits with status 1, since something was removed: code or documents
  written for 2016 may not work with 2023. A release compared with itself
  prints 'nothing changed' and exits with status 0, as does one that only adds.

Types are named by their Rust path (module::Type; --module renames modules
as it does for generation), values and elements by their wire names; an
attribute starts with @. Names are all that is compared: a field whose type
changed, or that became required, is not reported.

--format json prints one object for tools: \"breaking\" (true when something
was removed), \"counts\" (added_types, removed_types, added_values,
removed_values, added_fields, removed_fields), and under the same six keys
the names: a list of types, or lists of values and fields by type.

Exit status: 0 nothing removed; 1 something removed, schema errors (shown as
for generation, nothing on standard output), or a file that cannot be read;
2 wrong arguments.";

/// The arguments of `codegen diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old release's schema files. Two files and no `--`: the old
    /// release's, then the new release's.
    #[arg(required = true, value_name = "OLD.xsd")]
    old: Vec<PathBuf>,

    /// The new release's schema files, after `--`.
    #[arg(last = true, value_name = "NEW.xsd")]
    new: Vec<PathBuf>,

    /// `text` for people, `json` for tools.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Text)]
    format: Format,

    /// Name the module of a namespace (repeatable), on both sides, as for
    /// generation: `--module http://example.com/types=ty`.
    #[arg(long = "module", value_name = "NAMESPACE=NAME", value_parser = parse_module)]
    modules: Vec<(String, String)>,

    /// Read both sides as generation with --open-enums does. Accepted so
    /// that the generating command's options can be given as they are: it
    /// changes nothing that is compared.
    #[arg(long)]
    open_enums: bool,

    /// Print no progress; the summary and errors are still printed.
    #[arg(short, long)]
    quiet: bool,

    /// When to color the diagnostics.
    ///
    /// `auto` colors them when standard error is a terminal and NO_COLOR is
    /// not set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Compares the models of two releases of a schema set, prints what
/// changed, and fails when something was removed.
pub fn run(args: &DiffArgs) -> ExitCode {
    let (old, new) = match (&args.old[..], &args.new[..]) {
        ([old, new], []) => (std::slice::from_ref(old), std::slice::from_ref(new)),
        (old, []) => {
            let mut command = Cli::command();
            command.build();
            let diff = command
                .find_subcommand_mut("diff")
                .expect("diff is a subcommand");
            let message = match old.len() {
                1 => "one schema file: name the old release's, then the new release's".to_string(),
                n => format!(
                    "{n} schema files and no `--`: name the old release's, then `--`, then the new release's"
                ),
            };
            diff.error(ErrorKind::WrongNumberOfValues, message).exit()
        }
        (old, new) => (old, new),
    };
    if !args.quiet {
        let side = |files: &[PathBuf]| match files {
            [one] => one.display().to_string(),
            many => format!("{} schema files", many.len()),
        };
        say(&format!(
            "codegen: comparing {} with {}",
            side(old),
            side(new)
        ));
    }
    let config = model_config(&args.modules, args.open_enums);
    let (before, after) = match (config.model(old), config.model(new)) {
        (Ok(before), Ok(after)) => (before, after),
        (before, after) => {
            // Both sides' errors; a file on both sides is reported once.
            let mut errors: Vec<_> = [before.err(), after.err()]
                .into_iter()
                .flatten()
                .flat_map(|errors| errors.0)
                .collect();
            let mut seen = HashSet::new();
            errors.retain(|e| seen.insert(e.to_string()));
            return fail(&Errors(errors), args.color.enabled());
        }
    };
    let changes = changes::changes(&before, &after);
    let text = match args.format {
        Format::Text if changes.is_empty() => "nothing changed: no type, enumeration value, \
                                               element or attribute added or removed\n"
            .to_string(),
        Format::Text => format!("{changes}\n{}", Counts::of(&changes).text()),
        Format::Json => {
            let report = JsonReport::new(&changes);
            let mut json = serde_json::to_string_pretty(&report).expect("strings and numbers");
            json.push('\n');
            json
        }
    };
    if print(&text) != ExitCode::SUCCESS || changes.is_breaking() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// How many of each kind of change there are.
#[derive(Debug, Serialize)]
struct Counts {
    added_types: usize,
    removed_types: usize,
    added_values: usize,
    removed_values: usize,
    added_fields: usize,
    removed_fields: usize,
}

impl Counts {
    fn of(changes: &Changes) -> Self {
        let sum = |map: &BTreeMap<String, Vec<String>>| map.values().map(Vec::len).sum();
        Counts {
            added_types: changes.added_types.len(),
            removed_types: changes.removed_types.len(),
            added_values: sum(&changes.added_values),
            removed_values: sum(&changes.removed_values),
            added_fields: sum(&changes.added_fields),
            removed_fields: sum(&changes.removed_fields),
        }
    }

    /// The closing lines of the summary: the totals, and whether it breaks.
    fn text(&self) -> String {
        let line = |types: usize, values: usize, fields: usize| {
            let parts: Vec<String> = [
                (types, "type", "types"),
                (values, "enumeration value", "enumeration values"),
                (fields, "element or attribute", "elements and attributes"),
            ]
            .into_iter()
            .filter(|(n, ..)| *n > 0)
            .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
            .collect();
            if parts.is_empty() {
                "nothing".to_string()
            } else {
                parts.join(", ")
            }
        };
        let removed = self.removed_types + self.removed_values + self.removed_fields;
        format!(
            "added {}\nremoved {}{}\n",
            line(self.added_types, self.added_values, self.added_fields),
            line(self.removed_types, self.removed_values, self.removed_fields),
            if removed > 0 {
                ": a breaking change"
            } else {
                ""
            }
        )
    }
}

/// `codegen diff --format json`: whether it breaks, the counts, then the
/// names (the fields of [`Changes`]).
#[derive(Serialize)]
struct JsonReport<'a> {
    breaking: bool,
    counts: Counts,
    added_types: &'a [String],
    removed_types: &'a [String],
    added_values: &'a BTreeMap<String, Vec<String>>,
    removed_values: &'a BTreeMap<String, Vec<String>>,
    added_fields: &'a BTreeMap<String, Vec<String>>,
    removed_fields: &'a BTreeMap<String, Vec<String>>,
}

impl<'a> JsonReport<'a> {
    fn new(changes: &'a Changes) -> Self {
        JsonReport {
            breaking: changes.is_breaking(),
            counts: Counts::of(changes),
            added_types: &changes.added_types,
            removed_types: &changes.removed_types,
            added_values: &changes.added_values,
            removed_values: &changes.removed_values,
            added_fields: &changes.added_fields,
            removed_fields: &changes.removed_fields,
        }
    }
}
