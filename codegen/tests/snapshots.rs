//! The generated code of every fixture, compared with the `expected.rs` beside
//! its schema; and the errors of every bad schema in `errors/`, compared with
//! the `.err` file beside it.
//!
//! After a deliberate change of the generator, update them all with
//! `UPDATE_EXPECT=1 cargo test -p xsd-codegen --test snapshots`, and review the diff.

use std::path::{Path, PathBuf};

use expect_test::expect_file;

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable directory entry").path())
        .collect();
    entries.sort();
    entries
}

/// Runs the generator on `tests/<relative>`; paths in errors are shown
/// relative to `tests/`, so that they do not depend on the machine.
fn generate(relative: &Path) -> Result<String, String> {
    let root = dir("");
    let schema = root.join(relative);
    let mut config = xsd_codegen::Config::new();
    // A fixture may ask for options, one per line, in a file `options` beside its schema.
    let options = schema.with_file_name("options");
    for option in std::fs::read_to_string(options).unwrap_or_default().lines() {
        match option.trim().split_once(' ') {
            _ if option.trim() == "open_enums" => config.open_enums(true),
            _ if option.trim().is_empty() => &mut config,
            Some(("derive", path)) => config.derive(path),
            Some(("module", mapping)) => {
                let (namespace, name) = mapping.rsplit_once('=').expect("NAMESPACE=NAME");
                config.module_name(namespace, name)
            }
            _ => panic!("unknown fixture option {option}"),
        };
    }
    config
        .generate(&[schema])
        .map_err(|e| e.to_string().replace(&root.display().to_string(), "") + "\n")
}

#[test]
fn fixtures_generate_their_expected_code() {
    let fixtures = sorted_entries(&dir("fixtures"));
    assert!(fixtures.len() >= 7, "fixtures missing: {fixtures:?}");
    for fixture in fixtures {
        let name = fixture.file_name().unwrap().to_string_lossy().to_string();
        let schema = Path::new("fixtures").join(&name).join("schema.xsd");
        let code = generate(&schema).unwrap_or_else(|e| panic!("fixture {name}:\n{e}"));
        expect_file![fixture.join("expected.rs")].assert_eq(&code);
    }
}

#[test]
fn bad_schemas_give_their_expected_errors() {
    let cases: Vec<PathBuf> = sorted_entries(&dir("errors"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "xsd"))
        .collect();
    assert!(cases.len() >= 5, "error cases missing: {cases:?}");
    for case in cases {
        let relative = Path::new("errors").join(case.file_name().unwrap());
        let errors = match generate(&relative) {
            Ok(code) => panic!(
                "{} generated code instead of failing:\n{code}",
                case.display()
            ),
            Err(errors) => errors,
        };
        expect_file![case.with_extension("err")].assert_eq(&errors);
    }
}

#[test]
fn output_is_deterministic() {
    let schema = Path::new("fixtures/names/schema.xsd");
    let first = generate(schema).unwrap();
    for _ in 0..3 {
        assert_eq!(generate(schema).unwrap(), first);
    }
}

#[test]
fn a_derive_that_is_no_path_is_a_configuration_error() {
    let schema = dir("fixtures/elements/schema.xsd");
    let errors = xsd_codegen::Config::new()
        .derive("Eq + Hash")
        .generate(&[schema])
        .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "error: invalid configuration: `Eq + Hash` is not a derive path"
    );
}

#[test]
fn a_module_name_that_is_taken_is_a_configuration_error() {
    let schema = dir("fixtures/imports/schema.xsd");
    let errors = xsd_codegen::Config::new()
        .module_name("urn:example:types", "messages")
        .generate(&[schema])
        .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "error: invalid configuration: `messages` cannot name the module of urn:example:types: not an identifier, or taken"
    );
}

