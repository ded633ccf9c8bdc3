//! Lints every fixture post-mortem in `tests/fixtures/` under the default policy and
//! checks the exact findings, as (rule id, location) pairs: none on a clean fixture, and
//! on a messy one exactly what a reviewer would point out, written out by hand after
//! reading the document. Findings judged wrong are listed apart as known false positives
//! with the reason, so they are never mistaken for expectations and the test fails once
//! the rule is fixed.

use hindsight_core::import::parse_markdown;
use hindsight_core::policy::Policy;
use hindsight_core::validate::{score, validate, Finding};

/// What one fixture must lint as.
struct Expect {
    file: &'static str,
    /// (rule id, location) of every finding a reviewer would agree with.
    findings: &'static [(&'static str, &'static str)],
    /// (rule id, location, why it is wrong) of findings the rules give today but should
    /// not. Reported, not expected: remove the entry when the rule is fixed.
    known_false_positives: &'static [(&'static str, &'static str, &'static str)],
}

const MISSING: &str = "missing-section";
const UNKNOWN: &str = "unknown-section";
const PLACEHOLDER: &str = "placeholder";
const DURATION: &str = "duration-mismatch";
const WHYS: &str = "five-whys-depth";
const OWNER: &str = "action-item-owner";
const DUE: &str = "action-item-due-date";
const PRIORITY: &str = "action-item-priority";
const COVERAGE: &str = "action-item-coverage";
const REVIEW: &str = "review-deadline";
const TRACKING: &str = "action-item-tracking";
const AUTHOR: &str = "author-missing";
const INSTRUCTIONS: &str = "template-instructions";

