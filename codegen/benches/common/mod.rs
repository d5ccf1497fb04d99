//! What the generator benches share: the schema sets they generate.

use std::path::{Path, PathBuf};

use xsd_codegen::Config;

/// A schema set to generate, with the configuration it is generated with.
pub struct Case {
    /// `um` or `ews`: the group names end with it.
    pub name: &'static str,
    /// The root schema file (the others are found through its imports).
    pub root: PathBuf,
    /// As the project generates it: UM as build.rs does, EWS with open
    /// enumerations as `codegen/tests/ews.rs` does.
    pub config: Config,
}

impl Case {
    /// Every file of the schema set (the root and what it imports), as
    /// `xsd::load` finds them.
    pub fn files(&self) -> Vec<PathBuf> {
        let schemas = xsd_codegen::xsd::load(&[&self.root]).expect("the schema loads");
        schemas.iter().map(|s| s.file.to_path_buf()).collect()
    }
}

/// The UM schema (`schema/Messages.xsd`), and the EWS schema
/// (`$EWS_SCHEMA_DIR/messages.xsd`, by default `../shared/ews/2023` beside
/// the checkout) when it is there; when it is not, says why on stderr.
pub fn cases() -> Vec<Case> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut cases = vec![Case {
        name: "um",
        root: repo.join("schema/Messages.xsd"),
        config: Config::new(),
    }];
    let ews_dir = std::env::var_os("EWS_SCHEMA_DIR")
        .map_or_else(|| repo.join("../shared/ews/2023"), PathBuf::from);
    let root = ews_dir.join("messages.xsd");
    if root.is_file() {
        let mut config = Config::new();
        config.open_enums(true);
        cases.push(Case {
            name: "ews",
            root,
            config,
        });
    } else {
        eprintln!(
            "*** SKIPPED the EWS benches: {} not found; set EWS_SCHEMA_DIR to the directory of the EWS schema ***",
            root.display()
        );
    }
    cases
}
