//! The `hindsight` command: create blank post-mortems from the five templates, import
//! and convert reports between Markdown layouts and JSON, lint post-mortems in a docs
//! repo's CI, and print the JSON Schema. A thin shell over `hindsight-core`: arguments
//! in, core calls, text out.

mod input;
mod lint;
mod sarif;

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
    long_about = "Hindsight works with post-mortems in five template layouts (000-004):\n  000  Numbered post-mortem (SEV1-4)\n  001  Detailed post-mortem with checklists (SEV1-4)\n  002  Post-mortem with action item details (SEV1-4)\n  003  Compact incident report (P0-P2)\n  004  Root cause analysis report (P1-P4)\n\nExamples:\n  hindsight new --template 003 > postmortem.md\n  hindsight convert report.json --to md --template 004 --front-matter\n  hindsight import old-postmortem.md > report.json\n  hindsight lint docs/postmortems/*.md --format sarif > hindsight.sarif\n  hindsight schema > report.schema.json"
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
    /// Convert a report (Markdown in any layout, or Hindsight JSON) to Markdown in any
    /// template, or to JSON.
    Convert {
        /// Input file (.md or .json), or - for standard input.
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
    /// Import a Markdown post-mortem: print the report as JSON on standard output and
    /// what could not be mapped (kept as extra sections) on standard error.
    Import {
        /// Markdown file, or - for standard input.
        input: PathBuf,
    },
    /// Check post-mortems against the rules (docs/rules.md). Exits 1 when any finding is
    /// an error.
    Lint {
        /// Markdown or JSON files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: LintFormat,
        /// A policy file (JSON) overriding the default rules, levels and required sections.
        #[arg(long)]
        policy: Option<PathBuf>,
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

#[derive(Clone, Copy, ValueEnum)]
enum LintFormat {
    Text,
    Json,
    Sarif,
}

/// What went wrong, in words for the person at the terminal.
#[derive(Debug)]
struct Failure(String);

/// Exit code when `lint` found error-level findings.
const EXIT_FINDINGS: u8 = 1;
/// Exit code when the command itself failed (unreadable file, bad arguments).
const EXIT_FAILURE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(Failure(msg)) => {
            eprintln!("hindsight: {msg}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn run(cli: Cli) -> Result<u8, Failure> {
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
            write_out(None, &md).map(|()| 0)
        }
        Command::Convert {
            input,
            to,
            template,
            front_matter,
            output,
        } => {
            let text = read_in(&input)?;
            let mut report = match input::read_report(&text)
                .map_err(|e| Failure(format!("{}: {e}", input.display())))?
            {
                input::Parsed::Json(r) => r,
                input::Parsed::Markdown(imported) => imported.report,
            };
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
            write_out(output.as_deref(), &out).map(|()| 0)
        }
        Command::Import { input } => {
            let text = read_in(&input)?;
            let imported = hindsight_core::import::parse_markdown(&text);
            let name = input.display();
            match &imported.template {
                Some(t) => eprintln!("{name}: read as template {t}"),
                None => eprintln!("{name}: layout not recognised as one of the five templates; fields were mapped by heading"),
            }
            for u in &imported.unmapped {
                let at = u.line.map(|l| format!(":{l}")).unwrap_or_default();
                eprintln!(
                    "{name}{at}: unmapped \"{}\", kept at {}",
                    u.title, u.kept_at
                );
            }
            for w in &imported.warnings {
                let at = w.line.map(|l| format!(":{l}")).unwrap_or_default();
                eprintln!("{name}{at}: warning: {}", w.message);
            }
            write_out(None, &hindsight_core::to_json(&imported.report)).map(|()| 0)
        }
        Command::Lint {
            files,
            format,
            policy,
        } => {
            let policy = match policy {
                Some(p) => {
                    let text = read_in(&p)?;
                    hindsight_core::policy::Policy::from_json(&text)
                        .map_err(|e| Failure(format!("{}: {e}", p.display())))?
                }
                None => hindsight_core::policy::Policy::default(),
            };
            let results = lint::lint_files(&files, &policy, read_in, |f, e| {
                Failure(format!("{}: {e}", f.display()))
            })?;
            let out = match format {
                LintFormat::Text => lint::text(&results),
                LintFormat::Json => lint::json(&results),
                LintFormat::Sarif => sarif::sarif(&results),
            };
            write_out(None, &out)?;
            Ok(if results.iter().any(lint::FileResult::has_errors) {
                EXIT_FINDINGS
            } else {
                0
            })
        }
        Command::Schema => write_out(None, &hindsight_core::json_schema()).map(|()| 0),
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
            write_out(None, &s).map(|()| 0)
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
