//! Timeline sources end to end: every parser on fixtures written from the public format
//! documentation (bots, joins, edits, threads, emoji, mentions, epoch and ISO times,
//! zones), detection by content, malformed and truncated input, 50,000 Slack messages,
//! and merging kept rows into a report.
#![cfg(feature = "read")]

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use hindsight_core::sources::{
    candidates, detect, merge, metric_origins, parse, Candidate, Duplicate, Format, Metric,
    Options, Parsed, SkipReason, Source, SourceError,
};
use hindsight_core::{EventKind, Report, TimelineEntry};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/sources/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("test time")
        .with_timezone(&Utc)
}

fn nov13() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2023, 11, 13)
}

fn read(name: &str, options: &Options) -> Parsed {
    parse(&fixture(name), options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn row<'a>(p: &'a Parsed, text_start: &str) -> &'a Candidate {
    p.rows
        .iter()
        .find(|r| r.text.starts_with(text_start))
        .unwrap_or_else(|| panic!("no row starting {text_start:?} in {:#?}", p.rows))
}

fn reasons(p: &Parsed) -> Vec<&SkipReason> {
    p.skipped.iter().map(|s| &s.reason).collect()
}

#[test]
fn detection_picks_every_fixture_by_content() {
    let cases = [
        ("slack-inc-4127-2023-11-13.json", Format::SlackDay),
        ("slack-export-acme.zip", Format::SlackExport),
        ("slack-paste.txt", Format::SlackPaste),
        ("pagerduty-log-entries.json", Format::PagerDutyLog),
        ("opsgenie-alert-logs.json", Format::OpsgenieAlertLog),
        ("opsgenie-incident-timeline.json", Format::OpsgenieTimeline),
        ("statuspage-incident.json", Format::StatuspageIncident),
        ("grafana-annotations.json", Format::GrafanaAnnotations),
        ("timeline.csv", Format::Table),
        ("timeline.tsv", Format::Table),
        ("lines.txt", Format::PlainLines),
    ];
    for (name, format) in cases {
        assert_eq!(detect(&fixture(name)), Some(format), "{name}");
    }
    assert_eq!(detect(b"hello world"), None);
    assert_eq!(detect(b""), None);
}

#[test]
fn slack_day_file() {
    let p = read("slack-inc-4127-2023-11-13.json", &Options::default());
    assert_eq!(p.format, Format::SlackDay);
    let texts: Vec<&str> = p.rows.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Triggered #4127: High 5xx rate on checkout-api",
            "@here checkout-api is returning 503s, declared SEV2. Dashboard: checkout errors (https://grafana.example.com/d/chk/checkout?orgId=1&from=now-1h)",
            "looking into it, @Priya Raman the deploy at 09:30 is suspect",
            "thanks all :pray:",
            "connection pool exhausted on db-primary :fire: p99 > 2s",
            "[file: pool saturation]",
            "rolled back checkout-api to v2.14.1 :rewind:",
            "error rate back to normal, watching for 15 min",
            "Incident resolved, post-mortem to follow in #postmortems",
        ],
        "thread replies follow their parent"
    );
    let bot = row(&p, "Triggered");
    assert_eq!(bot.who, "PagerDuty (bot)");
    assert!(!bot.suggested, "bots are marked, not pre-ticked");
    assert_eq!(bot.time, utc("2023-11-13T09:41:12.0004Z"));

    let declared = row(&p, "@here");
    assert_eq!(declared.who, "Priya Raman");
    assert!(declared.suggested, "pinned and reacted");
    assert_eq!(declared.kind, Some(EventKind::Declared));
    assert_eq!(declared.source, Source::Slack);
    assert_eq!(declared.source_id, "1699868550.000200");

    let reply = row(&p, "looking into it");
    assert_eq!(reply.reply_to.as_deref(), Some("1699868550.000200"));
    assert_eq!(reply.kind, Some(EventKind::Investigating));
    assert!(
        !reply.suggested,
        "a reply with no pin or reaction is chatter"
    );

    let rollback = row(&p, "rolled back");
    assert_eq!(rollback.kind, Some(EventKind::Mitigated));
    assert!(rollback.suggested);
    assert_eq!(
        row(&p, "[file").who,
        "lee",
        "display name when no real name"
    );
    assert_eq!(row(&p, "error rate").kind, Some(EventKind::Restored));
    assert_eq!(row(&p, "Incident resolved").kind, Some(EventKind::Resolved));
    assert!(!row(&p, "thanks").suggested);

    assert_eq!(
        reasons(&p),
        [
            &SkipReason::Membership,
            &SkipReason::Membership,
            &SkipReason::Housekeeping,
            &SkipReason::Deleted,
            &SkipReason::Membership,
        ]
    );
    assert_eq!(p.skipped[0].at, "[0]");
    let summary = p.skipped_summary();
    assert_eq!(
        summary[0],
        "skipped 3: joined or left the channel (first at [0])"
    );
}

