//! Action-item checks: each item needs an owner, a due date and a priority that are real
//! (`action-item-owner`, `action-item-due-date`, `action-item-priority`), a due date not
//! before the incident (`action-item-due-past`) and a concrete action
//! (`action-item-vague`) and, until it is done, a tracking link so it is followed up
//! after the review (`action-item-tracking`); serious incidents need items
//! (`action-items-required`) that cover prevention and detection (`action-item-coverage`).

use crate::fields::Part;
use crate::model::{ActionItem, Category};
use crate::policy::Policy;
use crate::time::parse_date;

use super::{is_placeholder, Context, Finding, Level, Location, Rule};

/// `action-item-owner`: missing or placeholder owner.
pub const ACTION_ITEM_OWNER: Rule = Rule {
    id: "action-item-owner",
    level: Level::Warning,
    doc: "An action item has no owner, or only a placeholder / TBD.",
    check: owner,
};

/// `action-item-due-date`: missing, placeholder or unreadable due date.
pub const ACTION_ITEM_DUE_DATE: Rule = Rule {
    id: "action-item-due-date",
    level: Level::Warning,
    doc: "An action item has no due date, a placeholder, or one that cannot be read as a date.",
    check: due_date,
};

/// `action-item-priority`: missing or placeholder priority.
pub const ACTION_ITEM_PRIORITY: Rule = Rule {
    id: "action-item-priority",
    level: Level::Warning,
    doc: "An action item has no priority or only a placeholder (templates with a priority column).",
    check: priority,
};

/// `action-item-due-past`: due before the incident.
pub const ACTION_ITEM_DUE_PAST: Rule = Rule {
    id: "action-item-due-past",
    level: Level::Warning,
    doc: "An action item is due before the incident happened.",
    check: due_past,
};

/// `action-item-vague`: only vague verbs, no object or measure.
pub const ACTION_ITEM_VAGUE: Rule = Rule {
    id: "action-item-vague",
    level: Level::Warning,
    doc: "An action item is only a vague verb (\"investigate\", \"look into\", \"improve\", \"be more careful\") with no concrete object or measure.",
    check: vague,
};

/// `action-item-tracking`: an open item with no ticket to follow it up.
pub const ACTION_ITEM_TRACKING: Rule = Rule {
    id: "action-item-tracking",
    level: Level::Info,
    doc: "An action item that is not done has no tracking link or ticket, so nothing follows it up after the review (templates with a tracking column).",
    check: tracking,
};

/// `action-items-required`: a SEV1/SEV2 with no action items.
pub const ACTION_ITEMS_REQUIRED: Rule = Rule {
    id: "action-items-required",
    level: Level::Error,
    doc: "A SEV1 or SEV2 report (policy) has no action items.",
    check: required,
};

/// `action-item-coverage`: no Prevent or no Detect item for a SEV1/SEV2.
pub const ACTION_ITEM_COVERAGE: Rule = Rule {
    id: "action-item-coverage",
    level: Level::Info,
    doc: "A SEV1 or SEV2 report (policy) has no action item that prevents recurrence, or none that detects it sooner.",
    check: coverage,
};

fn real(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && ![
            "tbd",
            "tba",
            "todo",
            "?",
            "-",
            "—",
            "n/a",
            "none",
            "unassigned",
        ]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
        && !is_placeholder(t)
}

/// Rows that hold nothing yet (a template's blank table rows); rules skip them.
fn blank(item: &ActionItem) -> bool {
    [
        &item.action,
        &item.description,
        &item.owner,
        &item.due,
        &item.priority,
        &item.tracking,
    ]
    .iter()
    .all(|s| s.trim().is_empty())
}

fn items<'r>(cx: &'r Context) -> impl Iterator<Item = (usize, &'r ActionItem)> {
    cx.report
        .action_items
        .iter()
        .enumerate()
        .filter(|(_, a)| !blank(a))
}

/// True when the rules ask for this column: always in a template; in a document's own
/// layout only when its action items have the column (one of them fills it), as a
/// tracker's table without a Due column keeps its dates in the tracker.
fn column_asked(cx: &Context, column: fn(&ActionItem) -> &String) -> bool {
    cx.report.layout.is_none() || items(cx).any(|(_, a)| real(column(a)))
}

