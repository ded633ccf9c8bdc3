//! Imports every fixture post-mortem in `tests/fixtures/` (three or more per seed layout,
//! clean and messy) and checks the facts a reader would expect: title, id, severity,
//! date, duration, timeline size and ends, action items and missing owners, Five Whys,
//! placeholders left in the source, and what could not be mapped.

use hindsight_core::import::{parse_markdown, Imported};
use hindsight_core::*;

/// What one fixture must import as.
struct Expect {
    file: &'static str,
    template: Option<&'static str>,
    title: &'static str,
    id: &'static str,
    severity: &'static str,
    date: &'static str,
    duration: &'static str,
    /// (rows, first time, last time)
    timeline: (usize, &'static str, &'static str),
    actions: usize,
    /// Indexes of action items with no owner.
    no_owner: &'static [usize],
    whys: usize,
    /// Field paths of the placeholders found, in source order.
    placeholders: &'static [&'static str],
    /// (title, where it was kept) of everything unmapped.
    unmapped: &'static [(&'static str, &'static str)],
    /// Facts particular to the variant the fixture exercises.
    extra: fn(&Imported),
}

fn load(file: &str) -> Imported {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_markdown(&text)
}

fn check(e: &Expect) {
    let imp = load(e.file);
    let r = &imp.report;
    let f = e.file;
    assert_eq!(imp.template.as_deref(), e.template, "{f}: template");
    assert_eq!(r.meta.title, e.title, "{f}: title");
    assert_eq!(r.meta.incident_id, e.id, "{f}: id");
    assert_eq!(r.meta.severity, e.severity, "{f}: severity");
    assert_eq!(r.meta.date, e.date, "{f}: date");
    assert_eq!(r.meta.duration, e.duration, "{f}: duration");
    let tl = &r.timeline.entries;
    assert_eq!(tl.len(), e.timeline.0, "{f}: timeline rows");
    assert_eq!(
        tl.first().map(|t| t.time.as_str()),
        Some(e.timeline.1),
        "{f}: first"
    );
    assert_eq!(
        tl.last().map(|t| t.time.as_str()),
        Some(e.timeline.2),
        "{f}: last"
    );
    assert_eq!(r.action_items.len(), e.actions, "{f}: action items");
    let no_owner: Vec<usize> = (0..r.action_items.len())
        .filter(|&i| r.action_items[i].owner.is_empty())
        .collect();
    assert_eq!(no_owner, e.no_owner, "{f}: items without owner");
    assert_eq!(r.root_cause.whys.len(), e.whys, "{f}: whys");
    let ph: Vec<&str> = r.placeholders.iter().map(|p| p.location.as_str()).collect();
    assert_eq!(ph, e.placeholders, "{f}: placeholders");
    assert!(
        r.placeholders.iter().all(|p| p.line.is_some()),
        "{f}: placeholder without line"
    );
    let un: Vec<(&str, &str)> = imp
        .unmapped
        .iter()
        .map(|u| (u.title.as_str(), u.kept_at.as_str()))
        .collect();
    assert_eq!(un, e.unmapped, "{f}: unmapped");
    // Clean fixtures leave nothing unfilled and nothing unmapped.
    if f.contains("-clean-") {
        assert!(r.placeholders.is_empty() && imp.unmapped.is_empty(), "{f}");
    }
    (e.extra)(&imp);
}