#[test]
fn slack_export_zip_reads_the_incident_channel_with_users_json_names() {
    let p = read("slack-export-acme.zip", &Options::default());
    assert_eq!(p.format, Format::SlackExport);
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert!(p.warnings[0].contains("#inc-4127-checkout-503s"));
    assert_eq!(p.rows.len(), 10, "nine from the 13th, one from the 14th");
    // Lee's messages carry no user_profile in the export: users.json names him.
    assert_eq!(row(&p, "error rate").who, "Lee Wong");
    let last = p.rows.last().expect("rows");
    assert_eq!(
        last.text,
        "follow-up: pool size raised to 200 in infra#881 (https://git.example.com/acme/infra/pull/881)"
    );
    assert_eq!(last.time, utc("2023-11-14T08:30:00.00001Z"));
    assert_eq!(
        row(&p, "@here").source_id,
        "inc-4127-checkout-503s/1699868550.000200"
    );
    assert_eq!(p.skipped[0].at, "inc-4127-checkout-503s/2023-11-13.json[0]");

    let general = read(
        "slack-export-acme.zip",
        &Options {
            channel: Some("#general".into()),
            ..Options::default()
        },
    );
    assert_eq!(general.rows.len(), 1);
    assert_eq!(general.rows[0].who, "Lee Wong");

    let channels = hindsight_core::sources::export_channels(&fixture("slack-export-acme.zip"))
        .expect("channels");
    let names: Vec<&str> = channels.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["general", "inc-4127-checkout-503s"]);
    assert_eq!(channels[1].days, ["2023-11-13", "2023-11-14"]);

    let missing = parse(
        &fixture("slack-export-acme.zip"),
        &Options {
            channel: Some("random".into()),
            ..Options::default()
        },
    );
    match missing {
        Err(SourceError::NoSuchChannel { wanted, channels }) => {
            assert_eq!(wanted, "random");
            assert_eq!(channels.len(), 2);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_enterprise_grid_export_in_a_folder_names_users_from_org_users_json() {
    let p = read("slack-export-grid.zip", &Options::default());
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].who, "Priya Raman");
    assert_eq!(
        p.rows[0].text,
        "@Priya Raman here: search latency SLO breached, declared SEV3"
    );
    assert_eq!(p.rows[0].kind, Some(EventKind::Declared));
    assert_eq!(p.skipped[0].reason, SkipReason::Housekeeping);
}

