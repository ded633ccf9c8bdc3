//! `hindsight lint`: reads post-mortems (Markdown or Hindsight JSON), validates each
//! under the policy — files in parallel, on every core — and prints findings as
//! compiler-style text, one JSON object, or SARIF 2.1.0 for code-scanning dashboards.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use hindsight_core::locate::Lines;
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
    // Findings the rules could not place are looked for in the text, all in one pass.
    let unplaced: Vec<_> = review
        .findings
        .iter()
        .filter(|f| markdown && f.line.is_none())
        .map(|f| f.location)
        .collect();
    let mut found = if unplaced.is_empty() {
        Vec::new()
    } else {
        Lines::new(text).lines_of(&report, &unplaced)
    }
    .into_iter();
    let findings = review
        .findings
        .into_iter()
        .map(|f| {
            let line = match f.line {
                Some(l) => Some(l),
                None if markdown => found.next().flatten(),
                None => None,
            };
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

/// Lints `files` on every available core and returns the results in the order given.
/// The first file (in that order) that cannot be read or parsed is the error, as a
/// one-by-one loop would report it; files are independent, so the output is the same.
pub fn lint_files<E: Send>(
    files: &[PathBuf],
    policy: &Policy,
    read: impl Fn(&Path) -> Result<String, E> + Sync,
    unreadable: impl Fn(&Path, hindsight_core::ReadError) -> E + Sync,
) -> Result<Vec<FileResult>, E> {
    let one = |f: &PathBuf| -> Result<FileResult, E> {
        let text = read(f)?;
        lint_text(f, &text, policy).map_err(|e| unreadable(f, e))
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len());
    if workers <= 1 {
        return files.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Result<FileResult, E>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(f) = files.get(i) else { break };
                        mine.push((i, one(f)));
                    }
                    mine
                })
            })
            .collect();
        // A worker that panicked lost its files; they are linted again below.
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    let mut out = Vec::with_capacity(files.len());
    let mut at = 0;
    for (i, r) in done {
        // Files a panicked worker never returned, in order.
        while at < i {
            out.push(one(&files[at])?);
            at += 1;
        }
        out.push(r?);
        at = i + 1;
    }
    for f in &files[at..] {
        out.push(one(f)?);
    }
    Ok(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(n: usize) -> String {
        format!("# Post-Mortem: Outage {n}\n\n**Severity:** SEV{}\n\n## Summary\n\nIt broke {n} times.\n", n % 4 + 1)
    }

    #[test]
    fn parallel_results_match_one_by_one_in_order() {
        let files: Vec<PathBuf> = (0..64)
            .map(|n| PathBuf::from(format!("pm-{n}.md")))
            .collect();
        let read = |p: &Path| -> Result<String, String> {
            let n: usize = p
                .to_string_lossy()
                .trim_start_matches("pm-")
                .trim_end_matches(".md")
                .parse()
                .map_err(|_| p.display().to_string())?;
            Ok(doc(n))
        };
        let bad = |p: &Path, e: hindsight_core::ReadError| format!("{}: {e}", p.display());
        let policy = Policy::default();
        let parallel = lint_files(&files, &policy, read, bad).unwrap_or_default();
        let serial: Vec<FileResult> = files
            .iter()
            .filter_map(|f| read(f).ok().and_then(|t| lint_text(f, &t, &policy).ok()))
            .collect();
        assert_eq!(parallel.len(), 64);
        assert_eq!(json(&parallel), json(&serial));
        assert_eq!(text(&parallel), text(&serial));
    }

    #[test]
    fn the_first_failing_file_in_order_is_the_error() {
        let files: Vec<PathBuf> = ["a.md", "bad-2.md", "c.md", "bad-4.md"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let read = |p: &Path| -> Result<String, String> {
            if p.to_string_lossy().starts_with("bad") {
                Err(format!("cannot read {}", p.display()))
            } else {
                Ok(doc(1))
            }
        };
        let bad = |p: &Path, e: hindsight_core::ReadError| format!("{}: {e}", p.display());
        let r = lint_files(&files, &Policy::default(), read, bad);
        assert_eq!(r.err().as_deref(), Some("cannot read bad-2.md"));
        // A JSON document that does not parse is an error too.
        let r = lint_files(
            &[PathBuf::from("x.json")],
            &Policy::default(),
            |_: &Path| Ok::<_, String>("{\"schema_version\": 1, \"meta\": 3}".to_string()),
            bad,
        );
        assert!(r.is_err());
    }
}