const FIXTURES: &[Expect] = &[
    Expect {
        file: "000-clean-gitlab-db-deletion.md",
        template: Some("000"),
        title: "Production database directory removed during replication repair",
        id: "",
        severity: "SEV1",
        date: "2017-01-31",
        duration: "18 hours",
        timeline: (8, "17:20", "18:14"),
        actions: 3,
        no_owner: &[],
        whys: 5,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(r.root_cause.whys[1].why, "Why was it deleted?");
            assert!(r
                .root_cause
                .statement
                .starts_with("Manual destructive work"));
            assert_eq!(r.contributing_factors.items.len(), 3);
            assert_eq!(r.response.runbook_useful, "No runbook existed");
            assert_eq!(r.detection.time_to_detect, "3 minutes");
            assert_eq!(r.sign_off.len(), 1);
            assert_eq!(r.sign_off[0].name, "Priya Natarajan");
            assert_eq!(r.lessons.key_takeaways.len(), 2);
        },
    },
    Expect {
        file: "000-messy-s3-typo.md",
        template: Some("000"),
        title: "Object storage outage after a mistyped capacity command",
        id: "",
        severity: "Sev 1",
        date: "28 Feb 2017",
        duration: "04:17",
        timeline: (5, "Feb 28 17:37", "Feb 28 21:54"),
        actions: 2,
        no_owner: &[1],
        whys: 3,
        placeholders: &[
            "meta.attendees",
            "timeline",
            "timeline",
            "action_items[1].owner",
        ],
        unmapped: &[
            ("Instructions", "extra_sections[0]"),
            ("Region", "meta.extra[0]"),
            ("Dependent services", "impact.extra[0]"),
            ("Customer Communication", "extra_sections[1]"),
        ],
        extra: |i| {
            // The template's preamble was left above the real (level-2) title: kept as
            // its own section, for `template-instructions` to point at.
            assert!(i.warnings.iter().any(|w| w.message.contains("preamble")));
            assert_eq!(i.report.extra_sections[0].title, "Instructions");
            assert!(i.report.extra_sections[0]
                .body
                .starts_with("Copy this template"));
            assert_eq!(i.report.impact.duration, "04:17");
            assert_eq!(i.report.meta.extra[0].value, "us-east-1");
            assert!(i.report.extra_sections[1]
                .body
                .starts_with("We posted updates"));
        },
    },
    Expect {
        file: "000-messy-cloudflare-waf.md",
        template: Some("000"),
        title: "Global 502 errors from a WAF rule with catastrophic backtracking",
        id: "INC-2019-0702",
        severity: "sev1",
        date: "Jul 2, 2019",
        duration: "27 minutes",
        timeline: (6, "13:42:12", "14:52:00"),
        actions: 3,
        no_owner: &[2],
        whys: 3,
        placeholders: &[],
        unmapped: &[("tags", "meta.extra[0]")],
        extra: |i| {
            // Setext headings, numbered "4)" headings, nested Because answers.
            let w = &i.report.root_cause.whys[1];
            assert_eq!(w.why, "Why was the expression so expensive?");
            assert!(w.because.starts_with("`.*(?:.*=.*)`"));
            assert_eq!(
                i.report.impact.requests_failed,
                "Peak drop of about 82% of traffic"
            );
        },
    },
    Expect {
        file: "001-clean-github-partition.md",
        template: Some("001"),
        title: "Database split brain after a 43-second network partition",
        id: "INC-2018-1021",
        severity: "SEV-1",
        date: "2018-10-21",
        duration: "24 hours 11 minutes",
        timeline: (7, "2018-10-21 22:52", "2018-10-22 23:03"),
        actions: 4,
        no_owner: &[],
        whys: 5,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            let horizons: Vec<Option<Horizon>> = r.action_items.iter().map(|a| a.horizon).collect();
            assert_eq!(
                horizons,
                [
                    Some(Horizon::Immediate),
                    Some(Horizon::ShortTerm),
                    Some(Horizon::ShortTerm),
                    Some(Horizon::LongTerm)
                ]
            );
            let checked: Vec<FactorCategory> = r
                .contributing_factors
                .checklist
                .iter()
                .filter(|c| c.checked)
                .map(|c| c.category)
                .collect();
            assert_eq!(
                checked,
                [
                    FactorCategory::DetectionGap,
                    FactorCategory::TestingGap,
                    FactorCategory::ConfigurationError
                ]
            );
            assert_eq!(r.detection.method, "Automated monitoring/alerting");
            assert_eq!(r.detection.time_to_mitigate, "17 hours");
            assert_eq!(r.meta.tracker, "bd://ops-4412");
            assert_eq!(r.meta.services.len(), 3);
            assert_eq!(r.root_cause.whys[0].why, "");
            assert_eq!(r.sign_off.len(), 2);
            assert_eq!(r.meta.timezone, "UTC");
        },
    },
    Expect {
        file: "001-messy-pasted-fastly.md",
        template: Some("001"),
        title: "Global CDN errors after a customer configuration change",
        id: "INC-2021-0608",
        severity: "SEV1",
        date: "2021-06-08",
        duration: "49 minutes",
        timeline: (6, "09:47", "12:35"),
        actions: 2,
        no_owner: &[1],
        whys: 2,
        placeholders: &[
            "meta.tracker",
            "meta.reviewers",
            "impact.support_tickets",
            "contributing_factors.checklist",
            "action_items[1].owner",
        ],
        unmapped: &[("Status Page Updates", "extra_sections[0]")],
        extra: |i| {
            // Pilcrow headings, one line of several pairs, tables without outer pipes and
            // the flattened "Details: - a - b" line.
            let r = &i.report;
            assert_eq!(r.meta.status, "In Review");
            assert_eq!(r.meta.author, "Keiko Tanaka");
            assert_eq!(r.impact.error_rate_peak, "85% of requests");
            assert_eq!(
                r.contributing_factors.items,
                [
                    "Rollout of the bug was global",
                    "Configuration changes propagate within seconds"
                ]
            );
            assert_eq!(r.contributing_factors.checklist.len(), 2);
        },
    },
    Expect {
        file: "001-messy-pasted-roblox.md",
        template: Some("001"),
        title: "Service discovery cluster overload takes the platform offline",
        id: "INC-2021-1028",
        severity: "Sev 1",
        date: "Oct 28, 2021",
        duration: "73 hours",
        timeline: (5, "Oct 28 13:37", "Oct 31 16:00"),
        actions: 3,
        no_owner: &[1],
        whys: 2,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(r.meta.timezone, "PDT");
            assert_eq!(
                r.detection.method,
                "Automated monitoring/alerting; Customer report"
            );
            assert_eq!(r.detection.time_to_resolve, "73 hours");
            // Sign-off rows with no name and no date are the template's, not facts.
            assert_eq!(r.sign_off.len(), 1);
        },
    },
    Expect {
        file: "002-clean-config-feedback-loop.md",
        template: Some("002"),
        title: "Site unreachable after an invalid cached configuration value",
        id: "INC-2010-0923",
        severity: "SEV1",
        date: "2010-09-23",
        duration: "2 hours 30 minutes",
        timeline: (6, "11:30", "14:00"),
        actions: 2,
        no_owner: &[],
        whys: 4,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(
                r.action_items[0].rationale,
                "One bad value can no longer trigger a stampede"
            );
            assert!(r.action_items[1].success_criteria.starts_with("Chaos test"));
            assert_eq!(
                r.root_cause.whys[2].because,
                "a database error was treated as another invalid value"
            );
            assert_eq!(r.meta.meeting_date, "2010-09-24");
            assert_eq!(r.meta.finalized_date, "2010-10-01");
            assert_eq!(
                r.impact.business_impact,
                "Site unavailable at peak European hours"
            );
            assert_eq!(r.lessons.questions.len(), 1);
        },
    },
    Expect {
        file: "002-messy-yaml-slack.md",
        template: Some("002"),
        title: "Messaging outage on the first working day of the year",
        id: "INC-2021-0104",
        severity: "High",
        date: "2021-01-04",
        duration: "4h 50m",
        timeline: (6, "06:00", "10:40"),
        actions: 3,
        no_owner: &[1, 2],
        whys: 2,
        placeholders: &["sign_off.date", "meta.finalized_date"],
        // The front matter says SEV1, the body High (SEV2): the front matter's is kept.
        unmapped: &[
            ("Region", "meta.extra[0]"),
            ("Severity (front matter)", "meta.extra[1]"),
            ("team", "meta.extra[2]"),
        ],
        extra: |i| {
            // Bold Why/Because pairs; a detail block (AI-3) for an item not in the table.
            let r = &i.report;
            assert_eq!(r.root_cause.whys[0].why, "Why did requests fail?");
            assert!(r.root_cause.whys[1]
                .because
                .starts_with("Holiday-return traffic"));
            assert_eq!(r.action_items[2].id, "AI-3");
            assert_eq!(r.action_items[2].action, "Alert on gateway packet drops");
            assert_eq!(
                r.action_items[0].success_criteria,
                "No packet loss on the next return-to-work day"
            );
        },
    },
    Expect {
        file: "002-messy-knight-capital.md",
        template: Some("002"),
        title: "Runaway trading after a partial deployment",
        id: "INC-2012-0801",
        severity: "SEV1",
        date: "2012-08-01",
        duration: "45 minutes",
        timeline: (5, "08:01", "10:15"),
        actions: 3,
        no_owner: &[1],
        whys: 2,
        placeholders: &["meta.status", "action_items[1].success_criteria"],
        unmapped: &[("Trading Impact by Symbol", "extra_sections[0]")],
        extra: |i| {
            let r = &i.report;
            assert_eq!(r.meta.timezone, "US/Eastern");
            assert_eq!(r.timeline.entries[0].owner, "Monitoring");
            assert!(r.timeline.entries[0].event.ends_with("(Channel: email)"));
            assert_eq!(
                r.action_items[1].rationale,
                "Dead code cannot be switched on by accident"
            );
        },
    },
    Expect {
        file: "003-clean-crowdstrike-channel-file.md",
        template: Some("003"),
        title: "Endpoint sensors crash hosts after a content update",
        id: "INC-2024-0719",
        severity: "P0",
        date: "",
        duration: "1 hour 18 minutes",
        timeline: (5, "2024-07-19 04:09", "2024-07-19 09:45"),
        actions: 4,
        no_owner: &[],
        whys: 0,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(r.meta.start, "2024-07-19 04:09");
            assert_eq!(r.meta.end, "2024-07-19 05:27");
            assert_eq!(r.meta.services.len(), 3);
            assert_eq!(r.detection.time_to_acknowledge, "26 minutes");
            assert_eq!(r.contributing_factors.items.len(), 2);
            assert_eq!(r.action_items[1].id, "CS-2");
            assert_eq!(r.appendix.dashboards.len(), 2);
        },
    },
    Expect {
        file: "003-messy-azure-ad-keys.md",
        template: Some("003"),
        title: "Sign-in failures after a signing key was removed",
        id: "INC-2021-0315",
        severity: "P1",
        date: "",
        duration: "14 hours 25 minutes",
        timeline: (6, "19:00 UTC", "09:25 UTC"),
        actions: 2,
        no_owner: &[1],
        whys: 0,
        placeholders: &["meta.incident_commander", "detection.time_to_acknowledge"],
        unmapped: &[("9. Communications", "extra_sections[0]")],
        extra: |i| {
            assert_eq!(i.report.meta.end, "2021-03-16 09:25");
            assert_eq!(i.report.resolution.effective, "Yes");
        },
    },
    Expect {
        file: "003-messy-google-cloud-network.md",
        template: Some("003"),
        title: "Network congestion after a maintenance job descheduled control planes",
        id: "INC-2019-0602",
        severity: "P1",
        date: "",
        duration: "4 hours 25 minutes",
        timeline: (5, "18:45", "23:10"),
        actions: 3,
        no_owner: &[],
        whys: 2,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            // TOML front matter, Setext headings, a timeline written as a list.
            let r = &i.report;
            assert_eq!(r.timeline.entries[1].event, "Packet loss alerts fire");
            // The "5 Whys / Fishbone" bullet's chain, written inline, is the whys.
            assert_eq!(r.root_cause.whys[0].why, "Why was capacity lost?");
            assert_eq!(
                r.root_cause.whys[1].because,
                "the maintenance job matched them."
            );
            assert_eq!(r.root_cause.analysis, "");
        },
    },
    Expect {
        file: "004-clean-backbone-withdrawal.md",
        template: Some("004"),
        title: "Backbone withdrawal disconnects all data centres",
        id: "INC-2021-1004",
        severity: "P1",
        date: "2021-10-04",
        duration: "6 hours",
        timeline: (7, "15:39", "22:30"),
        actions: 3,
        no_owner: &[],
        whys: 5,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            let kinds: Vec<Option<EventKind>> = r.timeline.entries.iter().map(|e| e.kind).collect();
            assert_eq!(kinds[0], Some(EventKind::Detected));
            assert_eq!(kinds[6], Some(EventKind::Monitoring));
            assert_eq!(
                r.timeline.entries[0].event,
                "Global traffic drops to zero; alerts fire"
            );
            assert_eq!(r.appendix.logs.len(), 1);
            assert!(r.appendix.logs[0].starts_with("15:39:12 bgp"));
            assert_eq!(r.impact.total_downtime, "6 hours");
            assert_eq!(r.impact.description, "No user could reach any of our apps");
        },
    },
    Expect {
        file: "004-messy-toml-deletion-script.md",
        template: Some("004"),
        title: "Sites deleted by a maintenance script",
        id: "INC-2022-0405",
        severity: "Critical",
        date: "5 Apr 2022",
        duration: "10 days 19 hours 51 minutes",
        timeline: (4, "Apr 5 07:38", "Apr 16 03:29"),
        actions: 3,
        no_owner: &[1],
        whys: 2,
        placeholders: &[
            "meta.responders",
            "timeline",
            "timeline",
            "action_items[1].owner",
        ],
        unmapped: &[
            ("Support backlog", "impact.extra[0]"),
            ("Customer Communications", "extra_sections[0]"),
        ],
        extra: |i| {
            // The title comes from TOML front matter: the heading is the template's own.
            let r = &i.report;
            assert_eq!(r.root_cause.whys[0].why, "Why were sites deleted?");
            assert_eq!(
                r.root_cause.whys[0].because,
                "the script was given site IDs"
            );
            assert_eq!(r.meta.author, "Customer trust");
        },
    },
    Expect {
        file: "004-messy-shifted-router-config.md",
        template: Some("004"),
        title: "Router configuration error sends traffic to one location",
        id: "INC-2020-0717",
        severity: "SEV 1",
        date: "2020-07-17",
        duration: "27 minutes",
        timeline: (4, "21:12", "22:09"),
        actions: 2,
        no_owner: &[1],
        whys: 2,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            // Every heading one level down; action items split by horizon in seed 004.
            let r = &i.report;
            assert_eq!(r.action_items[1].horizon, Some(Horizon::LongTerm));
            assert_eq!(r.timeline.entries[3].owner, "Sofia Marin");
            assert_eq!(r.timeline.entries[2].kind, Some(EventKind::Detected));
        },
    },
    // Other editors' Markdown: a Google Docs export (escaped dashes and numbering, closed
    // ATX headings, `__bold__` keys, a non-breaking space).
    Expect {
        file: "003-clean-gdocs-stream-threads.md",
        template: Some("003"),
        title: "Stream front end runs out of threads after a capacity addition",
        id: "INC-2020-1125",
        severity: "P0",
        date: "",
        duration: "17 hours 8 minutes",
        timeline: (5, "2020-11-25 12:44", "2020-11-26 06:23"),
        actions: 3,
        no_owner: &[],
        whys: 0,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(r.meta.start, "2020-11-25 13:15");
            assert_eq!(r.meta.end, "2020-11-26 06:23");
            assert_eq!(r.meta.responders, "Stream front-end team, Metrics team");
            assert_eq!(
                r.impact.description,
                "Producers could not write to streams in one region; dependent metrics and events were delayed."
            );
            assert_eq!(r.timeline.entries[0].owner, "Stream front-end team");
            assert_eq!(
                r.action_items[0].action,
                "Move front-end servers to larger hosts with fewer peers"
            );
            assert_eq!(r.detection.method, "Error-rate alarms on put requests");
            assert_no_editor_residue(i);
        },
    },
    // A Confluence export: CRLF and bare LF mixed, a headerless property table with `<br>`
    // in a cell, non-breaking spaces, emoji and a trailing colon in headings, a `> **Note**`
    // panel, and the Five Whys folded in `<details>`.
    Expect {
        file: "004-clean-confluence-dns-flood.md",
        template: Some("004"),
        title: "Managed DNS overwhelmed by a botnet flood",
        id: "INC-2016-1021",
        severity: "P1",
        date: "2016-10-21",
        duration: "5 hours 50 minutes",
        timeline: (5, "11:10", "17:00"),
        actions: 3,
        no_owner: &[],
        whys: 5,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(
                r.meta.services,
                ["Managed DNS", "Customer dashboards", "Resolver network"]
            );
            assert_eq!(r.meta.incident_commander, "Naledi Khumalo");
            assert!(r.summary.executive.starts_with("A flood of DNS queries"));
            assert!(r.summary.executive.ends_with("absorbed the attack."));
            assert_eq!(
                r.root_cause.whys[0].why,
                "Why did customer sites fail to resolve?"
            );
            assert!(r.root_cause.whys[4]
                .because
                .starts_with("the filters matched sources"));
            assert!(r.root_cause.statement.starts_with("Edge filtering keyed"));
            assert_eq!(r.timeline.entries[4].kind, Some(EventKind::Resolved));
            assert_eq!(r.appendix.logs.len(), 1);
            assert_no_editor_residue(i);
        },
    },
    // A layout of its own: the Google SRE book's sections (Root Causes, Trigger, Where we
    // got lucky, Supporting information…), read by their names into the model.
    Expect {
        file: "custom-sre-book-ca-recheck.md",
        template: None,
        title: "Certificate authority revokes certificates after a skipped domain recheck",
        id: "",
        severity: "SEV1",
        date: "2020-02-29",
        duration: "",
        timeline: (5, "2020-02-28 21:32", "2020-02-29 03:10"),
        actions: 3,
        no_owner: &[],
        whys: 0,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert!(i
                .warnings
                .iter()
                .any(|w| w.message.starts_with("follows no template; closest: 000")));
            assert_eq!(r.template, "000");
            assert_eq!(r.meta.author, "Grace Okafor, Daniel Weiss");
            assert!(r
                .summary
                .summary
                .starts_with("A bug in our issuance service"));
            assert!(r
                .impact
                .description
                .starts_with("- About 3 million certificates"));
            assert!(r
                .root_cause
                .statement
                .starts_with("A loop in the recheck code"));
            assert!(r
                .root_cause
                .trigger
                .starts_with("A report from a subscriber"));
            assert!(r
                .resolution
                .immediate_fix
                .starts_with("We deployed a fixed recheck"));
            assert!(r.detection.method.starts_with("A subscriber's report"));
            assert_eq!(r.went_well.len(), 1);
            assert_eq!(
                r.could_improve,
                ["Unit tests only covered orders with one domain"]
            );
            assert_eq!(r.got_lucky.len(), 1);
            assert_eq!(r.appendix.dashboards.len(), 1);
            assert!(r.extra_sections.is_empty());
            let a = &r.action_items[0];
            assert_eq!((a.tracking.as_str(), a.status.as_str()), ("CA-311", "DONE"));
            assert_eq!(a.category, Some(Category::Prevent));
            assert_eq!(r.action_items[1].category, Some(Category::Detect));
        },
    },
    // An incident.io-style export: a blank-header property table with key timestamps,
    // "INC-4821: title", rows with seconds and a "·" separator under a bold date line,
    // GitHub task lists with "(@owner, due …, P1)" and "— Owner: …, Due: …" fields.
    Expect {
        file: "000-export-incident-io-api-errors.md",
        template: Some("000"),
        title: "Elevated API errors after a connection pool change",
        id: "INC-4821",
        severity: "Critical",
        date: "",
        duration: "",
        timeline: (6, "2024-05-14 13:52:40", "2024-05-14 15:06:30"),
        actions: 3,
        no_owner: &[],
        whys: 5,
        placeholders: &[],
        unmapped: &[("Identified at", "meta.extra[0]")],
        extra: |i| {
            let r = &i.report;
            assert_eq!(r.meta.start, "2024-05-14 13:58 UTC");
            assert_eq!(r.meta.end, "2024-05-14 15:06 UTC");
            assert_eq!(r.meta.incident_commander, "Maria Alves");
            assert_eq!(r.detection.method, "Error-rate alert on the EU API");
            assert!(r
                .impact
                .description
                .starts_with("Around 21% of API requests"));
            assert_eq!(r.timeline.entries[2].kind, Some(EventKind::Detected));
            assert_eq!(
                r.timeline.entries[0].event,
                "Pool size change deployed to the EU API fleet"
            );
            let a = &r.action_items;
            assert_eq!(
                (
                    a[0].owner.as_str(),
                    a[0].due.as_str(),
                    a[0].priority.as_str()
                ),
                ("@maria", "2024-06-01", "P1")
            );
            assert_eq!(a[1].action, "Alert on connection wait time above 200 ms");
            assert_eq!(
                (
                    a[1].owner.as_str(),
                    a[1].tracking.as_str(),
                    a[1].status.as_str()
                ),
                ("@sre-team", "API-2207", "DONE")
            );
            assert_eq!(
                (
                    a[2].owner.as_str(),
                    a[2].due.as_str(),
                    a[2].priority.as_str()
                ),
                ("Performance team", "2024-06-15", "P2")
            );
            assert_eq!(a[2].status, "");
        },
    },
    // A well-kept incident.io-style export (zero findings; its key timestamps are kept as
    // details rows, so not "-clean-"): details table with key timestamps, a bold date
    // line over the timeline, task-list follow-ups with tickets. Nothing to report.
    Expect {
        file: "000-export-incident-io-queue-backlog.md",
        template: Some("000"),
        title: "Delayed order emails after a queue consumer upgrade",
        id: "INC-5310",
        severity: "Critical",
        date: "",
        duration: "",
        timeline: (6, "2024-09-03 07:58:10", "2024-09-03 09:30:40"),
        actions: 3,
        no_owner: &[],
        whys: 5,
        placeholders: &[],
        unmapped: &[
            ("Reported at", "meta.extra[0]"),
            ("Identified at", "meta.extra[1]"),
        ],
        extra: |i| {
            let r = &i.report;
            // "Postmortem owner" is the author; the key timestamps are metadata.
            assert_eq!(r.meta.author, "Aiko Tanaka");
            assert_eq!(r.meta.incident_commander, "Tomás Reyes");
            assert_eq!(r.meta.start, "2024-09-03 08:12 UTC");
            assert_eq!(r.meta.end, "2024-09-03 09:30 UTC");
            assert!(r
                .timeline
                .entries
                .iter()
                .all(|e| !e.event.contains("Reported at")));
            // No row names the detection: "Reported at" (08:19) gives it, from the stated
            // impact start (08:12).
            let m = hindsight_core::metrics::compute(r);
            assert_eq!(m.time_to_detect, Some(chrono::TimeDelta::minutes(7)));
            assert_eq!(r.action_items[2].tracking, "MAIL-414");
            assert_eq!(r.action_items[2].owner, "Messaging team");
        },
    },
    // A wiki page in seed 000's layout: an IANA zone across the night clocks went back
    // (the wall clock repeats 02:30), "Sev 2", "1h30"-style duration, a Why | Because
    // table, task-list action items with their fields, template-engine and angle-bracket
    // placeholders, and a customer's quoted words.
    Expect {
        file: "000-messy-wiki-dst-fallback.md",
        template: Some("000"),
        title: "Nightly settlement ran twice when clocks went back",
        id: "",
        severity: "Sev 2",
        date: "2023-10-29",
        duration: "2h30",
        timeline: (6, "2023-10-29 02:30", "2023-10-29 04:00"),
        actions: 3,
        no_owner: &[],
        whys: 5,
        placeholders: &["meta.attendees", "detection.method"],
        unmapped: &[("Notes on 7. Response", "extra_sections[0]")],
        extra: |i| {
            let r = &i.report;
            assert_eq!(r.meta.timezone, "Europe/Berlin");
            assert_eq!(
                Severity::parse(&r.meta.severity, Scale::Sev).map(|s| s.level),
                Some(2)
            );
            assert_eq!(
                time::parse_duration(&r.meta.duration).map(|d| d.num_minutes()),
                Some(150)
            );
            // The repeated 02:30 is an hour after the first: the rows are in order and the
            // incident lasted 2 h 30 min of real time, not the 1 h 30 min the wall shows.
            let t = time::resolve_report_timeline(r);
            let at: Vec<_> = t.at.iter().flatten().collect();
            assert_eq!(at.len(), 6);
            assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
            assert_eq!((*at[2] - *at[0]).num_minutes(), 60);
            let m = metrics::compute(r);
            assert_eq!(m.total_duration.map(|d| d.num_minutes()), Some(150));
            assert_eq!(
                r.root_cause.whys[2].because,
                "Clocks went back from 03:00 to 02:00 that night."
            );
            assert!(r
                .root_cause
                .statement
                .starts_with("A job scheduled in local time"));
            assert_eq!(
                r.detection.method,
                "The reconciliation alert fired 16 minutes after the second run started."
            );
            let a = &r.action_items;
            assert_eq!(
                (a[0].status.as_str(), a[0].priority.as_str()),
                ("Done", "P1")
            );
            assert_eq!(
                (
                    a[1].owner.as_str(),
                    a[1].tracking.as_str(),
                    a[1].due.as_str()
                ),
                ("Payments team", "PAY-412", "2023-11-17")
            );
            assert_eq!(a[2].owner, "@aylin");
        },
    },
    // A Notion export in seed 003's layout: property lines under an emoji title, emoji in
    // every heading, an <aside> callout, 12-hour Pacific times in the timeline, "S2", a
    // 5 Whys sub-list under the 003 bullet, task-list action items.
    Expect {
        file: "003-messy-notion-dns-ttl.md",
        template: Some("003"),
        title: "Internal DNS records expired during a zone migration",
        id: "INC-2022-0614",
        severity: "S2",
        date: "",
        duration: "1.5 hours",
        timeline: (5, "2:05 PM PDT", "3:35 PM PDT"),
        actions: 3,
        no_owner: &[],
        whys: 2,
        placeholders: &[],
        unmapped: &[("Notes on 1. Incident Summary 📝", "extra_sections[0]")],
        extra: |i| {
            let r = &i.report;
            assert_eq!(r.meta.status, "Resolved");
            assert_eq!(r.meta.incident_commander, "Keiko Tanaka");
            assert_eq!(
                Severity::parse(&r.meta.severity, Scale::PZero).map(|s| (s.level, s.spoken())),
                Some((2, "S2".to_string()))
            );
            // The <aside> wrapper is gone; its text is kept as written.
            assert!(r.extra_sections[0]
                .body
                .starts_with("💡 Written from the incident channel"));
            assert!(!r.extra_sections[0].body.contains("aside"));
            // 2:05 PM PDT is the stated 21:05 UTC start; 3:35 PM PDT the 22:35 end.
            let t = time::resolve_report_timeline(r);
            let first = t.first().map(|d| d.naive_utc().to_string());
            let last = t.last().map(|d| d.naive_utc().to_string());
            assert_eq!(first.as_deref(), Some("2022-06-14 21:05:00"));
            assert_eq!(last.as_deref(), Some("2022-06-14 22:35:00"));
            assert_eq!(
                r.root_cause.whys[1].because,
                "their records were missing from the new zone."
            );
            assert_eq!(r.contributing_factors.items.len(), 2);
            let a = &r.action_items;
            assert_eq!(
                (a[1].tracking.as_str(), a[1].status.as_str()),
                ("NET-77", "DONE")
            );
            assert_eq!(
                (a[2].owner.as_str(), a[2].priority.as_str()),
                ("@build-infra", "P2")
            );
        },
    },
    // A FireHydrant-style export in its own layout: a blank-header property table with
    // ISO 8601 times with offsets, `<br>` in a cell and a tool's own "Milestones" row; a
    // "Description" section; follow-ups as a tracker table (Summary | Assignee | Deadline |
    // Link, "WEB-1422 DONE"); a "Retrospective" holding question headings.
    Expect {
        file: "custom-firehydrant-cache-stampede.md",
        template: None,
        title: "Origin overload after a full CDN purge",
        id: "",
        severity: "SEV-2",
        date: "",
        duration: "",
        timeline: (4, "2023-11-08T04:05:00+11:00", "2023-11-08T05:20:00+11:00"),
        actions: 2,
        no_owner: &[],
        whys: 0,
        placeholders: &[],
        unmapped: &[("Milestones", "meta.extra[0]")],
        extra: |i| {
            let r = &i.report;
            assert_eq!(own_notice(i), Some("000"));
            assert_eq!(
                i.unmapped[0].note(),
                "Kept “Milestones” as a row of the report details."
            );
            assert_eq!(r.meta.start, "2023-11-08T04:05:00+11:00");
            assert_eq!(r.meta.end, "2023-11-08T05:20:00+11:00");
            assert_eq!(r.meta.services, ["Storefront", "Image service"]);
            assert_eq!(r.meta.incident_commander, "Tomás Herrera");
            assert_eq!(
                Severity::parse(&r.meta.severity, Scale::Sev).map(|s| s.level),
                Some(2)
            );
            assert!(r.summary.summary.starts_with("A script meant to purge"));
            assert!(r.impact.description.starts_with("Product pages loaded"));
            assert_eq!(r.contributing_factors.items.len(), 2);
            let a = &r.action_items;
            assert_eq!(
                a[0].action,
                "Refuse an empty product id in the purge script"
            );
            assert_eq!(
                (
                    a[0].tracking.as_str(),
                    a[0].status.as_str(),
                    a[0].due.as_str()
                ),
                ("WEB-1422", "DONE", "2023-11-15")
            );
            assert_eq!(a[1].owner, "@platform-team");
            assert_eq!(r.went_well.len(), 1);
            assert_eq!(r.could_improve.len(), 1);
            // Offsets are real: 04:05+11:00 to 05:20+11:00 is 75 minutes.
            let m = metrics::compute(r);
            assert_eq!(m.total_duration.map(|d| d.num_minutes()), Some(75));
            assert_eq!(
                headings(i),
                [
                    "Description",
                    "Customer Impact",
                    "Contributing Factors",
                    "Timeline",
                    "Follow-ups",
                    "Retrospective",
                    "What went well?",
                    "What didn't go well?"
                ]
            );
        },
    },
    // A narrative write-up (Jeli-style) in its own layout: plain bold key lines, an IANA
    // zone across the spring daylight-saving change, "15h 25m", `- **date time** event`
    // key events, a "Themes" section no template has, "Owner:" / "Due:" labelled items.
    Expect {
        file: "custom-jeli-narrative-search.md",
        template: None,
        title: "Search results went stale while the index rebuild stalled",
        id: "",
        severity: "High",
        date: "",
        duration: "15h 25m",
        timeline: (5, "2024-03-09 17:40", "2024-03-10 10:05"),
        actions: 2,
        no_owner: &[],
        whys: 0,
        placeholders: &[],
        unmapped: &[("Themes", "extra_sections[0]")],
        extra: |i| {
            let r = &i.report;
            assert_eq!(own_notice(i), Some("002"));
            assert_eq!(i.unmapped[0].note(), "Kept “Themes” as its own section.");
            assert!(r.extra_sections[0]
                .body
                .starts_with("The rebuild was treated"));
            assert_eq!(r.meta.timezone, "US/Pacific");
            assert_eq!(r.meta.author, "Search team");
            // 17:40 to 10:05 on the wall, but clocks sprang forward at 02:00: 15 h 25 min.
            let m = metrics::compute(r);
            assert_eq!(
                m.total_duration.map(|d| d.num_minutes()),
                Some(15 * 60 + 25)
            );
            assert_eq!(
                time::parse_duration(&r.meta.duration).map(|d| d.num_minutes()),
                Some(15 * 60 + 25)
            );
            assert_eq!(
                r.timeline.entries[2].event,
                "Merchants report that new products are missing from search"
            );
            assert!(r.summary.summary.starts_with("A routine rebuild"));
            assert_eq!(r.got_lucky.len(), 1);
            let a = &r.action_items;
            assert_eq!(
                (a[0].owner.as_str(), a[0].due.as_str()),
                ("Search team", "2024-03-22")
            );
            assert_eq!(
                a[0].action,
                "Alert when a rebuild has not finished six hours after it started"
            );
            assert_eq!(
                (a[1].owner.as_str(), a[1].due.as_str()),
                ("@ines", "2024-03-29")
            );
            assert_eq!(
                headings(i),
                [
                    "Overview",
                    "Key events",
                    "Themes",
                    "Where we got lucky",
                    "Action items"
                ]
            );
        },
    },
    // Confluence's post-incident review page in its own layout: page properties with
    // "Priority 1 (Urgent)", "Incident summary" as prose, the page's own "Leadup" and
    // "Fault" sections, a numbered Five Whys, corrective actions with Ticket and Priority.
    Expect {
        file: "custom-atlassian-pir-payments.md",
        template: None,
        title: "Card payments declined after a certificate rotation",
        id: "PAY-INC-88",
        severity: "Priority 1 (Urgent)",
        date: "2022-08-17",
        duration: "",
        timeline: (4, "10:02", "10:44"),
        actions: 2,
        no_owner: &[],
        whys: 5,
        placeholders: &[],
        unmapped: &[
            ("Leadup", "extra_sections[0]"),
            ("Fault", "extra_sections[1]"),
        ],
        extra: |i| {
            let r = &i.report;
            assert_eq!(own_notice(i), Some("000"));
            assert_eq!(
                Severity::parse(&r.meta.severity, Scale::Sev).map(|s| s.level),
                Some(1)
            );
            assert!(r.summary.summary.starts_with("For 42 minutes"));
            assert!(r.extra_sections[1].body.starts_with("The gateway pins"));
            assert!(r.root_cause.statement.starts_with("A pinned certificate"));
            assert_eq!(
                r.root_cause.whys[4].because,
                "it had no owner after a team change."
            );
            assert!(r
                .detection
                .method
                .starts_with("The payment success-rate alert"));
            let a = &r.action_items;
            assert_eq!(
                (a[0].priority.as_str(), a[0].tracking.as_str()),
                ("P1", "PAY-301")
            );
            assert_eq!(a[1].owner, "Payments team");
            let m = metrics::compute(r);
            assert_eq!(m.total_duration.map(|d| d.num_minutes()), Some(42));
            assert_eq!(
                headings(i),
                [
                    "Incident summary",
                    "Leadup",
                    "Fault",
                    "Impact",
                    "Detection",
                    "Timeline",
                    "Five whys",
                    "Root cause",
                    "Corrective actions"
                ]
            );
        },
    },
    // The Google SRE book layout exported from Google Docs: CRLF, closed ATX headings,
    // `__bold__` keys, backslash escapes (`\-`, `\.`, `\[x\]`), "sev\-2", and a timeline of
    // 12-hour clocks under escaped date lines that crosses New Year.
    Expect {
        file: "custom-gdocs-sre-book-leap-second.md",
        template: None,
        title: "Leap second stalls the job scheduler",
        id: "",
        severity: "sev-2",
        date: "2016-12-31",
        duration: "",
        timeline: (4, "2016-12-31 11:59 PM UTC", "2017-01-01 12:37 AM UTC"),
        actions: 2,
        no_owner: &[],
        whys: 0,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(own_notice(i), Some("000"));
            assert_eq!(r.meta.author, "Lukas Brandt, Mei Chen");
            assert_eq!(
                Severity::parse(&r.meta.severity, Scale::Sev).map(|s| s.level),
                Some(2)
            );
            assert!(r.impact.description.ends_with("none was lost."));
            assert!(r.root_cause.trigger.starts_with("The leap second inserted"));
            assert!(r
                .resolution
                .immediate_fix
                .starts_with("Restarted the scheduler"));
            assert_eq!(
                r.timeline.entries[1].event,
                "Queue-depth alert pages on-call"
            );
            let a = &r.action_items;
            assert_eq!(
                (a[0].status.as_str(), a[0].owner.as_str(), a[0].due.as_str()),
                ("Done", "@lukas", "2017-01-13")
            );
            assert_eq!(a[1].status, "");
            assert_eq!(
                (r.went_well.len(), r.could_improve.len(), r.got_lucky.len()),
                (1, 1, 1)
            );
            // 11:59 PM on 31 December to 12:37 AM on 1 January: 38 minutes, in order.
            let m = metrics::compute(r);
            assert_eq!(m.total_duration.map(|d| d.num_minutes()), Some(38));
            assert_no_editor_residue(i);
            assert_eq!(headings(i).len(), 12);
            assert_eq!(headings(i)[2], "Root Causes");
        },
    },
    // A wiki page in its own layout: a timeline under bold date lines that crosses the
    // year, "2 days 4 h", an executive summary, task-list remediation with "(@owner, due
    // …)", and supporting information.
    Expect {
        file: "custom-wiki-year-boundary-certs.md",
        template: None,
        title: "Internal certificates expired over New Year",
        id: "",
        severity: "S3",
        date: "2023-12-31",
        duration: "2 days 4 h",
        timeline: (5, "2023-12-31 23:40", "2024-01-03 03:40"),
        actions: 2,
        no_owner: &[],
        whys: 0,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(own_notice(i), Some("004"));
            assert_eq!(
                time::parse_duration(&r.meta.duration).map(|d| d.num_hours()),
                Some(52)
            );
            let m = metrics::compute(r);
            assert_eq!(m.total_duration.map(|d| d.num_hours()), Some(52));
            assert!(r
                .summary
                .executive
                .starts_with("The internal certificate authority"));
            assert!(r
                .root_cause
                .trigger
                .starts_with("Routine certificate renewals"));
            assert_eq!(r.timeline.entries[2].time, "2024-01-01 00:20");
            let a = &r.action_items;
            assert_eq!(
                (a[0].owner.as_str(), a[0].due.as_str()),
                ("@sec-eng", "2024-01-31")
            );
            assert_eq!(
                a[1].action,
                "Put the CA's own certificates in the renewal inventory"
            );
            assert_eq!(r.appendix.dashboards.len(), 1);
            assert_eq!(
                headings(i),
                [
                    "Executive summary",
                    "Customer impact",
                    "Timeline",
                    "Trigger",
                    "Remediation",
                    "Supporting information"
                ]
            );
        },
    },
    // A GitLab incident issue in its own layout: key bullets inside the Summary, a
    // timeline table with separate Date and Time columns and seconds, bold **Why** /
    // **Because** pairs inside `<details>`, a DRI | Target date | Issue table with
    // "INFRA-8812 DONE", and "What can be improved".
    Expect {
        file: "custom-gitlab-issue-runner-queue.md",
        template: None,
        title: "CI jobs queued for hours after a runner autoscaler change",
        id: "",
        severity: "S2",
        date: "",
        duration: "",
        timeline: (5, "2022-02-14 13:00:00", "2022-02-14 16:05:30"),
        actions: 2,
        no_owner: &[],
        whys: 2,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(own_notice(i), Some("000"));
            assert_eq!(r.meta.services, ["CI runners", "Merge pipelines"]);
            assert_eq!(r.meta.incident_commander, "Rohan Mehta");
            assert_eq!(r.detection.time_to_detect, "22 minutes");
            assert!(r
                .summary
                .summary
                .starts_with("A change to the runner autoscaler"));
            // The date column dates the time; nothing is appended to the event.
            assert_eq!(r.timeline.entries[1].event, "Queue-duration alert fires");
            assert_eq!(r.root_cause.whys[0].why, "Why did jobs queue?");
            assert_eq!(
                r.root_cause.whys[1].because,
                "the total machine limit was far below demand."
            );
            let a = &r.action_items;
            assert_eq!(
                (
                    a[0].owner.as_str(),
                    a[0].tracking.as_str(),
                    a[0].status.as_str()
                ),
                ("Rohan Mehta", "INFRA-8812", "DONE")
            );
            assert_eq!(
                (a[1].owner.as_str(), a[1].due.as_str()),
                ("SRE team", "2022-03-08")
            );
            assert_eq!(r.could_improve.len(), 1);
            assert_eq!(
                metrics::compute(r).total_duration.map(|d| d.num_seconds()),
                Some(3 * 3600 + 5 * 60 + 30)
            );
            assert_no_editor_residue(i);
        },
    },
    // A Notion database page close to seed 000: plain "Key: value" properties, emoji in
    // every heading, a `> **Note**` callout read as the section's text, a timeline across
    // the night clocks went back in Europe/Berlin (02:15 after 02:50 is in order), "Why 1:
    // … Because …" items inside `<details>`, "Owner:" / "Due:" follow-ups.
    Expect {
        file: "000-messy-notion-db-login.md",
        template: Some("000"),
        title: "🔐 Login failures after an identity provider timeout change",
        id: "",
        severity: "Critical",
        date: "2024-10-27",
        duration: "",
        timeline: (4, "02:30", "03:00"),
        actions: 2,
        no_owner: &[],
        whys: 3,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(r.layout, None);
            assert_eq!(r.meta.status, "Resolved");
            assert_eq!(r.meta.timezone, "Europe/Berlin");
            assert_eq!(
                Severity::parse(&r.meta.severity, Scale::Sev).map(|s| s.level),
                Some(1)
            );
            assert!(r.impact.description.ends_with(
                "Sign-ins through the mobile app kept working: it caches sessions for a week."
            ));
            assert_eq!(r.root_cause.whys[0].why, "Why were sign-ins refused?");
            assert_eq!(
                r.root_cause.whys[2].because,
                "a load test at night showed calls under 200 ms."
            );
            let t = time::resolve_report_timeline(r);
            let at: Vec<_> = t.at.iter().flatten().collect();
            assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
            let m = metrics::compute(r);
            assert_eq!(m.total_duration.map(|d| d.num_minutes()), Some(90));
            let a = &r.action_items;
            assert_eq!(
                (a[0].owner.as_str(), a[0].due.as_str()),
                ("@identity-team", "2024-11-08")
            );
            assert_eq!(a[1].owner, "Dana Kim");
            assert_no_editor_residue(i);
        },
    },
    // A public status-page write-up close to seed 001: "Major", an IANA zone, 12-hour
    // times that cross midnight ("11:58 PM" then "12:30 AM"), labelled remediation items.
    Expect {
        file: "001-messy-status-page-dns.md",
        template: Some("001"),
        title: "Website unreachable after DNS provider migration",
        id: "",
        severity: "Major",
        date: "2019-11-02",
        duration: "",
        timeline: (4, "9:40 PM", "12:30 AM"),
        actions: 2,
        no_owner: &[],
        whys: 0,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(r.meta.timezone, "America/Los_Angeles");
            assert_eq!(
                Severity::parse(&r.meta.severity, Scale::Sev).map(|s| s.level),
                Some(2)
            );
            assert!(r
                .root_cause
                .what_happened
                .starts_with("While moving our DNS zone"));
            assert!(r
                .root_cause
                .statement
                .starts_with("The import script skipped"));
            let t = time::resolve_report_timeline(r);
            let last = t.last().map(|d| d.naive_utc().to_string());
            // 12:30 AM Pacific daylight time on 3 November is 07:30 UTC.
            assert_eq!(last.as_deref(), Some("2019-11-03 07:30:00"));
            let m = metrics::compute(r);
            assert_eq!(m.total_duration.map(|d| d.num_minutes()), Some(170));
            assert_eq!(
                (
                    r.action_items[0].owner.as_str(),
                    r.action_items[0].due.as_str()
                ),
                ("DNS team", "2019-11-15")
            );
        },
    },
    // An engineer's own notes close to seed 002: Setext headings, one "·"-separated line
    // of details, "75:48" (hours over 24), a Why | Because table, "How we fixed it" and
    // "What we will do" read by name.
    Expect {
        file: "002-messy-engineer-notes-kafka.md",
        template: Some("002"),
        title: "Consumer group stuck rebalancing after a broker upgrade",
        id: "",
        severity: "P2",
        date: "2021-05-12",
        duration: "75:48",
        timeline: (4, "2021-05-09 08:10", "2021-05-12 11:58"),
        actions: 2,
        no_owner: &[],
        whys: 5,
        placeholders: &[],
        unmapped: &[],
        extra: |i| {
            let r = &i.report;
            assert_eq!(r.meta.author, "Femi Adeyemi");
            assert_eq!(
                time::parse_duration(&r.meta.duration).map(|d| d.num_minutes()),
                Some(75 * 60 + 48)
            );
            let m = metrics::compute(r);
            assert_eq!(
                m.total_duration.map(|d| d.num_minutes()),
                Some(75 * 60 + 48)
            );
            assert_eq!(
                r.root_cause.whys[4].because,
                "No checklist covers client settings for a broker upgrade."
            );
            assert!(r
                .resolution
                .immediate_fix
                .starts_with("We set the poll interval"));
            assert!(r
                .root_cause
                .what_happened
                .starts_with("After a rolling broker upgrade"));
            let a = &r.action_items;
            assert_eq!(
                (a[1].owner.as_str(), a[1].due.as_str()),
                ("@streaming-team", "2021-06-04")
            );
        },
    },
];

