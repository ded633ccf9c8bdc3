//! `hindsight chart`: writes a report's timeline as an SVG chart (the core draws it).

use std::path::Path;

use crate::{read_report_file, write_out, Failure};

/// Reads the report (JSON or Markdown) and writes its chart to `output` or stdout.
pub fn run(input: &Path, output: Option<&Path>) -> Result<u8, Failure> {
    let report = read_report_file(input)?;
    write_out(output, &hindsight_core::timeline_svg(&report)).map(|()| 0)
}
