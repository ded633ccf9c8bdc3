//! Live findings: the core's validator and metrics run at most once per frame after an
//! edit, and each control hears only about the findings at its own path (so a report with
//! thousands of controls does not re-render them all on every keystroke).

use hindsight_core::metrics::{self, Metrics};
use hindsight_core::policy::Policy;
use hindsight_core::validate::{self, Finding, Level};
use hindsight_core::Report;
use leptos::prelude::*;
use reactive_stores::Store;
use std::collections::HashMap;

/// Findings grouped by field path.
pub fn by_location(findings: &[Finding]) -> HashMap<String, Vec<Finding>> {
    let mut map: HashMap<String, Vec<Finding>> = HashMap::new();
    for f in findings {
        map.entry(f.location.clone()).or_default().push(f.clone());
    }
    map
}

/// Whether a finding at `location` belongs to the field or part at `path`
/// (`timeline[3].time` belongs to `timeline`; `meta.title` does not belong to `meta.t`).
pub fn belongs(location: &str, path: &str) -> bool {
    location == path
        || (location.starts_with(path)
            && matches!(location.as_bytes().get(path.len()), Some(b'.') | Some(b'[')))
}

/// Element ids to try, most specific first, when jumping to a finding's location:
/// `timeline[3].time`, then `timeline[3]`, then `timeline`.
pub fn focus_candidates(location: &str) -> Vec<String> {
    let mut out = vec![location.to_string()];
    let mut rest = location;
    while let Some(cut) = rest.rfind(['.', '[']) {
        rest = &rest[..cut];
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
    }
    out
}

/// The worst level among findings, for markers and section states.
pub fn worst(findings: &[Finding]) -> Option<Level> {
    findings.iter().map(|f| f.level).min()
}

/// The live findings, metrics and per-path signals.
#[derive(Clone, Copy)]
pub struct Live {
    pub findings: RwSignal<Vec<Finding>>,
    pub metrics: RwSignal<Metrics>,
    per_path: StoredValue<HashMap<String, ArcRwSignal<Vec<Finding>>>>,
    last: StoredValue<HashMap<String, Vec<Finding>>>,
    pending: StoredValue<bool>,
}

impl Live {
    pub fn new() -> Live {
        Live {
            findings: RwSignal::new(Vec::new()),
            metrics: RwSignal::new(Metrics::default()),
            per_path: StoredValue::new(HashMap::new()),
            last: StoredValue::new(HashMap::new()),
            pending: StoredValue::new(false),
        }
    }

    /// The findings at exactly this path, as a signal that changes only when they do.
    pub fn at(self, path: &str) -> ArcRwSignal<Vec<Finding>> {
        let existing = self.per_path.with_value(|m| m.get(path).cloned());
        if let Some(s) = existing {
            return s;
        }
        let current = self
            .last
            .with_value(|m| m.get(path).cloned().unwrap_or_default());
        let s = ArcRwSignal::new(current);
        self.per_path.update_value(|m| {
            m.insert(path.to_string(), s.clone());
        });
        s
    }

    /// Runs the validator and metrics now.
    pub fn run(self, report: &Report) {
        let findings = validate::validate(report, &Policy::default());
        self.apply(findings, metrics::compute(report));
    }

    fn apply(self, findings: Vec<Finding>, metrics: Metrics) {
        let grouped = by_location(&findings);
        let old = self.last.get_value();
        self.per_path.with_value(|signals| {
            for (path, signal) in signals {
                let new = grouped.get(path);
                if new != old.get(path) {
                    signal.set(new.cloned().unwrap_or_default());
                }
            }
        });
        self.last.set_value(grouped);
        self.findings.set(findings);
        self.metrics.set(metrics);
    }

    /// Validates once in the next frame, however many edits come before it.
    pub fn schedule(self, report: Store<Report>) {
        if self.pending.get_value() {
            return;
        }
        self.pending.set_value(true);
        request_animation_frame(move || {
            // The app may have been unmounted (tests do) before the frame came.
            if self.pending.is_disposed() || report.is_disposed() {
                return;
            }
            self.pending.set_value(false);
            let (findings, metrics) = {
                let r = report.read_untracked();
                (
                    validate::validate(&r, &Policy::default()),
                    metrics::compute(&r),
                )
            };
            self.apply(findings, metrics);
        });
    }
}

impl Default for Live {
    fn default() -> Self {
        Live::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_belong_to_their_parts() {
        assert!(belongs("timeline[3].time", "timeline"));
        assert!(belongs("timeline[3].time", "timeline[3].time"));
        assert!(belongs("root_cause.whys[0].why", "root_cause.whys"));
        assert!(!belongs("meta.title", "meta.t"));
        assert!(!belongs("meta.titles", "meta.title"));
    }

    #[test]
    fn focus_falls_back_to_enclosing_parts() {
        assert_eq!(
            focus_candidates("timeline[3].time"),
            ["timeline[3].time", "timeline[3]", "timeline"]
        );
        assert_eq!(focus_candidates("meta.title"), ["meta.title", "meta"]);
    }
}
