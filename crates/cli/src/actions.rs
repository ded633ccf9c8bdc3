//! `hindsight actions`: the report's action items for a tracker (Jira CSV, GitHub
//! new-issue links, a Markdown task list, or plain CSV), built by the core.

use std::path::Path;

use clap::ValueEnum;
use hindsight_core::actions::{export_actions, ActionsFormat, ActionsOptions};

use crate::{read_report_file, write_out, Failure};

/// The `--to` values.
#[derive(Clone, Copy, ValueEnum)]
pub enum To {
    /// CSV for Jira's CSV importer.
    JiraCsv,
    /// One GitHub new-issue link per item (needs --repo).
    Github,
    /// A Markdown task list.
    Markdown,
    /// Every action item column as CSV.
    Csv,
}

/// Reads the report and writes its action items in the chosen form.
pub fn run(
    input: &Path,
    to: To,
    options: ActionsOptions,
    output: Option<&Path>,
) -> Result<u8, Failure> {
    let report = read_report_file(input)?;
    let format = match to {
        To::JiraCsv => ActionsFormat::JiraCsv,
        To::Github => ActionsFormat::Github,
        To::Markdown => ActionsFormat::Markdown,
        To::Csv => ActionsFormat::Csv,
    };
    let out = export_actions(&report, format, &options).map_err(|e| Failure(e.to_string()))?;
    write_out(output, &out).map(|()| 0)
}
