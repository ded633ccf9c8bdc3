//! The `hindsight` command: create blank post-mortems from the five templates, import
//! and convert reports between Markdown layouts and JSON, lint post-mortems in a docs
//! repo's CI, and print the JSON Schema. A thin shell over `hindsight-core`: arguments
//! in, core calls, text out.

mod actions;
mod chart;
mod input;
mod lint;
mod repo_config;
mod sarif;
mod share;
mod timeline;

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
    long_about = "Hindsight works with post-mortems in five template layouts (000-004):\n  000  Numbered post-mortem (SEV1-4)\n  001  Detailed post-mortem with checklists (SEV1-4)\n  002  Post-mortem with action item details (SEV1-4)\n  003  Compact incident report (P0-P2)\n  004  Root cause analysis report (P1-P4)\n\nExamples:\n  hindsight new --template 003 > postmortem.md\n  hindsight convert report.json --to md --template 004 --front-matter\n  hindsight import old-postmortem.md > report.json\n  hindsight lint docs/postmortems/*.md --format sarif > hindsight.sarif\n  hindsight timeline slack-export.zip pagerduty.json --into postmortem.md\n  hindsight schema > report.schema.json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a blank post-mortem in a template, with the template's placeholders to fill in.
    New {
        /// Template id: 000, 001, 002, 003 or 004 (default: `template` in the repo's
        /// .hindsight.json, else 000).
        #[arg(short, long)]
        template: Option<String>,
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
        /// Template to write in (default: the report's own), or `own`: a document that
        /// follows no template, in its own sections and headings.
        #[arg(short, long)]
        template: Option<String>,
        /// Add YAML front matter to Markdown output.
        #[arg(long)]
        front_matter: bool,
        /// Add the timeline as a Mermaid block after the timeline table (default:
        /// `mermaid` in the repo's .hindsight.json, else off).
        #[arg(long, overrides_with = "no_mermaid")]
        mermaid: bool,
        /// Leave the Mermaid block out even when .hindsight.json turns it on.
        #[arg(long)]
        no_mermaid: bool,
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
        /// Markdown or JSON files (default: the .md files of `folder` in the repo's
        /// .hindsight.json).
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: LintFormat,
        /// A policy file (JSON) overriding the default rules, levels and required sections
        /// (default: `policy` in the repo's .hindsight.json).
        #[arg(long)]
        policy: Option<PathBuf>,
    },
    /// Draw the timeline as an SVG chart: events on a time axis coloured by kind, the
    /// impact window, time to detect/acknowledge/mitigate/resolve, day boundaries.
    Chart {
        /// Report file (.md or .json), or - for standard input.
        input: PathBuf,
        /// Write here instead of standard output (e.g. timeline.svg).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Export the action items for a tracker: Jira CSV, GitHub new-issue links, a
    /// Markdown task list, or CSV.
    Actions {
        /// Report file (.md or .json), or - for standard input.
        input: PathBuf,
        /// Output form.
        #[arg(long, value_enum)]
        to: actions::To,
        /// URL of the post-mortem, linked from every item.
        #[arg(long)]
        link: Option<String>,
        /// GitHub repository for --to github: owner/name or its URL.
        #[arg(long)]
        repo: Option<String>,
        /// A label for every item (repeatable), beside `postmortem` and the category.
        #[arg(long = "label")]
        labels: Vec<String>,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print a share link: the whole report in the URL fragment (#r=…), read-only in the
    /// app, never sent to a server.
    Share {
        /// Report file (.md or .json), or - for standard input.
        input: PathBuf,
        /// The hosted page the link opens (e.g. https://example.org/hindsight/); without
        /// it only the fragment is printed.
        #[arg(long)]
        base: Option<String>,
    },
    /// Read timeline events from what the incident left behind (a Slack export .zip or
    /// day file, text copied from Slack, PagerDuty log entries, Opsgenie alert logs or
    /// incident timeline, a Statuspage incident, Grafana annotations, CSV/TSV, plain
    /// lines) and print them, or merge them into a post-mortem with --into.
    Timeline {
        /// Export files, or - for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// What the files are; auto tells them apart by content.
        #[arg(long, value_enum, default_value = "auto")]
        from: timeline::From,
        /// Zone of times written without one, and of the times printed (default UTC, or
        /// the report's zone with --into).
        #[arg(long)]
        zone: Option<String>,
        /// Output: json (the rows) or md (a table); with --into, the report as Markdown
        /// (default) or JSON.
        #[arg(long, value_enum)]
        format: Option<timeline::RowsFormat>,
        /// Merge the pre-ticked rows into this post-mortem (Markdown or JSON) and print it
        /// in its own template.
        #[arg(long, value_name = "REPORT")]
        into: Option<PathBuf>,
        /// The channel to read from a Slack export .zip.
        #[arg(long)]
        channel: Option<String>,
        /// Date of clock-only times (copied Slack text without day dividers, plain lines).
        #[arg(long)]
        date: Option<String>,
        /// With --into, merge every row that is not a duplicate, not only the pre-ticked.
        #[arg(long)]
        all: bool,
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
            let template = match template {
                Some(t) => t,
                None => repo_config::current()?
                    .and_then(|f| f.config.template)
                    .unwrap_or_else(|| "000".to_string()),
            };
            let t = template_arg(&template)?;
            let md = hindsight_core::to_markdown(
                &Report::new(t.id),
                &hindsight_core::MarkdownOptions {
                    template: Some(t.id.to_string()),
                    front_matter,
                    placeholders: true,
                    mermaid: false,
                },
            );
            write_out(None, &md).map(|()| 0)
        }
        Command::Convert {
            input,
            to,
            template,
            front_matter,
            mermaid,
            no_mermaid,
            output,
        } => {
            let text = read_in(&input)?;
            let mut report = match input::read_report(&text)
                .map_err(|e| Failure(format!("{}: {e}", input.display())))?
            {
                input::Parsed::Json(r) => r,
                input::Parsed::Markdown(imported) => imported.report,
            };
            let own = template.as_deref() == Some(templates::OWN_LAYOUT);
            if own && report.layout.is_none() {
                eprintln!(
                    "{}: follows a template, so it has no layout of its own; written in template {}",
                    input.display(),
                    report.template
                );
            }
            if let Some(id) = template.as_ref().filter(|_| !own) {
                let t = template_arg(id)?;
                templates::switch_template(&mut report, t.id);
            }
            let out = match to {
                Format::Json => hindsight_core::to_json(&report),
                Format::Md => hindsight_core::to_markdown(
                    &report,
                    &hindsight_core::MarkdownOptions {
                        template: own.then(|| templates::OWN_LAYOUT.to_string()),
                        front_matter,
                        placeholders: false,
                        mermaid: match (mermaid, no_mermaid) {
                            (true, _) => true,
                            (_, true) => false,
                            _ => repo_config::current()?
                                .and_then(|f| f.config.mermaid)
                                .unwrap_or(false),
                        },
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
            let found = repo_config::current()?;
            let policy = match (policy, &found) {
                (Some(p), _) => {
                    let text = read_in(&p)?;
                    hindsight_core::policy::Policy::from_json(&text)
                        .map_err(|e| Failure(format!("{}: {e}", p.display())))?
                }
                (None, Some(f)) => f.policy()?.unwrap_or_default(),
                (None, None) => hindsight_core::policy::Policy::default(),
            };
            let files = match (files.is_empty(), &found) {
                (false, _) => files,
                (true, Some(f)) => f.folder_files()?.ok_or_else(no_files)?,
                (true, None) => return Err(no_files()),
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
        Command::Chart { input, output } => chart::run(&input, output.as_deref()),
        Command::Actions {
            input,
            to,
            link,
            repo,
            labels,
            output,
        } => actions::run(
            &input,
            to,
            hindsight_core::actions::ActionsOptions { link, repo, labels },
            output.as_deref(),
        ),
        Command::Share { input, base } => share::run(&input, base.as_deref()),
        Command::Timeline {
            files,
            from,
            zone,
            format,
            into,
            channel,
            date,
            all,
        } => {
            let out = timeline::run(timeline::Request {
                files,
                from,
                zone,
                format,
                into,
                channel,
                date,
                all,
            })?;
            write_out(None, &out).map(|()| 0)
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

fn no_files() -> Failure {
    Failure(
        "no files to lint: name them, or set `folder` in the repo's .hindsight.json".to_string(),
    )
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

/// Reads a report from a file (or `-`): Hindsight JSON, or Markdown in any layout.
fn read_report_file(path: &Path) -> Result<Report, Failure> {
    let text = read_in(path)?;
    match input::read_report(&text).map_err(|e| Failure(format!("{}: {e}", path.display())))? {
        input::Parsed::Json(r) => Ok(r),
        input::Parsed::Markdown(imported) => Ok(imported.report),
    }
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