fn owner(cx: &Context) -> Vec<Finding> {
    items(cx)
        .filter(|(_, a)| !real(&a.owner))
        .map(|(i, _)| {
            Finding::new(
                &ACTION_ITEM_OWNER,
                Location::cell(Part::ActionItems, i, "owner"),
                format!("Action item {} has no owner.", i + 1),
            )
            .fix("Name one person (or a team with a named contact) who will see it through.")
        })
        .collect()
}

fn due_date(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    if !column_asked(cx, |a| &a.due) {
        return out;
    }
    for (i, a) in items(cx) {
        let due = a.due.trim();
        let message = if !real(due) {
            format!("Action item {} has no due date.", i + 1)
        } else if parse_date(due).is_none() {
            format!(
                "Action item {}'s due date \"{due}\" cannot be read as a date.",
                i + 1
            )
        } else {
            continue;
        };
        out.push(
            Finding::new(
                &ACTION_ITEM_DUE_DATE,
                Location::cell(Part::ActionItems, i, "due"),
                message,
            )
            .fix("Set a due date as YYYY-MM-DD."),
        );
    }
    out
}

fn priority(cx: &Context) -> Vec<Finding> {
    let template = cx.report.template.as_str();
    if cx
        .policy
        .templates_without_priority
        .iter()
        .any(|t| t == template)
        || !column_asked(cx, |a| &a.priority)
    {
        return Vec::new();
    }
    items(cx)
        .filter(|(_, a)| !real(&a.priority))
        .map(|(i, _)| {
            Finding::new(
                &ACTION_ITEM_PRIORITY,
                Location::cell(Part::ActionItems, i, "priority"),
                format!("Action item {} has no priority.", i + 1),
            )
            .fix("Set a priority (P1–P3, or High/Medium/Low).")
        })
        .collect()
}

fn tracking(cx: &Context) -> Vec<Finding> {
    let template = cx.report.template.as_str();
    if cx
        .policy
        .templates_without_tracking
        .iter()
        .any(|t| t == template)
        || !column_asked(cx, |a| &a.tracking)
    {
        return Vec::new();
    }
    items(cx)
        .filter(|(_, a)| real(&a.action) && !a.is_done() && !real(&a.tracking))
        .map(|(i, _)| {
            Finding::new(
                &ACTION_ITEM_TRACKING,
                Location::cell(Part::ActionItems, i, "tracking"),
                format!("Action item {} has no tracking link.", i + 1),
            )
            .fix("Create the ticket (Jira, GitHub issue…) and paste its URL or key here.")
        })
        .collect()
}

fn due_past(cx: &Context) -> Vec<Finding> {
    let Some(incident) = cx.incident_date() else {
        return Vec::new();
    };
    items(cx)
        .filter_map(|(i, a)| {
            let due = parse_date(&a.due)?;
            (due < incident).then(|| {
                Finding::new(
                    &ACTION_ITEM_DUE_PAST,
                    Location::cell(Part::ActionItems, i, "due"),
                    format!(
                        "Action item {} is due {due}, before the incident ({incident}).",
                        i + 1
                    ),
                )
                .fix("Check the year and month of the due date.")
            })
        })
        .collect()
}

/// Verbs that say nothing on their own.
const VAGUE_VERBS: &[&str] = &[
    "investigate",
    "look into",
    "look at",
    "improve",
    "review",
    "check",
    "consider",
    "explore",
    "think about",
    "revisit",
    "discuss",
    "evaluate",
    "monitor",
    "fix",
    "address",
    "follow up on",
    "follow up",
    "work on",
];

/// Actions that are vague whatever follows.
const VAGUE_PHRASES: &[&str] = &[
    "be more careful",
    "be careful",
    "pay more attention",
    "try harder",
    "do better",
    "double check",
    "double-check",
];

/// Words that are not an object: "investigate the issue further".
const EMPTY_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "this",
    "that",
    "these",
    "those",
    "issue",
    "issues",
    "problem",
    "problems",
    "incident",
    "outage",
    "thing",
    "things",
    "stuff",
    "more",
    "further",
    "better",
    "again",
    "situation",
    "how",
    "why",
    "what",
    "happened",
    "and",
    "or",
    "in",
    "on",
    "of",
    "to",
    "our",
    "things",
    "general",
    "overall",
    "cause",
    "root",
    "if",
    "possible",
];

