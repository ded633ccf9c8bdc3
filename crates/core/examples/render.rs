//! Renders a JSON report in a template: `cargo run --example render FILE ID [blank]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("read");
    let r = hindsight_core::from_json(&text).expect("json");
    let o = hindsight_core::MarkdownOptions {
        template: Some(args[2].clone()),
        front_matter: false,
        placeholders: args.len() > 3,
    };
    print!("{}", hindsight_core::to_markdown(&r, &o));
}
