//! Whether the documents written back are valid against their schema,
//! checked by an independent validator: the Python package `xmlschema`
//! (the one xsdata's own conformance runs use), in a virtual environment
//! under the work directory, installed from PyPI on first use.
//!
//! Each written document is checked beside its original: a written
//! document counts against us only when the validator accepts the
//! original (it has bugs and gaps of its own, XSD 1.1 assertions among
//! them).

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};

use crate::report::{self, Record};

/// The validator's version: pinned, so that runs compare.
pub const XMLSCHEMA: &str = "xmlschema==4.3.2";

/// The script the validator runs: reads JSON lines `{id, schema, document,
/// version}` on standard input, prints `{id, valid, error}` lines.
const SCRIPT: &str = r#"
import json, sys
from concurrent.futures import ProcessPoolExecutor
import xmlschema

schemas = {}

def check(job):
    key = (job["schema"], job["version"])
    try:
        schema = schemas.get(key)
        if schema is None:
            cls = xmlschema.XMLSchema10 if job["version"] == "1.0" else xmlschema.XMLSchema11
            schema = cls(job["schema"])
            schemas[key] = schema
    except Exception as e:
        return {"id": job["id"], "valid": False, "error": "schema: " + str(e).splitlines()[0][:300]}
    try:
        error = next(iter(schema.iter_errors(job["document"])), None)
    except Exception as e:
        return {"id": job["id"], "valid": False, "error": "document: " + str(e).splitlines()[0][:300]}
    if error is None:
        return {"id": job["id"], "valid": True, "error": ""}
    reason = (error.reason or str(error)).splitlines()[0][:300]
    return {"id": job["id"], "valid": False, "error": f"{reason} (at {error.path})"}

jobs = [json.loads(line) for line in sys.stdin if line.strip()]
jobs.sort(key=lambda j: (j["schema"], j["version"]))
with ProcessPoolExecutor(max_workers=int(sys.argv[1])) as pool:
    for result in pool.map(check, jobs, chunksize=16):
        print(json.dumps(result), flush=True)
"#;

/// One document to check.
#[derive(Serialize)]
struct Job<'a> {
    id: String,
    schema: &'a str,
    document: &'a str,
    version: &'a str,
}

/// What the validator said of one document.
#[derive(Deserialize)]
struct Answer {
    id: String,
    valid: bool,
    error: String,
}

/// The verdict on one case's written document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validity {
    /// The case.
    pub id: usize,
    /// Its test set.
    pub set: String,
    /// Whether the validator accepts the original instance.
    pub original: bool,
    /// Whether it accepts the written document.
    pub written: bool,
    /// Why it refuses the written one (or the original, when it does).
    pub error: String,
}

/// The virtual environment's Python, made (with [`XMLSCHEMA`] installed)
/// if it is not there.
pub fn python(work: &Path) -> Result<PathBuf, String> {
    let venv = work.join("venv");
    let python = venv.join("bin/python");
    let ready = venv.join(".xmlschema");
    if python.exists() && std::fs::read_to_string(&ready).is_ok_and(|v| v == XMLSCHEMA) {
        return Ok(python);
    }
    let run = |command: &mut Command, what: &str| -> Result<(), String> {
        let status = command
            .status()
            .map_err(|e| format!("{what}: {e} (is python3 installed?)"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("{what} failed ({status})"))
        }
    };
    eprintln!("validity: installing {XMLSCHEMA} in {}", venv.display());
    run(
        Command::new("python3").args(["-m", "venv"]).arg(&venv),
        "python3 -m venv",
    )?;
    run(
        Command::new(&python).args(["-m", "pip", "install", "--quiet", XMLSCHEMA]),
        "pip install",
    )?;
    std::fs::write(&ready, XMLSCHEMA).map_err(|e| e.to_string())?;
    Ok(python)
}