#[test]
fn a_truncated_zip_is_an_error_not_a_panic() {
    let zip = fixture("slack-export-acme.zip");
    for cut in [10, zip.len() / 3, zip.len() / 2, zip.len() - 30] {
        let err = parse(&zip[..cut], &Options::default()).expect_err("truncated");
        assert!(
            matches!(err, SourceError::Zip(_) | SourceError::InEntry { .. }),
            "{cut}: {err:?}"
        );
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn text_copied_from_slack() {
    let needs_date = parse(&fixture("slack-paste.txt"), &Options::default());
    assert!(
        matches!(needs_date, Err(SourceError::NeedDate { .. })),
        "{needs_date:?}"
    );
    let cet = FixedOffset::east_opt(3600);
    let p = read(
        "slack-paste.txt",
        &Options {
            zone: cet,
            date: nov13(),
            ..Options::default()
        },
    );
    assert_eq!(p.format, Format::SlackPaste);
    let got: Vec<(String, &str, &str)> = p
        .rows
        .iter()
        .map(|r| {
            (
                r.time.format("%d %H:%M").to_string(),
                r.who.as_str(),
                r.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "13 08:41".to_string(),
                "PagerDuty (bot)",
                "Triggered #4127: High 5xx rate on checkout-api"
            ),
            (
                "13 08:42".into(),
                "Priya Raman",
                "@here checkout-api is returning 503s, declared SEV2"
            ),
            (
                "13 08:47".into(),
                "Sam Ortiz",
                "connection pool exhausted on db-primary :fire:"
            ),
            (
                "13 08:52".into(),
                "Sam Ortiz",
                "rolled back checkout-api to v2.14.1"
            ),
            (
                "13 08:55".into(),
                "Lee Wong",
                "error rate back to normal, watching for 15 min"
            ),
            (
                "14 07:30".into(),
                "Sam Ortiz",
                "follow-up: pool size raised to 200"
            ),
        ]
    );
    assert!(row(&p, "@here").suggested, "reacted");
    assert!(row(&p, "rolled back").suggested);
    assert!(!row(&p, "Triggered").suggested);
    assert!(p.skipped.iter().any(|s| s.reason == SkipReason::Membership));
    assert!(p
        .skipped
        .iter()
        .any(|s| s.reason == SkipReason::ClientChrome));
}

#[test]
fn text_copied_from_slack_with_bracketed_times() {
    let p = read(
        "slack-paste-brackets.txt",
        &Options {
            date: nov13(),
            ..Options::default()
        },
    );
    assert_eq!(p.format, Format::SlackPaste);
    let got: Vec<(String, &str, &str)> = p
        .rows
        .iter()
        .map(|r| {
            (
                r.time.format("%H:%M").to_string(),
                r.who.as_str(),
                r.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "09:41".to_string(),
                "PagerDuty (bot)",
                "Triggered #4127: High 5xx rate on checkout-api"
            ),
            (
                "09:42".into(),
                "Priya Raman",
                "@here checkout-api is returning 503s, declared SEV2"
            ),
            (
                "09:43".into(),
                "Priya Raman",
                "IC is me, comms in #inc-4127-updates"
            ),
            (
                "09:47".into(),
                "Sam Ortiz",
                "connection pool exhausted on db-primary :fire:"
            ),
            (
                "09:52".into(),
                "Sam Ortiz",
                "rolled back checkout-api to v2.14.1"
            ),
        ],
        "\"Today\" is the date given"
    );
    assert!(row(&p, "@here").suggested, "reacted");
    assert_eq!(
        detect(&fixture("slack-paste-brackets.txt")),
        Some(Format::SlackPaste)
    );
}

#[test]
fn pagerduty_log_entries() {
    let p = read("pagerduty-log-entries.json", &Options::default());
    let kinds: Vec<(&str, Option<EventKind>, bool)> = p
        .rows
        .iter()
        .map(|r| (r.source_id.as_str(), r.kind, r.suggested))
        .collect();
    assert_eq!(
        kinds,
        [
            ("R0TRIG4127A", Some(EventKind::Alerted), true),
            ("R0NOTIFY4127", None, false),
            ("R0ACK4127", Some(EventKind::Acknowledged), true),
            ("R0ASSIGN4127", None, false),
            ("R0NOTE4127", None, true),
            ("R0ESC4127", Some(EventKind::Escalated), true),
            ("R0RES4127", Some(EventKind::Resolved), true),
        ]
    );
    let trig = &p.rows[0];
    assert_eq!(
        trig.text,
        "Triggered through the API: High 5xx rate on checkout-api"
    );
    assert_eq!(trig.who, "checkout-api (Prometheus)");
    assert_eq!(
        p.rows[2].time,
        utc("2023-11-13T09:41:40Z"),
        "offset applied"
    );
    assert_eq!(
        p.rows[4].text,
        "Pool exhausted after v2.15.0 deploy; rolling back"
    );
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].at, "log_entries[6].created_at");
    assert!(
        matches!(&p.skipped[0].reason, SkipReason::BadTime(w) if w.contains("around ten")),
        "{:?}",
        p.skipped
    );
}

