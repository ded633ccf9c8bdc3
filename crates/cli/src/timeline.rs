//! `hindsight timeline`: reads incident exports (Slack, PagerDuty, Opsgenie, Statuspage,
//! Grafana, CSV/TSV, plain lines) into timeline rows and prints them as JSON or a
//! Markdown table, or merges the pre-ticked rows into an existing post-mortem and prints
//! it in its own template. Parsing, detection and merging are the core's; this file only
//! turns arguments into options and results into text.

use std::path::{Path, PathBuf};

use chrono::{FixedOffset, SecondsFormat};
use clap::ValueEnum;
use hindsight_core::sources::{
    self, candidates, mark_repeats, merge, metric_origins, Candidate, Options, Parsed, Source,
};
use hindsight_core::time::{format_duration, parse_date, parse_zone, utc};
use hindsight_core::{metrics, MarkdownOptions, Report};
use serde_json::{json, Value};

use crate::{input, Failure};

/// `--from`.
#[derive(Clone, Copy, ValueEnum)]
pub enum From {
    Auto,
    Slack,
    Pagerduty,
    Opsgenie,
    Statuspage,
    Grafana,
    Csv,
    Text,
}

impl From {
    fn source(self) -> Option<Source> {
        match self {
            From::Auto => None,
            From::Slack => Some(Source::Slack),
            From::Pagerduty => Some(Source::PagerDuty),
            From::Opsgenie => Some(Source::Opsgenie),
            From::Statuspage => Some(Source::Statuspage),
            From::Grafana => Some(Source::Grafana),
            From::Csv => Some(Source::Csv),
            From::Text => Some(Source::Text),
        }
    }
}

/// `--format`.
#[derive(Clone, Copy, ValueEnum)]
pub enum RowsFormat {
    Json,
    Md,
}

/// What the user asked for, read and checked.
pub struct Request {
    pub files: Vec<PathBuf>,
    pub from: From,
    pub zone: Option<String>,
    pub format: Option<RowsFormat>,
    pub into: Option<PathBuf>,
    pub channel: Option<String>,
    pub date: Option<String>,
    pub all: bool,
}

/// One file read.
struct Read {
    name: String,
    parsed: Parsed,
}

pub fn run(req: Request) -> Result<String, Failure> {
    let zone = match &req.zone {
        Some(z) => Some(parse_zone(z).ok_or_else(|| {
            Failure(format!(
                "unknown zone `{z}`; write UTC, CET, PST, UTC+2, +05:30 or -0800"
            ))
        })?),
        None => None,
    };
    let date = match &req.date {
        Some(d) => Some(
            parse_date(d)
                .ok_or_else(|| Failure(format!("`{d}` is not a date; write YYYY-MM-DD")))?,
        ),
        None => None,
    };
    let options = Options {
        from: req.from.source(),
        zone,
        date,
        channel: req.channel.clone(),
    };
    let report = match &req.into {
        Some(path) => Some(read_report(path)?),
        None => None,
    };
    let mut reads = Vec::new();
    for file in &req.files {
        let bytes = read_bytes(file)?;
        let name = file.display().to_string();
        let parsed = match &report {
            Some((r, _)) => candidates(r, &bytes, &options),
            None => sources::parse(&bytes, &options),
        }
        .map_err(|e| Failure(format!("{name}: {e}")))?;
        eprintln!(
            "{name}: read as {}: {} rows, {} pre-ticked, {} skipped",
            parsed.format.name(),
            parsed.rows.len(),
            parsed.rows.iter().filter(|r| r.suggested).count(),
            parsed.skipped.len()
        );
        reads.push(Read { name, parsed });
    }
    let several = reads.len() > 1;
    let warnings: Vec<String> = reads
        .iter()
        .flat_map(|r| {
            let prefix = if several {
                format!("{}: ", r.name)
            } else {
                String::new()
            };
            r.parsed
                .warnings
                .iter()
                .cloned()
                .chain(r.parsed.skipped_summary())
                .map(move |w| format!("{prefix}{w}"))
        })
        .collect();
    let skipped: usize = reads.iter().map(|r| r.parsed.skipped.len()).sum();
    let mut source_ids: Vec<&str> = Vec::new();
    for r in &reads {
        let id = r.parsed.format.source().id();
        if !source_ids.contains(&id) {
            source_ids.push(id);
        }
    }
    let source = source_ids.join("+");
    let mut rows: Vec<Candidate> = reads.into_iter().flat_map(|r| r.parsed.rows).collect();
    if several {
        // Rows of several files in one time order; an event both files recorded
        // (the pager and its Slack bot) is marked once.
        rows.sort_by_key(|r| r.time);
        mark_repeats(&mut rows);
    }

    if let Some((report, front_matter)) = report {
        for w in &warnings {
            eprintln!("warning: {w}");
        }
        return Ok(merge_into(
            &report,
            front_matter,
            &rows,
            req.all,
            req.format,
        ));
    }
    let zone = zone.unwrap_or_else(utc);
    Ok(match req.format.unwrap_or(RowsFormat::Json) {
        RowsFormat::Json => {
            let out = json!({
                "source": source,
                "rows": rows.iter().map(|r| row_json(r, zone)).collect::<Vec<Value>>(),
                "skipped": skipped,
                "warnings": warnings,
            });
            let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
            s.push('\n');
            s
        }
        RowsFormat::Md => {
            for w in &warnings {
                eprintln!("warning: {w}");
            }
            markdown_table(&rows, zone)
        }
    })
}