/// The template a "follows no template" notice names as the closest, if there is one.
fn own_notice(i: &Imported) -> Option<&str> {
    i.warnings.iter().find_map(|w| {
        let rest = w.message.strip_prefix("follows no template; closest: ")?;
        assert!(
            w.message.contains("Kept in its own layout"),
            "{}",
            w.message
        );
        rest.get(..3)
    })
}

/// The headings of a document kept in its own layout, in order.
fn headings(i: &Imported) -> Vec<&str> {
    i.report
        .layout
        .as_ref()
        .map(|l| l.sections.iter().map(|s| s.heading.as_str()).collect())
        .unwrap_or_default()
}

/// No value keeps a carriage return, a non-breaking or zero-width space, a backslash
/// escape or an HTML tag an editor wrapped around the text.
fn assert_no_editor_residue(i: &Imported) {
    let json = to_json(&i.report);
    for bad in [
        "\\r", "\\u00a0", "\u{a0}", "\u{200b}", "\\\\", "<br", "<details", "<summary", "&nbsp;",
    ] {
        assert!(!json.contains(bad), "{bad} in {json}");
    }
}

#[test]
fn every_fixture_imports_its_facts() {
    for e in FIXTURES {
        check(e);
    }
}

#[test]
fn every_fixture_file_is_checked() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|n| n.ends_with(".md"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut listed: Vec<String> = FIXTURES.iter().map(|e| e.file.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed);
    for seed in ["000", "001", "002", "003", "004"] {
        let n = files.iter().filter(|f| f.starts_with(seed)).count();
        assert!(n >= 3, "seed {seed} has {n} fixtures");
    }
}