#[test]
fn one_file_per_module() {
    let schema = dir("fixtures/imports/schema.xsd");
    let files = xsd_codegen::Config::new()
        .generate_files(&[schema])
        .unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["mod.rs", "messages.rs", "types.rs"]);
    let declarations: Vec<&str> = files[0]
        .1
        .lines()
        .filter(|l| l.starts_with("pub mod"))
        .collect();
    assert_eq!(declarations, ["pub mod messages;", "pub mod types;"]);
    // The enum of global elements is at the top, beside the modules.
    assert!(
        files[0].1.contains("\npub enum Document {"),
        "{}",
        files[0].1
    );
    // The modules' items are those of the one-file form.
    let whole = generate(Path::new("fixtures/imports/schema.xsd")).unwrap();
    for (name, text) in &files[1..] {
        let first_item = text.lines().find(|l| l.starts_with("pub ")).unwrap();
        assert!(whole.contains(first_item.trim()), "{name}: {first_item}");
    }
    // A module names another's namespace through its constant.
    assert!(
        files[1].1.contains("super::types::NAMESPACE"),
        "{}",
        files[1].1
    );
    // A schema of one namespace gives one file.
    let single = xsd_codegen::Config::new()
        .generate_files(&[dir("fixtures/elements/schema.xsd")])
        .unwrap();
    assert_eq!(single.len(), 1);
    assert_eq!(single[0].0, "mod.rs");
}

/// Every fixture (and the UM schema): the text formatted piece by piece
/// (`generate`, `compile`) is prettyplease's text of the whole file.
#[test]
fn formatting_piece_by_piece_gives_the_whole_files_text() {
    let mut schemas: Vec<PathBuf> = sorted_entries(&dir("fixtures"))
        .into_iter()
        .map(|f| f.join("schema.xsd"))
        .collect();
    schemas.push(dir("../../schema/Messages.xsd"));
    let out_dir = tempfile::tempdir().unwrap();
    for schema in schemas {
        let config = xsd_codegen::Config::new();
        let model = config.model(&[&schema]).unwrap();
        let whole = whole_file(&model);
        let generated = config.generate(&[&schema]).unwrap();
        assert_eq!(generated, whole, "{}", schema.display());
        let path = xsd_codegen::Config::new()
            .out_dir(out_dir.path())
            .file_name("out.rs")
            .cargo_directives(false)
            .compile(&[&schema])
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            whole,
            "{}",
            schema.display()
        );
    }
}

/// `compile` replaces its file only when the content changes, and leaves no
/// temporary file behind either way.
#[test]
fn compile_rewrites_only_what_changed() {
    let out_dir = tempfile::tempdir().unwrap();
    let compile = |fixture: &str| {
        xsd_codegen::Config::new()
            .out_dir(out_dir.path())
            .file_name("out.rs")
            .cargo_directives(false)
            .compile(&[dir("fixtures").join(fixture).join("schema.xsd")])
            .unwrap()
    };
    let files = || -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(out_dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let path = compile("elements");
    let first = std::fs::read_to_string(&path).unwrap();
    // Mark the file: a rewrite would remove the mark.
    let marked = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(marked)
        .unwrap();
    compile("elements");
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        marked
    );
    assert_eq!(files(), ["out.rs"]);
    compile("enums");
    assert_ne!(std::fs::read_to_string(&path).unwrap(), first);
    assert_ne!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        marked
    );
    assert_eq!(files(), ["out.rs"]);
    // A file of the same length but other bytes is replaced too.
    std::fs::write(&path, "x".repeat(first.len())).unwrap();
    compile("elements");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
}

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn compile_into(dir: &Path, file: &str, fixture: &str) -> Result<PathBuf, xsd_codegen::Errors> {
    xsd_codegen::Config::new()
        .out_dir(dir)
        .file_name(file)
        .cargo_directives(false)
        .compile(&[self::dir("fixtures").join(fixture).join("schema.xsd")])
}

