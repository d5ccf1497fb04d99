//! Generates the UM bindings from `schema/Messages.xsd` into `$OUT_DIR/messages.rs`.
//! A schema error fails the build with the generator's `file:line:col: message`.

fn main() {
    if let Err(errors) = xsd_codegen::Config::new().compile(&["schema/Messages.xsd"]) {
        eprintln!("{errors}");
        std::process::exit(1);
    }
}