#[test]
fn opsgenie_alert_logs_and_incident_timeline() {
    let p = read("opsgenie-alert-logs.json", &Options::default());
    assert_eq!(p.format, Format::OpsgenieAlertLog);
    let kinds: Vec<Option<EventKind>> = p.rows.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            Some(EventKind::Alerted),
            None,
            Some(EventKind::Acknowledged),
            None,
            Some(EventKind::Resolved),
        ]
    );
    assert!(!p.rows[1].suggested, "recipient notifications are chatter");
    assert!(p.rows[3].suggested, "notes are kept");
    assert_eq!(p.rows[2].who, "priya@acme.example");
    assert_eq!(p.rows[2].time, utc("2023-11-13T09:41:40.512Z"));

    let t = read("opsgenie-incident-timeline.json", &Options::default());
    assert_eq!(t.format, Format::OpsgenieTimeline);
    let rows: Vec<(&str, &str, Option<EventKind>)> = t
        .rows
        .iter()
        .map(|r| (r.source_id.as_str(), r.who.as_str(), r.kind))
        .collect();
    assert_eq!(
        rows,
        [
            ("e1", "Priya Raman", Some(EventKind::Declared)),
            ("e2", "Sam Ortiz", Some(EventKind::Acknowledged)),
            ("e3", "Sam Ortiz", Some(EventKind::Mitigated)),
            ("e5", "Priya Raman", Some(EventKind::Resolved)),
        ]
    );
    assert_eq!(t.rows[2].text, "Rolled back checkout-api to v2.14.1");
    assert_eq!(t.skipped[0].reason, SkipReason::Hidden);
    assert_eq!(t.skipped[0].at, "data.entries[3]");
}

#[test]
fn statuspage_incident() {
    let p = read("statuspage-incident.json", &Options::default());
    let rows: Vec<(String, Option<EventKind>)> = p
        .rows
        .iter()
        .map(|r| (r.time.format("%H:%M:%S").to_string(), r.kind))
        .collect();
    assert_eq!(
        rows,
        [
            ("09:45:10".to_string(), Some(EventKind::Investigating)),
            ("09:51:00".into(), Some(EventKind::RootCauseIdentified)),
            ("09:58:00".into(), Some(EventKind::Monitoring)),
            ("10:18:00".into(), Some(EventKind::Resolved)),
        ],
        "display_at, in time order, -05:00 applied"
    );
    assert!(p.rows.iter().all(|r| r.suggested && r.who == "Statuspage"));
    assert_eq!(
        p.rows[1].text,
        "The issue has been identified & a fix is being implemented."
    );
}

#[test]
fn grafana_annotations() {
    let p = read("grafana-annotations.json", &Options::default());
    let rows: Vec<(&str, &str, Option<EventKind>, bool)> = p
        .rows
        .iter()
        .map(|r| (r.source_id.as_str(), r.text.as_str(), r.kind, r.suggested))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "1124",
                "Deploy checkout-api v2.15.0 [deploy, checkout-api]",
                None,
                true
            ),
            (
                "1124/end",
                "End of: Deploy checkout-api v2.15.0 [deploy, checkout-api]",
                None,
                false
            ),
            ("1125", "Checkout 5xx ratio: ok → pending", None, false),
            (
                "1126",
                "Checkout 5xx ratio: pending → alerting",
                Some(EventKind::Alerted),
                true
            ),
            (
                "1127",
                "Checkout 5xx ratio: alerting → ok",
                Some(EventKind::Restored),
                true
            ),
        ]
    );
    assert_eq!(p.rows[0].time, utc("2023-11-13T09:30:00Z"), "epoch ms");
    assert_eq!(p.rows[0].who, "deploybot");
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].at, "[4].time");
}

