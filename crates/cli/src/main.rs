//! The `hindsight` command: create blank post-mortems from the five templates, convert
//! reports between JSON and Markdown layouts, and print the JSON Schema. A thin shell
//! over `hindsight-core`: arguments in, core calls, text out.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use hindsight_core::{templates, Report};

#[derive(Parser)]
#[command(
    name = "hindsight",
    version,
    about = "Write, convert and check incident post-mortems",
    long_about = "Hindsight works with post-mortems in five template layouts (000-004):\n  000  Numbered post-mortem (SEV1-4)\n  001  Detailed post-mortem with checklists (SEV1-4)\n  002  Post-mortem with action item details (SEV1-4)\n  003  Compact incident report (P0-P2)\n  004  Root cause analysis report (P1-P4)\n\nExamples:\n  hindsight new --template 003 > postmortem.md\n  hindsight convert report.json --to md --template 004 --front-matter\n  hindsight schema > report.schema.json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a blank post-mortem in a template, with the template's placeholders to fill in.
    New {
        /// Template id: 000, 001, 002, 003 or 004.
        #[arg(short, long, default_value = "000")]
        template: String,
        /// Start with YAML front matter (for MkDocs, Hugo, Jekyll docs repos).
        #[arg(long)]
        front_matter: bool,
    },
    /// Convert a report (Hindsight JSON) to Markdown in any template, or to JSON.
    Convert {
        /// Input file, or - for standard input.
        input: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        to: Format,
        /// Template to write in (default: the report's own).
        #[arg(short, long)]
        template: Option<String>,
        /// Add YAML front matter to Markdown output.
        #[arg(long)]
        front_matter: bool,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of Hindsight's report format.
    Schema,
    /// List the templates and their sections.
    Templates,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Md,
    Json,
}

/// What went wrong, in words for the person at the terminal.
#[derive(Debug)]
struct Failure(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            eprintln!("hindsight: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::New {
            template,
            front_matter,
        } => {
            let t = template_arg(&template)?;
            let md = hindsight_core::to_markdown(
                &Report::new(t.id),
                &hindsight_core::MarkdownOptions {
                    template: Some(t.id.to_string()),
                    front_matter,
                    placeholders: true,
                },
            );
            write_out(None, &md)
        }
        Command::Convert {
            input,
            to,
            template,
            front_matter,
            output,
        } => {
            let text = read_in(&input)?;
            let mut report = read_report(&input, &text)?;
            if let Some(id) = &template {
                let t = template_arg(id)?;
                templates::switch_template(&mut report, t.id);
            }
            let out = match to {
                Format::Json => hindsight_core::to_json(&report),
                Format::Md => hindsight_core::to_markdown(
                    &report,
                    &hindsight_core::MarkdownOptions {
                        template: None,
                        front_matter,
                        placeholders: false,
                    },
                ),
            };
            write_out(output.as_deref(), &out)
        }
        Command::Schema => write_out(None, &hindsight_core::json_schema()),
        Command::Templates => {
            let mut s = String::new();
            for t in templates::all() {
                s.push_str(&format!("{}  {}\n     {}\n", t.id, t.name, t.description));
                for (level, heading) in t.sections() {
                    let indent = "  ".repeat(usize::from(level.saturating_sub(1)));
                    s.push_str(&format!("     {indent}{heading}\n"));
                }
                s.push('\n');
            }
            write_out(None, &s)
        }
    }
}

fn template_arg(id: &str) -> Result<&'static templates::Template, Failure> {
    templates::by_id(id).ok_or_else(|| {
        let ids: Vec<&str> = templates::all().iter().map(|t| t.id).collect();
        Failure(format!(
            "unknown template `{id}`; choose one of {} (see `hindsight templates`)",
            ids.join(", ")
        ))
    })
}

fn read_in(path: &Path) -> Result<String, Failure> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?
    };
    String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Reads a report from JSON.
fn read_report(path: &Path, text: &str) -> Result<Report, Failure> {
    hindsight_core::from_json(text).map_err(|e| Failure(format!("{}: {e}", path.display())))
}

fn write_out(path: Option<&Path>, text: &str) -> Result<(), Failure> {
    match path {
        Some(p) => std::fs::write(p, text)
            .map_err(|e| Failure(format!("cannot write {}: {e}", p.display()))),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .or_else(|e| {
                    // A closed pipe (`| head`) is not an error worth reporting.
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .map_err(|e| Failure(format!("cannot write output: {e}")))
        }
    }
}