/// True when an action says only "investigate"/"improve"/… with no object or measure.
pub(crate) fn is_vague(action: &str) -> bool {
    let lower = action.trim().trim_end_matches('.').to_lowercase();
    if lower.is_empty() {
        return false;
    }
    if VAGUE_PHRASES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let Some(rest) = VAGUE_VERBS.iter().find_map(|v| {
        lower
            .strip_prefix(v)
            .filter(|r| r.is_empty() || r.starts_with(' '))
    }) else {
        return false;
    };
    if rest.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let content = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty() && !EMPTY_WORDS.contains(w))
        .count();
    content < 2
}

fn vague(cx: &Context) -> Vec<Finding> {
    items(cx)
        .filter_map(|(i, a)| {
            let (field, text) = if a.action.trim().is_empty() {
                ("description", &a.description)
            } else {
                ("action", &a.action)
            };
            (is_vague(text) && real(text)).then(|| {
                Finding::new(
                    &ACTION_ITEM_VAGUE,
                    Location::cell(Part::ActionItems, i, field),
                    format!("\"{}\" does not say what will change.", text.trim()),
                )
                .fix("Name the concrete change and how you will know it is done (e.g. \"Add an alert when the DB pool is above 80% for 5 minutes\").")
            })
        })
        .collect()
}

fn has_real_items(cx: &Context) -> bool {
    items(cx).any(|(_, a)| real(&a.action) || real(&a.description))
}

fn required(cx: &Context) -> Vec<Finding> {
    if !Policy::applies(&cx.policy.action_items_required_for, cx.severity) || has_real_items(cx) {
        return Vec::new();
    }
    let severity = cx.severity_spoken();
    vec![Finding::new(
        &ACTION_ITEMS_REQUIRED,
        Part::ActionItems,
        format!("A {severity} report has no action items."),
    )
    .fix("Add at least one item that prevents recurrence and one that detects it sooner.")]
}

/// Whether an item prevents and/or detects: its category as set, else what its words
/// suggest (an item may do both: "test restores daily and alert on failure").
fn covers(item: &ActionItem) -> (bool, bool) {
    if let Some(c) = item.category {
        return (c == Category::Prevent, c == Category::Detect);
    }
    let text = format!("{} {}", item.action, item.description).to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    // "slo" only as a whole word: as a substring it matches "slowly", "slot", "slope".
    let slo = text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "slo" || w == "slos");
    let detect = slo
        || has(&[
            "alert",
            "monitor",
            "dashboard",
            "detect",
            "alarm",
            "observab",
            "telemetry",
            "health check",
            "page on",
            "paging",
        ]);
    let prevent = has(&[
        "prevent",
        "test",
        "canary",
        "validat",
        "guard",
        "lint",
        "enforce",
        "limit",
        "fix ",
        "patch",
        "timeout",
        "release",
        "leak",
        "automat",
        "remove",
        "replace",
        "review",
        "require",
        "block",
        "restrict",
        "protect",
        "safeguard",
        "confirm",
        "prompt",
        "check",
    ]);
    (prevent, detect)
}