#[test]
fn csv_and_tsv_by_header_names() {
    let cet = FixedOffset::east_opt(3600);
    let p = read(
        "timeline.csv",
        &Options {
            zone: cet,
            ..Options::default()
        },
    );
    let rows: Vec<(String, &str, Option<EventKind>)> = p
        .rows
        .iter()
        .map(|r| (r.time.to_rfc3339(), r.who.as_str(), r.kind))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "2023-11-13T08:38:05+00:00".to_string(),
                "Prometheus",
                Some(EventKind::Alerted)
            ),
            (
                "2023-11-13T08:41:40+00:00".into(),
                "Priya Raman",
                Some(EventKind::Acknowledged)
            ),
            (
                "2023-11-13T08:52:03+00:00".into(),
                "Sam Ortiz",
                Some(EventKind::Mitigated)
            ),
            (
                "2023-11-13T09:15:00+00:00".into(),
                "Priya Raman",
                Some(EventKind::Resolved)
            ),
            ("2023-11-13T10:36:00+00:00".into(), "Priya Raman", None),
        ],
        "CET applied to zone-less cells, epoch seconds read as UTC"
    );
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].at, "line 5");
    assert_eq!(
        p.rows[2].text,
        "Rolled back checkout-api to v2.14.1, errors dropping"
    );

    let t = read("timeline.tsv", &Options::default());
    let times: Vec<String> = t.rows.iter().map(|r| r.time.to_rfc3339()).collect();
    assert_eq!(
        times,
        [
            "2023-11-13T23:50:00+00:00",
            "2023-11-13T23:58:00+00:00",
            "2023-11-14T00:20:00+00:00"
        ],
        "a clock-only cell rolls past midnight"
    );
    assert_eq!(t.rows[1].kind, Some(EventKind::Mitigated));

    let missing = parse(b"time,who\n09:00,Priya\n", &Options::default());
    assert!(missing.is_err());
    let no_text = parse(
        b"time,who\n09:00,Priya\n",
        &Options {
            from: Some(Source::Csv),
            ..Options::default()
        },
    );
    assert!(
        matches!(no_text, Err(SourceError::NotThisSource { .. })),
        "{no_text:?}"
    );
}

#[test]
fn plain_lines() {
    let p = read(
        "lines.txt",
        &Options {
            zone: FixedOffset::east_opt(3600),
            date: nov13(),
            ..Options::default()
        },
    );
    let rows: Vec<(String, &str)> = p
        .rows
        .iter()
        .map(|r| (r.time.to_rfc3339(), r.text.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "2023-11-13T08:12:00+00:00".to_string(),
                "config push reached EU edge"
            ),
            (
                "2023-11-13T08:14:00+00:00".into(),
                "first sign of impact: 502s in fra1"
            ),
            ("2023-11-13T08:20:00+00:00".into(), "paged the edge on-call"),
            ("2023-11-13T08:31:00+00:00".into(), "rolled back the config"),
            ("2023-11-14T00:05:00+00:00".into(), "closed"),
        ]
    );
    assert_eq!(p.rows[1].kind, Some(EventKind::ImpactStart));
    assert_eq!(p.rows[4].kind, Some(EventKind::Resolved));
    let skipped: Vec<&str> = p.skipped.iter().map(|s| s.at.as_str()).collect();
    assert_eq!(skipped, ["line 1", "line 7"]);
    let undated = parse(b"09:12 config push\n", &Options::default());
    assert!(
        matches!(undated, Err(SourceError::NeedDate { .. })),
        "{undated:?}"
    );
}