/// Checks the written documents in `written` (`<case>.xml`) of `records`
/// and their originals (`suite`-relative paths), `jobs` at a time.
pub fn check(
    python: &Path,
    suite: &Path,
    written: &Path,
    records: &[Record],
    jobs: usize,
) -> Result<Vec<Validity>, String> {
    let mut documents = Vec::new();
    for r in records {
        let out = written.join(format!("{}.xml", r.id));
        if out.is_file() {
            let schema = suite.join(&r.schema).display().to_string();
            let original = suite.join(&r.instance).display().to_string();
            documents.push((r, schema, original, out.display().to_string()));
        }
    }
    let version = |r: &Record| if r.version == "1.0" { "1.0" } else { "1.1" };
    let mut input = String::new();
    for (r, schema, original, out) in &documents {
        for (kind, document) in [("o", original), ("w", out)] {
            let job = Job {
                id: format!("{kind}{}", r.id),
                schema,
                document,
                version: version(r),
            };
            input.push_str(&serde_json::to_string(&job).map_err(|e| e.to_string())?);
            input.push('\n');
        }
    }
    let script = written.with_file_name("validate.py");
    std::fs::write(&script, SCRIPT).map_err(|e| e.to_string())?;
    let mut child = Command::new(python)
        .arg(&script)
        .arg(jobs.max(1).to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", python.display()))?;
    let mut stdin = child.stdin.take().expect("piped");
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    feeder
        .join()
        .expect("the feeding thread")
        .map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(format!("the validator failed ({})", output.status));
    }
    let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let answer: Answer = serde_json::from_str(line).map_err(|e| format!("{e}: {line}"))?;
        answers.insert(answer.id.clone(), answer);
    }
    Ok(documents
        .iter()
        .filter_map(|(r, ..)| {
            let original = answers.get(&format!("o{}", r.id))?;
            let written = answers.get(&format!("w{}", r.id))?;
            Some(Validity {
                id: r.id,
                set: r.set.clone(),
                original: original.valid,
                written: written.valid,
                error: if original.valid {
                    written.error.clone()
                } else {
                    format!("the original too: {}", original.error)
                },
            })
        })
        .collect())
}

/// The table: per set, the written documents checked, those whose
/// original the validator accepts, and of those, the valid ones; then the
/// reasons the invalid ones are refused.
pub fn render(verdicts: &[Validity], top: usize) -> String {
    let mut sets: Vec<&str> = Vec::new();
    for v in verdicts {
        if !sets.contains(&v.set.as_str()) {
            sets.push(&v.set);
        }
    }
    let mut cells = vec![
        ["set", "written", "original valid", "written valid"]
            .map(String::from)
            .to_vec(),
    ];
    let row = |name: &str, of: Vec<&Validity>| {
        let accepted: Vec<&&Validity> = of.iter().filter(|v| v.original).collect();
        let valid = accepted.iter().filter(|v| v.written).count();
        vec![
            name.to_string(),
            of.len().to_string(),
            accepted.len().to_string(),
            report::percent(valid, accepted.len()),
        ]
    };
    for set in &sets {
        cells.push(row(
            set,
            verdicts.iter().filter(|v| v.set == *set).collect(),
        ));
    }
    cells.push(row("total", verdicts.iter().collect()));
    let mut out = format!(
        "Written documents valid against their schema ({XMLSCHEMA}, where it accepts the original)\n\n"
    );
    out.push_str(&report::markdown(&cells));
    let mut reasons: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, v) in verdicts.iter().enumerate() {
        if v.original && !v.written {
            let reason = crate::causes::normalize(&v.error);
            reasons.entry(reason).or_insert((0, i)).0 += 1;
        }
    }
    let mut reasons: Vec<(String, (usize, usize))> = reasons.into_iter().collect();
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1.0));
    if !reasons.is_empty() {
        out.push_str("\nwritten documents refused:\n");
        for (reason, (count, example)) in reasons.iter().take(top) {
            out.push_str(&format!(
                "  {count:>5}  {reason}\n         e.g. case {}: {}\n",
                verdicts[*example].id, verdicts[*example].error
            ));
        }
    }
    out
}

/// Writes the verdicts as JSON lines.
pub fn write(path: &Path, verdicts: &[Validity]) -> std::io::Result<()> {
    let mut text = String::new();
    for v in verdicts {
        text.push_str(&serde_json::to_string(v).expect("a verdict serializes"));
        text.push('\n');
    }
    std::fs::write(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(id: usize, set: &str, original: bool, written: bool, error: &str) -> Validity {
        Validity {
            id,
            set: set.into(),
            original,
            written,
            error: error.into(),
        }
    }

    #[test]
    fn written_documents_count_only_where_the_original_is_valid() {
        let verdicts = [
            verdict(1, "nist", true, true, ""),
            verdict(2, "nist", true, false, "value '1' is not a boolean (at /a)"),
            verdict(3, "ms", false, false, "the original too: x"),
            verdict(4, "ms", true, true, ""),
        ];
        let text = render(&verdicts, 5);
        assert!(
            text.contains("| nist  |       2 |              2 |     1 (50.0%) |"),
            "{text}"
        );
        assert!(
            text.contains("| ms    |       2 |              1 |    1 (100.0%) |"),
            "{text}"
        );
        assert!(
            text.contains("| total |       4 |              3 |     2 (66.7%) |"),
            "{text}"
        );
        assert!(
            text.contains("written documents refused:\n      1  "),
            "{text}"
        );
        assert!(!text.contains("the original too"), "{text}");
    }
}
