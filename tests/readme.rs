//! The README's commands do not go stale: each command of a ```sh block is
//! run by `.ci/run` (a `readme 'COMMAND'` line there runs it as written and
//! checks its exit status), or is one of the few too long for CI, listed
//! below with the shorter form `.ci/run` runs instead. And every command
//! `.ci/run` runs in the README's name is still in the README.
//!
//! The files the README links to exist too.

use std::collections::BTreeSet;
use std::path::Path;

/// Commands the README gives that CI cannot run as written (they take far
/// longer than CI's half hour), each with the line `.ci/run` runs instead
/// and why.
const SHORTENED: &[(&str, &str, &str)] = &[
    (
        "cargo run --release -p conformance -- w3c --validate",
        "readme 'cargo run --release -p conformance -- w3c --sample 2000 --validate' --check",
        "every case takes about half an hour here; CI runs the fixed sample",
    ),
    (
        "fuzz/run.sh 600",
        "readme 'fuzz/run.sh 20'",
        "ten minutes a target; CI fuzzes for 20 seconds, enough to prove the target builds and runs",
    ),
    (
        "codegen/fuzz/run.sh 600",
        "(cd codegen/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz build -s none generate)",
        "ten minutes; building it with sanitizers takes CI five, so CI builds it without",
    ),
    (
        "cargo bench",
        "readme 'cargo bench -- --test'",
        "the benches measure for minutes; CI runs each once, checking what it reads and writes",
    ),
    (
        "bench/report",
        "readme 'cargo bench -- --test'",
        "every bench, and xsd-parser's bindings built beside ours: the better part of an hour",
    ),
];

/// The commands of the README's ```sh blocks: each line without its
/// trailing comment, blank and comment-only lines left out.
fn readme_commands(readme: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        let trimmed = line.trim();
        if let Some(info) = trimmed.strip_prefix("```") {
            in_sh = !in_sh && info.trim() == "sh";
            continue;
        }
        if !in_sh || trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let command = match trimmed.find(" #") {
            Some(comment) => &trimmed[..comment],
            None => trimmed,
        };
        commands.push(command.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    commands
}

/// The commands `.ci/run` runs through its `readme` function: the first
/// single-quoted argument of each `readme` line.
fn ci_commands(ci: &str) -> BTreeSet<String> {
    ci.lines()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("readme ")?;
            let start = rest.find('\'')? + 1;
            let end = start + rest[start..].find('\'')?;
            Some(rest[start..end].to_owned())
        })
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn every_readme_command_is_run_by_ci() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = readme_commands(&read(&root.join("README.md")));
    let ci_text = read(&root.join(".ci/run"));
    let ci = ci_commands(&ci_text);
    assert!(
        readme.len() >= 10,
        "too few README commands found: {readme:?}"
    );

    let mut missing = Vec::new();
    for command in &readme {
        if ci.contains(command) {
            continue;
        }
        match SHORTENED.iter().find(|(long, _, _)| long == command) {
            Some((_, short, _)) if ci_text.lines().any(|l| l.trim() == *short) => {}
            Some((_, short, _)) => missing.push(format!("{command} (CI should run: {short})")),
            None => missing.push(command.clone()),
        }
    }
    assert!(
        missing.is_empty(),
        "README commands that .ci/run does not run (add a `readme '...'` line):\n  {}",
        missing.join("\n  ")
    );

    let stale: Vec<&String> = ci.iter().filter(|c| !readme.contains(c)).collect();
    let stale: Vec<&String> = stale
        .into_iter()
        .filter(|c| {
            !SHORTENED
                .iter()
                .any(|(_, short, _)| short.contains(c.as_str()))
        })
        .collect();
    assert!(
        stale.is_empty(),
        ".ci/run runs these in the README's name, but the README no longer gives them: {stale:?}"
    );
    for (long, _, _) in SHORTENED {
        assert!(
            readme.iter().any(|c| c == long),
            "SHORTENED lists `{long}`, which the README no longer gives"
        );
    }
}

#[test]
fn the_readme_links_to_files_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = read(&root.join("README.md"));
    let mut links = 0;
    for (i, _) in readme.match_indices("](") {
        let rest = &readme[i + 2..];
        let Some(end) = rest.find(')') else { continue };
        let target = rest[..end].split('#').next().unwrap_or_default();
        if target.is_empty() || target.contains("://") {
            continue;
        }
        links += 1;
        assert!(
            root.join(target).exists(),
            "the README links to {target}, which does not exist"
        );
    }
    assert!(links > 0, "no relative link found in the README");
}

#[test]
fn command_extraction() {
    let readme = "text\n```sh\ncargo run -p a  -- x   # print\n# a comment\n\nbench/report\n```\n\
                  ```rust\nlet x = 1;\n```\n```sh\nfuzz/run.sh 600\n```\n";
    assert_eq!(
        readme_commands(readme),
        ["cargo run -p a -- x", "bench/report", "fuzz/run.sh 600"]
    );
    let ci = "readme 'cargo run -p a -- x'\n  readme --status 1 'diff a b' --check\nother 'x'\n";
    assert_eq!(
        ci_commands(ci).into_iter().collect::<Vec<_>>(),
        ["cargo run -p a -- x", "diff a b"]
    );
}