/// Runs writing the same file at once all succeed, and leave it whole.
#[test]
fn compiles_of_the_same_file_at_once_do_not_collide() {
    let out_dir = tempfile::tempdir().unwrap();
    let expected = generate(Path::new("fixtures/choice/schema.xsd")).unwrap();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..10 {
                    compile_into(out_dir.path(), "out.rs", "choice").unwrap();
                }
            });
        }
    });
    let written = std::fs::read_to_string(out_dir.path().join("out.rs")).unwrap();
    assert_eq!(written, expected);
    assert_eq!(names_in(out_dir.path()), ["out.rs"]);
}

/// A compile that fails to write leaves no temporary file.
#[test]
fn a_failed_compile_leaves_nothing_behind() {
    let out_dir = tempfile::tempdir().unwrap();
    // The file to write is a directory: the rename over it fails.
    std::fs::create_dir(out_dir.path().join("out.rs")).unwrap();
    let errors = compile_into(out_dir.path(), "out.rs", "elements").unwrap_err();
    assert!(errors.to_string().contains("out.rs"), "{errors}");
    assert_eq!(names_in(out_dir.path()), ["out.rs"]);
}

/// Replacing a file keeps its permissions, and a symbolic link stays one,
/// to the file it names, which is replaced.
#[cfg(unix)]
#[test]
fn compile_keeps_permissions_and_links() {
    use std::os::unix::fs::PermissionsExt;
    let out_dir = tempfile::tempdir().unwrap();
    let path = compile_into(out_dir.path(), "out.rs", "elements").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    compile_into(out_dir.path(), "out.rs", "enums").unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        generate(Path::new("fixtures/enums/schema.xsd")).unwrap()
    );

    std::os::unix::fs::symlink("out.rs", out_dir.path().join("link.rs")).unwrap();
    compile_into(out_dir.path(), "link.rs", "choice").unwrap();
    let link = out_dir.path().join("link.rs");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        generate(Path::new("fixtures/choice/schema.xsd")).unwrap()
    );
    assert_eq!(names_in(out_dir.path()), ["link.rs", "out.rs"]);
}

/// A carriage return in a doc comment (here, an element's default value)
/// is kept as the whole file's formatting keeps it.
#[test]
fn a_carriage_return_in_a_doc_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("cr.xsd");
    std::fs::write(
        &schema,
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:cr" elementFormDefault="qualified">
  <xs:element name="Note">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="Text" type="xs:string" minOccurs="0" default="a&#13;&#10;b"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>"#,
    )
    .unwrap();
    let config = xsd_codegen::Config::new();
    let model = config.model(&[&schema]).unwrap();
    let whole = whole_file(&model);
    assert!(whole.contains('\r'), "the default's CR is in a doc comment");
    assert_eq!(config.generate(&[&schema]).unwrap(), whole);
}

/// The text prettyplease makes of `model`'s code formatted as one file (the
/// pieces nested into one token stream), to compare with the formatter's,
/// which formats it item by item.
fn whole_file(model: &xsd_codegen::ir::Model) -> String {
    use xsd_codegen::emit::{self, Piece};
    // The tokens of each open module (the file's first), with its name and doc.
    let mut stack: Vec<(Option<(String, String)>, proc_macro2::TokenStream)> =
        vec![(None, proc_macro2::TokenStream::new())];
    emit::emit(model, &emit::Options::default(), |piece| {
        match piece {
            Piece::Open { name, doc } => stack.push((Some((name, doc)), Default::default())),
            Piece::Items(tokens) => stack.last_mut().unwrap().1.extend(tokens),
            Piece::Close => {
                let (open, body) = stack.pop().unwrap();
                let (name, doc) = open.unwrap();
                let name = xsd_codegen::ident::to_ident(&name);
                stack.last_mut().unwrap().1.extend(quote::quote! {
                    #[doc = #doc]
                    pub mod #name { #body }
                });
            }
        }
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap();
    xsd_codegen::format::format(stack.pop().unwrap().1, &model.sources).unwrap()
}