/// The file's bytes (a zip is not text), or standard input for `-`.
fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))
}

fn read_report(path: &Path) -> Result<(Report, bool), Failure> {
    let text = crate::read_in(path)?;
    let front_matter = text.trim_start_matches('\u{feff}').starts_with("---");
    let report =
        match input::read_report(&text).map_err(|e| Failure(format!("{}: {e}", path.display())))? {
            input::Parsed::Json(r) => r,
            input::Parsed::Markdown(imported) => imported.report,
        };
    Ok((report, front_matter))
}

fn row_json(r: &Candidate, zone: FixedOffset) -> Value {
    json!({
        "time": r.time.with_timezone(&zone).to_rfc3339_opts(SecondsFormat::Secs, true),
        "text": r.text,
        "who": r.who,
        "kind": r.kind.map(|k| k.id()),
        "source": r.source.id(),
        "source_id": r.source_id,
        "reply_to": r.reply_to,
        "suggested": r.suggested,
        "duplicate": r.duplicate_of.is_some(),
    })
}

/// Merges the pre-ticked rows (every row not a duplicate with `--all`) and prints the
/// report in its own template; what was added and which rows the metrics now use go
/// to standard error.
fn merge_into(
    report: &Report,
    front_matter: bool,
    rows: &[Candidate],
    all: bool,
    format: Option<RowsFormat>,
) -> String {
    let chosen: Vec<Candidate> = rows
        .iter()
        .filter(|r| r.duplicate_of.is_none() && (all || r.suggested))
        .cloned()
        .collect();
    let merged = merge(report, &chosen);
    let already = rows.len() - rows.iter().filter(|r| r.duplicate_of.is_none()).count();
    eprintln!(
        "merged {} rows into the timeline ({} already there, {} not pre-ticked{})",
        merged.added.len(),
        already + merged.left_out.len(),
        rows.len() - chosen.len() - already,
        if all { "" } else { "; --all keeps them too" }
    );
    let m = metrics::compute(&merged.report);
    let start = m.start();
    for o in metric_origins(&merged.report, &merged.added) {
        let row = &merged.report.timeline.entries[o.row];
        let span = start
            .map(|s| format!("{}, ", format_duration(o.at - s)))
            .unwrap_or_default();
        let from = match &o.imported {
            Some(a) => format!("imported from {} ({})", a.source.id(), a.source_id),
            None => "already in the report".into(),
        };
        eprintln!(
            "{}: {span}row {} \"{} {}\", {from}",
            o.metric.label(),
            o.row + 1,
            row.time,
            row.event
        );
    }
    match format {
        Some(RowsFormat::Json) => hindsight_core::to_json(&merged.report),
        _ => hindsight_core::to_markdown(
            &merged.report,
            &MarkdownOptions {
                template: None,
                front_matter,
                placeholders: false,
                mermaid: false,
            },
        ),
    }
}

/// A GFM table of the rows, every cell escaped so a `|` or `*` in a message stays text.
fn markdown_table(rows: &[Candidate], zone: FixedOffset) -> String {
    let mut s = String::from("| Time | Event | Who | Kind | Source |\n|---|---|---|---|---|\n");
    for r in rows {
        let time = r.time.with_timezone(&zone).format("%Y-%m-%d %H:%M:%S %:z");
        let mut flags = Vec::new();
        if r.suggested {
            flags.push("pre-ticked");
        }
        if r.duplicate_of.is_some() {
            flags.push("duplicate");
        }
        let source = if flags.is_empty() {
            format!("{} {}", r.source.id(), r.source_id)
        } else {
            format!("{} {} ({})", r.source.id(), r.source_id, flags.join(", "))
        };
        s.push_str(&format!(
            "| {time} | {} | {} | {} | {} |\n",
            cell(&r.text),
            cell(&r.who),
            r.kind.map(|k| k.label()).unwrap_or(""),
            cell(&source)
        ));
    }
    s
}

fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_markdown() {
        assert_eq!(cell("a | b *c* <x>"), "a \\| b \\*c\\* \\<x\\>");
        assert_eq!(cell("line\nbreak"), "line break");
    }
}
