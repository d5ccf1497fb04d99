//! Child processes that work through a list of items, one output line per
//! item, and may crash or hang on one of them: run with a timeout per item,
//! and resumed after the item they stopped on.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How a run of a child over some items ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    /// It exited successfully.
    Done,
    /// It exited with a failure status or a signal (a crash: stack
    /// overflow, abort), described.
    Crashed(String),
    /// It printed nothing for longer than the timeout and was killed.
    TimedOut,
}

/// Runs `command` with `input` (one line per item) on its standard input,
/// and returns the lines it printed, how it ended and its standard error.
/// The child is killed when it prints no line for `timeout`.
pub fn run_lines(
    mut command: Command,
    input: &[String],
    timeout: Duration,
) -> std::io::Result<(Vec<String>, Ending, String)> {
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn()?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let text: String = input.iter().map(|l| format!("{l}\n")).collect();
    let writer = std::thread::spawn(move || {
        // A child that dies early closes the pipe: not an error here.
        let _ = stdin.write_all(text.as_bytes());
    });
    let stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        text
    });
    let (send, receive) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    let mut timed_out = false;
    loop {
        match receive.recv_timeout(timeout) {
            Ok(line) => lines.push(line),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                timed_out = true;
                let _ = child.kill();
                break;
            }
        }
    }
    let status = child.wait()?;
    // After a kill, a grandchild may still hold the pipes: leave the
    // threads to end with it rather than wait.
    let stderr = if timed_out {
        String::new()
    } else {
        let _ = reader.join();
        let _ = writer.join();
        err_reader.join().unwrap_or_default()
    };
    let ending = if timed_out {
        Ending::TimedOut
    } else if status.success() {
        Ending::Done
    } else {
        Ending::Crashed(describe(&status, &stderr))
    };
    Ok((lines, ending, stderr))
}

/// A crash in a few words: the signal or status, and a stack overflow
/// named as such.
fn describe(status: &std::process::ExitStatus, stderr: &str) -> String {
    if stderr.contains("has overflowed its stack") {
        return "stack overflow".into();
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!("killed by signal {signal}");
        }
    }
    match stderr.lines().rev().find(|l| !l.trim().is_empty()) {
        Some(last) => format!("{status}: {}", last.trim()),
        None => status.to_string(),
    }
}

/// Runs a child over `items` until every item has a result: `spawn` makes
/// the command for a list of items, `parse` reads an output line into
/// (item index, result). When a child crashes or hangs, the first item
/// without a result is the culprit: it gets `failed(ending)` and the child
/// is started again on the items after it.
pub fn run_resumable<T>(
    items: &[String],
    timeout: Duration,
    mut spawn: impl FnMut() -> Command,
    parse: impl Fn(&str) -> Option<(usize, T)>,
    failed: impl Fn(&Ending) -> T,
) -> std::io::Result<Vec<T>> {
    let mut results: Vec<Option<T>> = (0..items.len()).map(|_| None).collect();
    let mut start = 0;
    while start < items.len() {
        let (lines, ending, _) = run_lines(spawn(), &items[start..], timeout)?;
        for line in &lines {
            // Not a let chain: they need Rust 1.88, the workspace 1.85.
            if let Some((index, result)) = parse(line) {
                if let Some(slot) = results.get_mut(start + index) {
                    *slot = Some(result);
                }
            }
        }
        let first_missing = (start..items.len()).find(|&i| results[i].is_none());
        match (ending, first_missing) {
            (_, None) => break,
            (Ending::Done, Some(i)) => {
                // Exited cleanly without answering: nothing will change on a rerun.
                for slot in &mut results[i..] {
                    slot.get_or_insert_with(|| failed(&Ending::Crashed("no result".into())));
                }
                break;
            }
            (ending, Some(i)) => {
                results[i] = Some(failed(&ending));
                start = i + 1;
            }
        }
    }
    Ok(results
        .into_iter()
        .map(|r| r.expect("every item answered"))
        .collect())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A shell child that answers `index<TAB>line` for each line, crashes
    /// on `crash` and hangs on `hang`.
    fn child() -> Command {
        let mut c = Command::new("sh");
        c.arg("-c").arg(
            "i=0; while read l; do case $l in crash) kill -SEGV $$;; hang) sleep 30 >/dev/null 2>&1;; esac; \
             printf '%s\\t%s\\n' $i $l; i=$((i+1)); done",
        );
        c
    }

    fn parse(line: &str) -> Option<(usize, String)> {
        let (i, v) = line.split_once('\t')?;
        Some((i.parse().ok()?, v.to_string()))
    }

    #[test]
    fn a_crash_or_a_hang_marks_one_item_and_the_rest_go_on() {
        let items: Vec<String> = ["a", "crash", "b", "hang", "c"].map(String::from).to_vec();
        let results = run_resumable(&items, Duration::from_millis(1500), child, parse, |e| {
            format!("{e:?}")
        })
        .unwrap();
        assert_eq!(results[0], "a");
        assert!(
            results[1].starts_with("Crashed(\"killed by signal"),
            "{results:?}"
        );
        assert_eq!(results[2], "b");
        assert_eq!(results[3], "TimedOut");
        assert_eq!(results[4], "c");
    }

    #[test]
    fn a_clean_run_answers_every_item() {
        let items: Vec<String> = ["x", "y"].map(String::from).to_vec();
        let results = run_resumable(&items, Duration::from_secs(10), child, parse, |_| {
            String::new()
        })
        .unwrap();
        assert_eq!(results, ["x", "y"]);
    }
}