fn coverage(cx: &Context) -> Vec<Finding> {
    if !Policy::applies(&cx.policy.coverage_for, cx.severity) || !has_real_items(cx) {
        return Vec::new();
    }
    let (mut prevent, mut detect) = (false, false);
    for (_, a) in items(cx) {
        let (p, d) = covers(a);
        prevent |= p;
        detect |= d;
        if prevent && detect {
            return Vec::new();
        }
    }
    [
        (
            prevent,
            Category::Prevent,
            "prevents this class of incident from recurring",
        ),
        (detect, Category::Detect, "detects a recurrence sooner"),
    ]
    .into_iter()
    .filter(|(has, _, _)| !has)
    .map(|(_, c, what)| {
        Finding::new(
            &ACTION_ITEM_COVERAGE,
            Part::ActionItems,
            format!("No action item {what} (no {} item).", c.label()),
        )
        .fix(format!(
            "Add a {} item, or set the category of an existing one.",
            c.label()
        ))
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::testing::{clean, locations, run};

    fn item(action: &str) -> ActionItem {
        ActionItem {
            action: action.into(),
            owner: "Dana Reyes".into(),
            priority: "P2".into(),
            due: "2024-02-01".into(),
            ..ActionItem::default()
        }
    }

    #[test]
    fn quiet_on_a_clean_report() {
        let r = clean();
        for rule in [
            &ACTION_ITEM_OWNER,
            &ACTION_ITEM_DUE_DATE,
            &ACTION_ITEM_PRIORITY,
            &ACTION_ITEM_DUE_PAST,
            &ACTION_ITEM_VAGUE,
            &ACTION_ITEMS_REQUIRED,
            &ACTION_ITEM_COVERAGE,
            &ACTION_ITEM_TRACKING,
        ] {
            assert!(run(rule, &r).is_empty(), "{}", rule.id);
        }
    }

    #[test]
    fn owner_due_and_priority_fire_on_missing_or_placeholder() {
        let mut r = clean();
        r.action_items[0].owner = "[Name]".into();
        r.action_items[1].owner = "TBD".into();
        r.action_items[2].owner = " ".into();
        assert_eq!(locations(&ACTION_ITEM_OWNER, &r).len(), 3);
        r.action_items[0].due = "_Date_".into();
        r.action_items[1].due = "soon-ish".into();
        assert_eq!(
            locations(&ACTION_ITEM_DUE_DATE, &r),
            ["action_items[0].due", "action_items[1].due"]
        );
        r.action_items[2].priority = "P1/P2/P3".into();
        assert_eq!(
            locations(&ACTION_ITEM_PRIORITY, &r),
            ["action_items[2].priority"]
        );
    }

    #[test]
    fn tracking_is_asked_of_open_items_until_a_ticket_is_pasted() {
        let mut r = clean();
        r.action_items[0].tracking = "_Ticket link_".into();
        r.action_items[1].tracking = " ".into();
        r.action_items[2].tracking.clear();
        r.action_items[2].status = "Done".into();
        assert_eq!(
            locations(&ACTION_ITEM_TRACKING, &r),
            ["action_items[0].tracking", "action_items[1].tracking"]
        );
        let f = &run(&ACTION_ITEM_TRACKING, &r)[0];
        assert_eq!(f.level, Level::Info);
        assert_eq!(f.message, "Action item 1 has no tracking link.");
        // Pasting the created tickets back (a URL, or a key) stops the asking.
        r.action_items[0].tracking = "https://acme.atlassian.net/browse/OPS-12".into();
        r.action_items[1].tracking = "OPS-13".into();
        assert!(run(&ACTION_ITEM_TRACKING, &r).is_empty());
        // A row with no action yet is not ready for a ticket.
        r.action_items.push(ActionItem {
            owner: "Dana".into(),
            ..ActionItem::default()
        });
        assert!(run(&ACTION_ITEM_TRACKING, &r).is_empty());
    }

    #[test]
    fn tracking_is_asked_only_where_the_template_has_the_column_unless_the_policy_says() {
        let mut r = clean();
        r.action_items[0].tracking.clear();
        // The default list is exactly the templates without a tracking column.
        let without: Vec<&str> = crate::templates::all()
            .iter()
            .filter(|t| {
                !t.blocks.iter().any(|b| {
                    matches!(b, crate::templates::Block::ActionItems { columns, .. }
                        if columns.iter().any(|(c, _)| *c == crate::templates::Col::Tracking))
                })
            })
            .map(|t| t.id)
            .collect();
        assert_eq!(Policy::default().templates_without_tracking, without);
        r.template = "003".into();
        assert!(run(&ACTION_ITEM_TRACKING, &r).is_empty());
        let policy = Policy::default().with(crate::policy::PolicyFile {
            templates_without_tracking: Some(Vec::new()),
            ..Default::default()
        });
        assert_eq!(
            crate::validate::testing::run_with(&ACTION_ITEM_TRACKING, &r, &policy).len(),
            1
        );
    }

    #[test]
    fn tracking_follows_the_policy_level() {
        let mut r = clean();
        r.action_items[0].tracking.clear();
        let mut policy = Policy::default();
        let level = |p: &Policy| {
            crate::validate::validate(&r, p)
                .into_iter()
                .find(|f| f.rule == "action-item-tracking")
                .map(|f| f.level)
        };
        assert_eq!(level(&policy), Some(Level::Info));
        policy.rules.insert(
            "action-item-tracking".into(),
            crate::policy::RuleSetting::Warning,
        );
        assert_eq!(level(&policy), Some(Level::Warning));
        policy.rules.insert(
            "action-item-tracking".into(),
            crate::policy::RuleSetting::Off,
        );
        assert_eq!(level(&policy), None);
    }

    #[test]
    fn blank_template_rows_are_skipped() {
        let mut r = clean();
        r.action_items.push(ActionItem {
            id: "4".into(),
            status: "Open".into(),
            ..ActionItem::default()
        });
        assert!(run(&ACTION_ITEM_OWNER, &r).is_empty());
        assert!(run(&ACTION_ITEM_DUE_DATE, &r).is_empty());
    }

    #[test]
    fn priority_is_not_asked_of_templates_without_the_column() {
        let mut r = clean();
        for a in &mut r.action_items {
            a.priority.clear();
        }
        assert_eq!(run(&ACTION_ITEM_PRIORITY, &r).len(), 3);
        r.template = "001".into();
        assert!(run(&ACTION_ITEM_PRIORITY, &r).is_empty());
    }

    #[test]
    fn an_own_layout_is_asked_only_for_the_columns_it_has() {
        let mut r = clean();
        for a in &mut r.action_items {
            a.priority.clear();
            a.due.clear();
        }
        r.layout = Some(crate::model::OwnLayout::default());
        assert!(run(&ACTION_ITEM_PRIORITY, &r).is_empty());
        assert!(run(&ACTION_ITEM_DUE_DATE, &r).is_empty());
        // One item with a due date: the table has the column, so the others are asked.
        r.action_items[0].due = "2024-02-01".into();
        assert_eq!(run(&ACTION_ITEM_DUE_DATE, &r).len(), 2);
    }

    #[test]
    fn due_past_fires_before_the_incident() {
        let mut r = clean();
        r.action_items[1].due = "2023-01-22".into();
        assert_eq!(
            locations(&ACTION_ITEM_DUE_PAST, &r),
            ["action_items[1].due"]
        );
        r.action_items[1].due = "2024-01-15".into();
        assert!(run(&ACTION_ITEM_DUE_PAST, &r).is_empty());
    }

    #[test]
    fn vague_actions() {
        for (text, vague) in [
            ("Investigate", true),
            ("Look into it", true),
            ("Investigate the issue further", true),
            ("Improve monitoring", true),
            ("Be more careful with deploys", true),
            (
                "Review and adjust alert thresholds for Service Y memory usage",
                false,
            ),
            ("Improve monitoring of the connection pool", false),
            ("Investigate why pool size dropped to 0", false),
            ("Add an alert when DB pool > 80% for 5 minutes", false),
            ("Improve p99 latency to under 200 ms", false),
            ("Reviewer rotation for config changes", false),
        ] {
            assert_eq!(is_vague(text), vague, "{text}");
        }
        let mut r = clean();
        r.action_items[0] = item("Investigate");
        assert_eq!(
            locations(&ACTION_ITEM_VAGUE, &r),
            ["action_items[0].action"]
        );
    }

    #[test]
    fn sev1_sev2_need_items_sev3_does_not() {
        let mut r = clean();
        r.action_items.clear();
        assert_eq!(locations(&ACTION_ITEMS_REQUIRED, &r), ["action_items"]);
        r.action_items.push(item("[Action 1]"));
        assert_eq!(run(&ACTION_ITEMS_REQUIRED, &r).len(), 1, "placeholder only");
        r.meta.severity = "SEV3".into();
        r.action_items.clear();
        assert!(run(&ACTION_ITEMS_REQUIRED, &r).is_empty());
    }

    #[test]
    fn coverage_wants_prevent_and_detect() {
        let mut r = clean();
        r.action_items = vec![item("Update the runbook for pool exhaustion")];
        let f = run(&ACTION_ITEM_COVERAGE, &r);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].level, Level::Info);
        r.action_items
            .push(item("Add an alert on connection pool saturation above 80%"));
        assert_eq!(run(&ACTION_ITEM_COVERAGE, &r).len(), 1);
        let mut p = item("Something the words do not reveal");
        p.category = Some(Category::Prevent);
        r.action_items.push(p);
        assert!(run(&ACTION_ITEM_COVERAGE, &r).is_empty());
        r.meta.severity = "SEV3".into();
        r.action_items.truncate(1);
        assert!(run(&ACTION_ITEM_COVERAGE, &r).is_empty());
    }

    #[test]
    fn coverage_reads_slo_as_a_word_and_telemetry_as_detect() {
        // "slowly" is not an SLO: this item prevents, it does not detect.
        assert_eq!(
            covers(&item(
                "Remove capacity slowly and refuse to go below minimum"
            )),
            (true, false)
        );
        assert_eq!(covers(&item("Page on SLO burn above 2%")), (false, true));
        assert_eq!(
            covers(&item("Define SLOs for sign-in latency")),
            (false, true)
        );
        assert_eq!(
            covers(&item(
                "Add telemetry that does not depend on service discovery"
            )),
            (false, true)
        );
    }
}