#[test]
fn every_fixture_survives_export_and_reimport() {
    for e in FIXTURES {
        let imp = load(e.file);
        let id = imp.report.template.clone();
        let cycle = |r: &Report| parse_markdown(&to_markdown(r, &MarkdownOptions::default()));
        let once = cycle(&imp.report);
        // Placeholders are notes about the source, not content; extra-section bodies are
        // Markdown the exporter normalises once. Everything else comes back as it was.
        let mut want = imp.report.clone();
        want.placeholders.clear();
        // Written in a template, a document in its own layout takes the template's.
        want.layout = None;
        for (w, g) in want
            .extra_sections
            .iter_mut()
            .zip(&once.report.extra_sections)
        {
            w.body = g.body.clone();
        }
        assert_eq!(once.report, want, "{}", e.file);
        assert_eq!(once.template.as_deref(), Some(id.as_str()), "{}", e.file);
        assert_eq!(
            cycle(&once.report).report,
            once.report,
            "{}: second cycle",
            e.file
        );
    }
}

#[test]
fn every_fixture_converts_to_every_template_without_loss() {
    for e in FIXTURES {
        let imp = load(e.file);
        for target in ["000", "001", "002", "003", "004"] {
            let mut r = imp.report.clone();
            templates::switch_template(&mut r, target);
            let md = to_markdown(&r, &MarkdownOptions::default());
            let back = parse_markdown(&md).report;
            assert_eq!(
                back.timeline.entries.len(),
                r.timeline.entries.len(),
                "{} → {target}",
                e.file
            );
            assert_eq!(
                back.action_items.len(),
                r.action_items.len(),
                "{} → {target}",
                e.file
            );
            assert_eq!(
                back.root_cause.whys.len(),
                r.root_cause.whys.len(),
                "{} → {target}",
                e.file
            );
            assert_eq!(back.meta.title, r.meta.title, "{} → {target}", e.file);
            assert_eq!(back.meta.severity, r.meta.severity, "{} → {target}", e.file);
            assert_eq!(
                back.extra_sections.len(),
                r.extra_sections.len(),
                "{} → {target}",
                e.file
            );
        }
    }
}