#[test]
fn malformed_and_truncated_json_name_the_line_or_path() {
    let pd = fixture("pagerduty-log-entries.json");
    let cut = &pd[..pd.len() / 2];
    match parse(cut, &Options::default()) {
        Err(e @ SourceError::Json { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("ends early"), "{msg}");
            assert!(msg.contains("line "), "{msg}");
        }
        other => panic!("{other:?}"),
    }
    let broken = b"{\n  \"log_entries\": [\n    {\"type\": \"trigger_log_entry\",, }\n  ]\n}";
    match parse(broken, &Options::default()) {
        Err(SourceError::Json { line, problem, .. }) => {
            assert_eq!(line, 3);
            assert!(problem.starts_with("syntax error"), "{problem}");
        }
        other => panic!("{other:?}"),
    }
    let shape = br#"{"log_entries": {"oops": 1}}"#;
    match parse(shape, &Options::default()) {
        Err(e @ SourceError::Shape { .. }) => {
            assert_eq!(
                e.to_string(),
                "log_entries: expected an array, found an object"
            );
        }
        other => panic!("{other:?}"),
    }
    let wrong_type = br#"{"log_entries": [{"id": "A", "type": "trigger_log_entry", "created_at": 12, "summary": "x"},
        {"id": "B", "type": "resolve_log_entry", "created_at": "2023-11-13T10:00:00Z", "summary": "Resolved"}]}"#;
    let p = parse(wrong_type, &Options::default()).expect("one good entry");
    assert_eq!(p.rows.len(), 1);
    match &p.skipped[0].reason {
        SkipReason::BadItem(why) => {
            assert!(
                why.starts_with("log_entries[0].created_at: invalid type"),
                "{why}"
            )
        }
        other => panic!("{other:?}"),
    }
    let years = br#"[{"id": 1, "time": 5, "text": "epoch typo", "tags": []},
        {"id": 2, "time": 1699867800000, "text": "deploy", "tags": []}]"#;
    let p = parse(years, &Options::default()).expect("grafana");
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.skipped[0].at, "1");
    assert!(
        matches!(&p.skipped[0].reason, SkipReason::BadTime(w) if w.contains("1971–2199")),
        "{:?}",
        p.skipped
    );
    let slack_ts = br#"[{"type":"message","ts":"soon","text":"hi","user":"U1"},{"type":"message","ts":"1699868550.000200","text":"ok","user":"U1"}]"#;
    let p = parse(slack_ts, &Options::default()).expect("slack");
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.skipped[0].at, "[0].ts");
}

