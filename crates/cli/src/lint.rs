//! `hindsight lint`: reads post-mortems (Markdown or Hindsight JSON), validates each
//! under the policy and prints findings as compiler-style text, one JSON object, or
//! SARIF 2.1.0 for code-scanning dashboards.

use std::path::Path;

use hindsight_core::locate::line_of;
use hindsight_core::policy::Policy;
use hindsight_core::summary::Overview;
use hindsight_core::validate::Level;
use serde::Serialize;

/// One finding as the CLI reports it.
#[derive(Debug, Clone, Serialize)]
pub struct Reported {
    pub rule: String,
    pub level: Level,
    pub location: String,
    pub line: Option<u32>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

/// One linted file.
#[derive(Debug, Clone, Serialize)]
pub struct FileResult {
    pub path: String,
    pub summary: Overview,
    pub findings: Vec<Reported>,
}

impl FileResult {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.level == Level::Error)
    }
}

/// Lints one document's text; fails only when a JSON document cannot be read.
pub fn lint_text(
    path: &Path,
    text: &str,
    policy: &Policy,
) -> Result<FileResult, hindsight_core::ReadError> {
    let (report, markdown) = match crate::input::read_report(text)? {
        crate::input::Parsed::Json(r) => (r, false),
        crate::input::Parsed::Markdown(imported) => (imported.report, true),
    };
    let review = hindsight_core::review(&report, policy);
    let summary = review.overview;
    let findings = review
        .findings
        .into_iter()
        .map(|f| {
            let line = f.line.or_else(|| {
                markdown
                    .then(|| line_of(text, &report, &f.location))
                    .flatten()
            });
            Reported {
                rule: f.rule,
                level: f.level,
                location: f.location.to_string(),
                line,
                message: f.message,
                fix: f.fix,
            }
        })
        .collect();
    Ok(FileResult {
        path: path.display().to_string(),
        summary,
        findings,
    })
}

/// `path:line: level[rule]: message`, a help line for fixes, and a closing tally.
pub fn text(results: &[FileResult]) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for r in results {
        for f in &r.findings {
            match f.level {
                Level::Error => errors += 1,
                Level::Warning => warnings += 1,
                Level::Info => infos += 1,
            }
            let place = match f.line {
                Some(l) => format!("{}:{l}", r.path),
                None => r.path.clone(),
            };
            out.push_str(&format!(
                "{place}: {}[{}]: {} ({})\n",
                f.level, f.rule, f.message, f.location
            ));
            if let Some(fix) = &f.fix {
                out.push_str(&format!("    help: {fix}\n"));
            }
        }
        out.push_str(&format!(
            "{}: readiness {}/100, {} finding(s)\n",
            r.path,
            r.summary.score,
            r.findings.len()
        ));
    }
    out.push_str(&format!(
        "{} file(s): {errors} error(s), {warnings} warning(s), {infos} info\n",
        results.len()
    ));
    out
}

/// One object with a `files` array.
pub fn json(results: &[FileResult]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        files: &'a [FileResult],
    }
    let mut s = serde_json::to_string_pretty(&Out { files: results }).unwrap_or_default();
    s.push('\n');
    s
}
