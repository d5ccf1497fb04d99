//! Generates the UM bindings from `schema/Messages.xsd` into `$OUT_DIR/messages.rs`.
//! A schema error fails the build with the generator's `file:line:col: message`.

fn main() {
    // The requests are built by struct literals (`SetOofStatus { status: true }`),
    // and Exchange writes its booleans as `true` and `false`: no record of
    // other lexical forms is kept (`Config::lexical_forms`).
    let result = xsd_codegen::Config::new()
        .lexical_forms(false)
        .compile(&["schema/Messages.xsd"]);
    if let Err(errors) = result {
        eprintln!("{errors}");
        std::process::exit(1);
    }
}