const FIXTURES: &[Expect] = &[
    Expect {
        file: "000-clean-gitlab-db-deletion.md",
        findings: &[],
        known_false_positives: &[],
    },
    Expect {
        file: "000-messy-cloudflare-waf.md",
        findings: &[
            // SEV1 with no Detection section, although the timeline shows alerts.
            (MISSING, "detection.method"),
            (MISSING, "lessons.key_takeaways"),
            (WHYS, "root_cause.whys"),
            (OWNER, "action_items[2].owner"),
            // A regex engine, staged rollouts, a CPU limit: all Prevent, nothing Detect.
            (COVERAGE, "action_items"),
            // No duration-mismatch: 27 minutes is deploy to "traffic recovers" (14:07);
            // the last row (WAF re-enabled) is after the impact.
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "000-messy-s3-typo.md",
        findings: &[
            (MISSING, "detection.method"),
            // The template's "Instructions" were left above the title; kept, and reported.
            (INSTRUCTIONS, "extra_sections[0]"),
            (UNKNOWN, "extra_sections[1]"),
            (PLACEHOLDER, "meta.attendees"),
            // The template row `HH:MM | _Incident commander designated_`: time and event.
            (PLACEHOLDER, "timeline"),
            (PLACEHOLDER, "timeline"),
            (WHYS, "root_cause.whys"),
            (OWNER, "action_items[1].owner"),
            // Neither item detects anything ("slowly" is not an SLO).
            (COVERAGE, "action_items"),
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "001-clean-github-partition.md",
        findings: &[],
        known_false_positives: &[],
    },
    Expect {
        file: "001-messy-pasted-fastly.md",
        findings: &[
            (MISSING, "lessons.key_takeaways"),
            (UNKNOWN, "extra_sections[0]"),
            (PLACEHOLDER, "meta.tracker"),
            (PLACEHOLDER, "meta.reviewers"),
            (PLACEHOLDER, "impact.support_tickets"),
            // Template hint left on an unticked box: harmless, but still template text.
            (PLACEHOLDER, "contributing_factors.checklist"),
            (WHYS, "root_cause.whys"),
            (OWNER, "action_items[1].owner"),
            // A bug fix and tests: nothing detects a recurrence sooner.
            (COVERAGE, "action_items"),
            // No duration-mismatch: 49 minutes is 09:47 to "Most services recovered";
            // the last row (permanent fix begins) is follow-up work.
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "001-messy-pasted-roblox.md",
        findings: &[
            (MISSING, "contributing_factors.items"),
            (MISSING, "lessons.key_takeaways"),
            (WHYS, "root_cause.whys"),
            (OWNER, "action_items[1].owner"),
            // Keep a feature off, split the cluster, add telemetry: the telemetry item
            // detects, but nothing guards against the contention itself.
            (COVERAGE, "action_items"),
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "002-clean-config-feedback-loop.md",
        findings: &[],
        known_false_positives: &[],
    },
    Expect {
        file: "002-messy-knight-capital.md",
        findings: &[
            (MISSING, "contributing_factors.items"),
            (MISSING, "lessons.key_takeaways"),
            (UNKNOWN, "extra_sections[0]"),
            (PLACEHOLDER, "meta.status"),
            // `| **Author** | |`: the row is there, the name is not.
            (AUTHOR, "meta.author"),
            (PLACEHOLDER, "action_items[1].success_criteria"),
            (WHYS, "root_cause.whys"),
            (OWNER, "action_items[1].owner"),
            // The 08:01 warning emails went unheeded, yet no item detects sooner.
            (COVERAGE, "action_items"),
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "002-messy-yaml-slack.md",
        findings: &[
            // Front matter SEV1, body High: which is it?
            ("severity-unknown", "meta.severity"),
            (MISSING, "contributing_factors.items"),
            (MISSING, "lessons.key_takeaways"),
            (PLACEHOLDER, "sign_off.date"),
            (PLACEHOLDER, "meta.finalized_date"),
            (WHYS, "root_cause.whys"),
            (OWNER, "action_items[1].owner"),
            // AI-3 exists only in the details: no owner, due date or priority anywhere.
            (OWNER, "action_items[2].owner"),
            (DUE, "action_items[2].due"),
            (PRIORITY, "action_items[2].priority"),
            // Meeting on 2021-01-12, eight days after a SEV2.
            (REVIEW, "meta.meeting_date"),
        ],
        known_false_positives: &[(
            COVERAGE,
            "action_items",
            "'No Prevent item', but AI-1 (pre-scale gateways before known peaks; success: \
             no packet loss next time) and AI-2 (autoscaling aware of network saturation) \
             prevent recurrence; their words are not in the Prevent keyword list.",
        )],
    },
    Expect {
        file: "003-clean-crowdstrike-channel-file.md",
        findings: &[],
        known_false_positives: &[],
    },
    Expect {
        file: "003-messy-azure-ad-keys.md",
        findings: &[
            // Seed 003 asks for its lessons as "What went well".
            (MISSING, "went_well"),
            (UNKNOWN, "extra_sections[0]"),
            (PLACEHOLDER, "meta.incident_commander"),
            (PLACEHOLDER, "detection.time_to_acknowledge"),
            (OWNER, "action_items[1].owner"),
            (COVERAGE, "action_items"),
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "003-messy-google-cloud-network.md",
        findings: &[
            (MISSING, "contributing_factors.items"),
            // Seed 003 asks for its lessons as "What went well".
            (MISSING, "went_well"),
            (COVERAGE, "action_items"),
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "004-clean-backbone-withdrawal.md",
        findings: &[],
        known_false_positives: &[],
    },
    Expect {
        file: "004-messy-shifted-router-config.md",
        findings: &[
            (MISSING, "impact.description"),
            (MISSING, "contributing_factors.items"),
            // 27 minutes matches no span: edit (21:58) to resolution (22:09) is 11
            // minutes, detection to resolution 7, first row to resolution 57.
            (DURATION, "meta.duration"),
            (WHYS, "root_cause.whys"),
            (OWNER, "action_items[1].owner"),
            (COVERAGE, "action_items"),
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "004-messy-toml-deletion-script.md",
        findings: &[
            (MISSING, "contributing_factors.items"),
            (MISSING, "lessons.key_takeaways"),
            (UNKNOWN, "extra_sections[0]"),
            (PLACEHOLDER, "meta.responders"),
            // The template row `Apr 5 HH:MM | **Escalation**: [Who was paged, …]`.
            (PLACEHOLDER, "timeline"),
            (PLACEHOLDER, "timeline"),
            (WHYS, "root_cause.whys"),
            // `[Name]` is left to the owner rule, not reported twice.
            (OWNER, "action_items[1].owner"),
            (COVERAGE, "action_items"),
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "003-clean-gdocs-stream-threads.md",
        findings: &[],
        known_false_positives: &[],
    },
    Expect {
        file: "004-clean-confluence-dns-flood.md",
        findings: &[],
        known_false_positives: &[],
    },
    Expect {
        file: "000-export-incident-io-api-errors.md",
        findings: &[
            // The export names an incident lead but nobody as the report's author.
            (AUTHOR, "meta.author"),
            (TRACKING, "action_items[0].tracking"),
            (TRACKING, "action_items[2].tracking"),
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "000-export-incident-io-queue-backlog.md",
        findings: &[],
        known_false_positives: &[],
    },
    Expect {
        file: "custom-sre-book-ca-recheck.md",
        // Kept in its own layout, it is asked only for what that layout has: no Five
        // Whys, no sign-off, no due or priority column (the bug tracker holds them).
        findings: &[],
        known_false_positives: &[],
    },
    Expect {
        file: "000-messy-wiki-dst-fallback.md",
        findings: &[
            (UNKNOWN, "extra_sections[0]"),
            (PLACEHOLDER, "meta.attendees"),
            // No duration-mismatch: 2h30 is real time across the clock change. No
            // blame-language: "screwed up" is a customer's quoted words.
            (TRACKING, "action_items[2].tracking"),
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "003-messy-notion-dns-ttl.md",
        findings: &[
            // The <aside> note has no place in 003's summary bullets.
            (UNKNOWN, "extra_sections[0]"),
            // No duration-mismatch: 2:05 PM PDT to 3:35 PM PDT is the stated 1.5 hours.
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "custom-firehydrant-cache-stampede.md",
        findings: &[
            // Refusing empty ids and limiting refills both prevent; nothing detects sooner
            // (the late page is one of its own lessons).
            (COVERAGE, "action_items"),
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "custom-jeli-narrative-search.md",
        findings: &[
            // An alert and a loud failure: both detect, nothing stops a rebuild stalling.
            (COVERAGE, "action_items"),
            // No duration-mismatch: 15h 25m is real time across the spring-forward change.
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "custom-atlassian-pir-payments.md",
        // Nothing asks for Contributing Factors or a due column it does not have.
        findings: &[(COVERAGE, "action_items")],
        known_false_positives: &[(
            COVERAGE,
            "action_items",
            "pinning the CA instead of the leaf certificate prevents a recurrence; no Prevent keyword in it",
        )],
    },
    Expect {
        file: "custom-gdocs-sre-book-leap-second.md",
        findings: &[(COVERAGE, "action_items")],
        known_false_positives: &[(
            COVERAGE,
            "action_items",
            "reading the monotonic clock prevents a recurrence; no Prevent keyword in it",
        )],
    },
    Expect {
        file: "custom-wiki-year-boundary-certs.md",
        // No duration-mismatch: 2 days 4 h is 23:40 on 31 December to 03:40 on 3 January.
        findings: &[],
        known_false_positives: &[],
    },
    Expect {
        file: "custom-gitlab-issue-runner-queue.md",
        // An S2 with two whys.
        findings: &[(WHYS, "root_cause.whys")],
        known_false_positives: &[],
    },
    Expect {
        file: "000-messy-notion-db-login.md",
        findings: &[
            // Critical is SEV1 in seed 000: it asks for what the page lacks.
            (MISSING, "contributing_factors.items"),
            (MISSING, "detection.method"),
            (MISSING, "lessons.key_takeaways"),
            (WHYS, "root_cause.whys"),
            (PRIORITY, "action_items[0].priority"),
            (PRIORITY, "action_items[1].priority"),
            ("action-item-tracking", "action_items[0].tracking"),
            ("action-item-tracking", "action_items[1].tracking"),
            // No timeline-order: 02:15 comes after 02:50 once clocks went back at 03:00.
        ],
        known_false_positives: &[],
    },
    Expect {
        file: "001-messy-status-page-dns.md",
        findings: &[
            // No "Author:" line at all: the 001 layout asks for one.
            (AUTHOR, "meta.author"),
            (MISSING, "summary.one_line"),
            (MISSING, "contributing_factors.items"),
            (MISSING, "detection.method"),
            (MISSING, "lessons.key_takeaways"),
            (WHYS, "root_cause.whys"),
            ("action-item-tracking", "action_items[0].tracking"),
            ("action-item-tracking", "action_items[1].tracking"),
            // No timeline-order: 12:30 AM follows 11:58 PM on the next day.
        ],
        known_false_positives: &[(
            COVERAGE,
            "action_items",
            "a synthetic check from outside the network detects a recurrence; \"check\" reads as Prevent",
        )],
    },
    Expect {
        file: "002-messy-engineer-notes-kafka.md",
        findings: &[
            (MISSING, "summary.one_line"),
            (MISSING, "impact.users_affected"),
            (MISSING, "contributing_factors.items"),
            (MISSING, "lessons.key_takeaways"),
            (PRIORITY, "action_items[0].priority"),
            (PRIORITY, "action_items[1].priority"),
            // No duration-mismatch: 75:48 is 9 May 08:10 to 12 May 11:58.
        ],
        known_false_positives: &[],
    },
];

fn lint(file: &str) -> Vec<Finding> {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    validate(&parse_markdown(&text).report, &Policy::default())
}

fn pairs(findings: &[Finding]) -> Vec<(String, String)> {
    let mut p: Vec<(String, String)> = findings
        .iter()
        .map(|f| (f.rule.clone(), f.location.to_string()))
        .collect();
    p.sort();
    p
}

fn show(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("\n  ({:?}, {:?}) {}", f.rule, f.location, f.message))
        .collect()
}

/// What is wrong with one fixture's findings, if anything.
fn check(e: &Expect) -> Option<String> {
    let found = lint(e.file);
    let mut want: Vec<(String, String)> = e
        .findings
        .iter()
        .map(|&(r, l)| (r.to_string(), l.to_string()))
        .chain(
            e.known_false_positives
                .iter()
                .map(|&(r, l, _)| (r.to_string(), l.to_string())),
        )
        .collect();
    want.sort();
    let clean_score = e.file.contains("-clean-") && score(&found) != 100;
    (pairs(&found) != want || clean_score).then(|| {
        format!(
            "{}: expected (with known false positives) {want:?}, score {}; actual:{}",
            e.file,
            score(&found),
            show(&found)
        )
    })
}

#[test]
fn every_fixture_has_exactly_its_expected_findings() {
    // Every fixture is checked before failing, so one run shows every difference.
    let failures: Vec<String> = FIXTURES.iter().filter_map(check).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn clean_fixtures_have_no_findings_and_no_known_false_positives() {
    for e in FIXTURES.iter().filter(|e| e.file.contains("-clean-")) {
        assert!(
            e.findings.is_empty() && e.known_false_positives.is_empty(),
            "{}",
            e.file
        );
    }
}

#[test]
fn every_fixture_file_is_linted() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|d| d.ok())
        .map(|d| d.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = FIXTURES.iter().map(|e| e.file.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}