#[test]
fn hostile_bytes_never_panic() {
    let mut inputs: Vec<Vec<u8>> = vec![
        vec![0xff, 0xfe, 0x00],
        b"PK\x03\x04garbage".to_vec(),
        b"[".to_vec(),
        b"[1, 2, 3]".to_vec(),
        b"{}".to_vec(),
        b"null".to_vec(),
        br#"[{"ts": 5}]"#.to_vec(),
        br#"[{"time": 1e300, "text": "x"}]"#.to_vec(),
        br#"[{"time": -5, "text": "x"}]"#.to_vec(),
        br#"{"data": {"entries": [{"eventTime": null}]}}"#.to_vec(),
        br#"{"incidents": [{"incident_updates": "x"}]}"#.to_vec(),
        b"time,event\n".to_vec(),
        b"time,event\n\"unclosed,x\n".to_vec(),
        b"[99:99 PM] x: y".to_vec(),
        "Priya  10:42 AM\n\u{1F525}".as_bytes().to_vec(),
        b"- **".to_vec(),
    ];
    for name in [
        "slack-inc-4127-2023-11-13.json",
        "statuspage-incident.json",
        "grafana-annotations.json",
        "slack-paste.txt",
        "timeline.csv",
    ] {
        let bytes = fixture(name);
        for cut in (0..bytes.len()).step_by(97) {
            inputs.push(bytes[..cut].to_vec());
        }
    }
    let options = Options {
        date: nov13(),
        ..Options::default()
    };
    for input in &inputs {
        match parse(input, &options) {
            Ok(p) => assert!(p.rows.iter().all(|r| !r.text.is_empty())),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}

#[test]
fn fifty_thousand_slack_messages_parse() {
    let mut file = String::from("[");
    for i in 0..50_000u64 {
        if i > 0 {
            file.push(',');
        }
        let subtype = if i % 10 == 0 {
            r#""subtype":"channel_join","#
        } else {
            ""
        };
        file.push_str(&format!(
            r#"{{"type":"message",{subtype}"user":"U{u}","text":"<@U{u}> update {i} &amp; more","ts":"{ts}.{us:06}","user_profile":{{"real_name":"Person {u}"}}}}"#,
            u = i % 9,
            ts = 1_699_868_400 + i,
            us = i % 1_000_000,
        ));
    }
    file.push(']');
    let p = parse(file.as_bytes(), &Options::default()).expect("parse");
    assert_eq!(p.rows.len(), 45_000);
    assert_eq!(p.skipped.len(), 5_000);
    assert_eq!(p.rows[0].text, "@Person 1 update 1 & more");
    assert!(p.rows.windows(2).all(|w| w[0].time <= w[1].time));
}

fn report_with(rows: &[(&str, &str)]) -> Report {
    let mut r = Report::new("003");
    r.meta.date = "2023-11-13".into();
    r.meta.timezone = "UTC".into();
    r.timeline.entries = rows
        .iter()
        .map(|(time, event)| TimelineEntry {
            time: (*time).into(),
            event: (*event).into(),
            ..TimelineEntry::default()
        })
        .collect();
    r
}

#[test]
fn candidates_mark_rows_already_in_the_timeline() {
    let report = report_with(&[
        ("09:38", "Alert fired: High 5xx rate on checkout-api"),
        ("09:52", "Rolled back checkout-api to v2.14.1"),
    ]);
    let p = candidates(
        &report,
        &fixture("timeline.csv"),
        &Options {
            zone: FixedOffset::east_opt(3600),
            ..Options::default()
        },
    )
    .expect("csv");
    assert_eq!(p.rows[0].shown_in(&report), "2023-11-13 08:38:05");
    let dup: Vec<Option<Duplicate>> = p.rows.iter().map(|r| r.duplicate_of).collect();
    // The CSV is in CET: 09:38 CET is 08:38 UTC, not the report's 09:38 UTC row.
    assert_eq!(dup, [None, None, None, None, None]);
    let p = candidates(&report, &fixture("timeline.csv"), &Options::default()).expect("csv");
    let dup: Vec<Option<Duplicate>> = p.rows.iter().map(|r| r.duplicate_of).collect();
    assert_eq!(
        dup,
        [
            Some(Duplicate::Row(0)),
            None,
            Some(Duplicate::Row(1)),
            None,
            None
        ]
    );
    assert!(!p.rows[0].suggested && !p.rows[2].suggested);
}

#[test]
fn merge_keeps_time_order_writes_the_report_zone_and_adds_nothing_twice() {
    let mut report = report_with(&[
        ("09:00", "Deploy v2.15.0 started"),
        ("10:52", "Rolled back checkout-api to v2.14.1"),
    ]);
    // Report rows are CET: 10:52 CET is 09:52 UTC, the minute Slack has the rollback.
    report.meta.timezone = "CET".into();
    let pd = parse(&fixture("pagerduty-log-entries.json"), &Options::default()).expect("pd");
    let slack = parse(
        &fixture("slack-inc-4127-2023-11-13.json"),
        &Options::default(),
    )
    .expect("slack");
    let mut chosen: Vec<Candidate> = pd.rows.into_iter().filter(|r| r.suggested).collect();
    chosen.extend(slack.rows.into_iter().filter(|r| r.suggested));
    // The same acknowledgement twice: kept once.
    let mut again = chosen[1].clone();
    again.source_id = "copy".into();
    chosen.push(again);
    let merged = merge(&report, &chosen);
    let rows: Vec<(&str, &str, &str)> = merged
        .report
        .timeline
        .entries
        .iter()
        .map(|e| (e.time.as_str(), e.event.as_str(), e.owner.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("09:00", "Deploy v2.15.0 started", ""),
            (
                "10:38:05",
                "Triggered through the API: High 5xx rate on checkout-api",
                "checkout-api (Prometheus)"
            ),
            ("10:41:40", "Acknowledged by Priya Raman.", "Priya Raman"),
            (
                "10:42:30",
                "@here checkout-api is returning 503s, declared SEV2. Dashboard: checkout errors (https://grafana.example.com/d/chk/checkout?orgId=1&from=now-1h)",
                "Priya Raman"
            ),
            (
                "10:50:31",
                "Pool exhausted after v2.15.0 deploy; rolling back",
                "Sam Ortiz"
            ),
            ("10:51", "Escalated to Database on-call (level 2).", "Sam Ortiz"),
            ("10:52", "Rolled back checkout-api to v2.14.1", ""),
            (
                "10:55:20",
                "error rate back to normal, watching for 15 min",
                "lee"
            ),
            ("11:14:58", "Resolved by Priya Raman.", "Priya Raman"),
            (
                "11:15",
                "Incident resolved, post-mortem to follow in #postmortems",
                "Priya Raman"
            ),
        ]
    );
    assert_eq!(
        merged.left_out.len(),
        2,
        "the Slack rollback and the repeat"
    );
    assert_eq!(
        merged.report.timeline.entries[2].kind,
        Some(EventKind::Acknowledged)
    );
    let added: Vec<usize> = merged.added.iter().map(|a| a.row).collect();
    assert_eq!(added, [1, 2, 3, 4, 5, 7, 8, 9]);
    assert_eq!(merged.added[0].source, Source::PagerDuty);
    assert_eq!(merged.added[0].source_id, "R0TRIG4127A");
    // Nothing but the timeline changed.
    let mut back = merged.report.clone();
    back.timeline = report.timeline.clone();
    assert_eq!(back, report);

    // The metrics follow from the merged rows, and say which row each used.
    let m = hindsight_core::metrics::compute(&merged.report);
    // From the first row, 09:00 CET (08:00 UTC), to the trigger at 09:38:05 UTC.
    assert_eq!(
        m.time_to_detect,
        Some(chrono::TimeDelta::seconds(98 * 60 + 5))
    );
    let origins = metric_origins(&merged.report, &merged.added);
    let got: Vec<(Metric, usize, Option<&str>)> = origins
        .iter()
        .map(|o| {
            (
                o.metric,
                o.row,
                o.imported.as_ref().map(|a| a.source_id.as_str()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Metric::Detect, 1, Some("R0TRIG4127A")),
            (Metric::Acknowledge, 2, Some("R0ACK4127")),
            // Impact ended where the error rate came back to normal, after the rollback.
            (Metric::Mitigate, 7, Some("1699869320.000850")),
            (Metric::Resolve, 8, Some("R0RES4127")),
        ]
    );
}

#[test]
fn merge_into_an_undated_report_dates_the_first_row_and_crosses_midnight() {
    let mut report = report_with(&[("23:55", "Paged Lee")]);
    report.meta.date.clear();
    let tsv = parse(&fixture("timeline.tsv"), &Options::default()).expect("tsv");
    let merged = merge(&report, &tsv.rows);
    let times: Vec<&str> = merged
        .report
        .timeline
        .entries
        .iter()
        .map(|e| e.time.as_str())
        .collect();
    assert_eq!(times, ["2023-11-13 23:50", "23:55", "23:58", "00:20"]);
    let resolved = hindsight_core::time::resolve_report_timeline(&merged.report);
    let at: Vec<String> = resolved
        .at
        .iter()
        .map(|a| a.map(|a| a.to_rfc3339()).unwrap_or_default())
        .collect();
    assert_eq!(
        at,
        [
            "2023-11-13T23:50:00+00:00",
            "2023-11-13T23:55:00+00:00",
            "2023-11-13T23:58:00+00:00",
            "2023-11-14T00:20:00+00:00"
        ]
    );
    // Merging the same rows again adds nothing.
    let twice = merge(&merged.report, &tsv.rows);
    assert_eq!(twice.report, merged.report);
    assert_eq!(twice.left_out.len(), 3);
}
