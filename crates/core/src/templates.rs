//! The five seed templates, each defined once: section order, headings and levels,
//! metadata form, table columns, scales and the seed's placeholder text. The Markdown
//! exporter walks these definitions and the importer recognises documents by them.

use crate::fields::{List, Part, Slot, Text, TextKind};
use crate::severity::Scale;

/// How a group of key/value rows is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `**Key:** value` lines, one paragraph (seed 000's header, seed 001's summary).
    BoldLines,
    /// `*Key: value*` lines, one paragraph (seed 002's footer).
    ItalicLines,
    /// `- **Key:** value` bullets (seed 003).
    BoldBullets,
    /// `- Key: value` bullets (seed 002's impact list).
    PlainBullets,
    /// A table; `header` names its columns (2 or 3), `bold_keys` bolds the first column.
    Table {
        header: &'static [&'static str],
        bold_keys: bool,
    },
}

/// Where a key/value row takes its value from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Slot(Slot),
    /// "start - end" in one cell (seed 003's "Date & Time").
    StartEnd,
}

/// One key/value row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub value: Value,
    /// Key as the template writes it, punctuation included ("Date:" in line forms).
    pub label: &'static str,
    /// The seed's placeholder value, raw Markdown.
    pub blank: &'static str,
    /// Fixed third-column text (seed 001's detection delay notes).
    pub note: &'static str,
}

const fn row(t: Text, label: &'static str, blank: &'static str) -> Row {
    Row {
        value: Value::Slot(Slot::Text(t)),
        label,
        blank,
        note: "",
    }
}

const fn list_row(l: List, label: &'static str, blank: &'static str) -> Row {
    Row {
        value: Value::Slot(Slot::List(l)),
        label,
        blank,
        note: "",
    }
}

const fn noted(t: Text, label: &'static str, blank: &'static str, note: &'static str) -> Row {
    Row {
        value: Value::Slot(Slot::Text(t)),
        label,
        blank,
        note,
    }
}

/// How a list field is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStyle {
    Bullet,
    Ordered,
    /// `- [x] item` (seed 000's contributing factors).
    Task,
    /// One fenced code block per entry (logs).
    Code,
}

/// How a Five Whys chain is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhyStyle {
    /// `1. Why did X? Because Y.` (seed 000).
    Inline,
    /// `- Why? Y` — answers only (seed 001).
    Answers,
    /// `1. **Why** X?` then `→ Because Y` on the next line (seed 002).
    Arrow,
    /// `1. **Why** did X happen?` then a nested `- Because Y.` (seed 004).
    Nested,
}

/// Action-item table columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Col {
    Id,
    Action,
    Owner,
    Priority,
    Due,
    Status,
    Category,
    Horizon,
    Tracking,
}

impl Col {
    /// Canonical order and headers, used for columns a template lacks.
    pub const ALL: [(Col, &'static str); 9] = [
        (Col::Id, "ID"),
        (Col::Action, "Action"),
        (Col::Owner, "Owner"),
        (Col::Priority, "Priority"),
        (Col::Due, "Due Date"),
        (Col::Status, "Status"),
        (Col::Category, "Category"),
        (Col::Horizon, "Horizon"),
        (Col::Tracking, "Tracking"),
    ];
}

/// How sign-off is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignOffStyle {
    /// `_Reviewed and approved by: Name, Date_` lines (seed 000).
    Line,
    /// Role | Name | Date table.
    Table,
}

/// One piece of a template, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// A section heading.
    Heading { level: u8, text: &'static str },
    /// A thematic break (`---`).
    Rule,
    /// Template guidance, written only in blank exports (raw Markdown).
    Guidance(&'static str),
    /// Template text written in every export (raw Markdown).
    Fixed(&'static str),
    /// Key/value rows; `extra` appends that part's author-added rows.
    Rows {
        form: Form,
        rows: &'static [Row],
        extra: Option<Part>,
    },
    /// A prose field, as paragraphs.
    Prose { field: Text, blank: &'static str },
    /// A `**Label** value` paragraph.
    Labeled {
        field: Text,
        label: &'static str,
        blank: &'static str,
    },
    /// A list field, optionally introduced by a lead-in paragraph.
    Items {
        field: List,
        style: ListStyle,
        lead: &'static str,
        blank: &'static str,
    },
    /// The timeline table.
    Timeline {
        time: &'static str,
        event: &'static str,
        /// The template has an Owner column (it is added anyway when rows have owners).
        owner: bool,
        /// `All times in {zone}.` paragraph carrying `meta.timezone`.
        zone_intro: bool,
        blank: &'static str,
    },
    /// The Five Whys chain, optionally introduced by a lead-in paragraph.
    Whys {
        style: WhyStyle,
        lead: &'static str,
        blank: &'static str,
    },
    /// Seed 001's categorised contributing-factor checklist.
    FactorChecklist { blank: &'static str },
    /// Seed 001's "How was it detected?" checklist over `detection.method`.
    DetectionChecklist { blank: &'static str },
    /// The action items.
    ActionItems {
        columns: &'static [(Col, &'static str)],
        /// One table per horizon under its own heading (seed 001).
        by_horizon: bool,
        /// Per-item Description / Rationale / Success criteria blocks (seed 002).
        details: bool,
        blank: &'static str,
    },
    /// Sign-off rows.
    SignOff {
        style: SignOffStyle,
        blank: &'static str,
    },
}

/// A template definition.
#[derive(Debug)]
pub struct Template {
    /// Stable id, the seed number: "000" … "004".
    pub id: &'static str,
    /// Human name.
    pub name: &'static str,
    /// One line on what the template is like.
    pub description: &'static str,
    /// Blank-export-only Markdown above the title (seed 000's instructions).
    pub preamble: &'static str,
    /// Title heading text before `: {title}`.
    pub title_prefix: &'static str,
    /// Placeholder title in blank exports; empty means the heading stands alone.
    pub title_blank: &'static str,
    pub severity_scale: Scale,
    /// Severity choices the template offers, in its own words.
    pub severities: &'static [&'static str],
    /// Status choices.
    pub statuses: &'static [&'static str],
    /// Priority choices for action items.
    pub priorities: &'static [&'static str],
    /// Where the template's wording measures time to acknowledge from (a team's policy
    /// may say otherwise).
    pub acknowledge_from: AcknowledgeFrom,
    pub blocks: &'static [Block],
}

/// Where time to acknowledge is measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AcknowledgeFrom {
    /// From the start of user impact, like the other metrics.
    #[default]
    ImpactStart,
    /// From the first detection or alert row (an on-call's "MTTA": alert to ack).
    Detection,
}

impl Template {
    /// The values a field of this kind is picked from in this template (its severity
    /// scale, its statuses), or `None` where the author types freely.
    pub fn choices(&self, kind: TextKind) -> Option<&'static [&'static str]> {
        match kind {
            TextKind::Severity => Some(self.severities),
            TextKind::Status => Some(self.statuses),
            _ => None,
        }
    }

    /// Section headings (level, text) in order, for choosers and navigation.
    pub fn sections(&self) -> impl Iterator<Item = (u8, &'static str)> + '_ {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, *text)),
            _ => None,
        })
    }

    /// Level used for top-level sections (and "Additional Notes", extra sections).
    pub fn section_level(&self) -> u8 {
        self.sections().map(|(l, _)| l).min().unwrap_or(2)
    }

    /// The template's seed writes a Five Whys chain of its own; seed 003 only offers one
    /// (its `Block::Whys` has no blank text), so the review does not ask for it there.
    pub fn asks_for_whys(&self) -> bool {
        self.blocks
            .iter()
            .any(|b| matches!(b, Block::Whys { blank, .. } if !blank.is_empty()))
    }

    /// Every slot this template has a place for, in document order (the title first).
    pub fn placed_slots(&self) -> Vec<Slot> {
        let mut out = vec![Slot::Text(Text::Title)];
        for b in self.blocks {
            out.extend(b.slots());
        }
        out
    }
}

impl Block {
    /// The slots this block holds, in the order it shows them.
    pub fn slots(&self) -> Vec<Slot> {
        match *self {
            Block::Rows { rows, extra, .. } => {
                let mut out = Vec::new();
                for r in rows {
                    match r.value {
                        Value::Slot(s) => out.push(s),
                        Value::StartEnd => {
                            out.push(Slot::Text(Text::Start));
                            out.push(Slot::Text(Text::End));
                        }
                    }
                }
                out.extend(extra.map(Slot::Part));
                out
            }
            Block::Prose { field, .. } | Block::Labeled { field, .. } => vec![Slot::Text(field)],
            Block::Items { field, .. } => vec![Slot::List(field)],
            // The zone sentence stands above the timeline table.
            Block::Timeline { zone_intro, .. } => {
                let mut out = Vec::new();
                if zone_intro {
                    out.push(Slot::Text(Text::Timezone));
                }
                out.push(Slot::Part(Part::Timeline));
                out
            }
            Block::Whys { .. } => vec![Slot::Part(Part::Whys)],
            Block::FactorChecklist { .. } => vec![Slot::Part(Part::FactorChecklist)],
            Block::DetectionChecklist { .. } => vec![Slot::Text(Text::DetectionMethod)],
            Block::ActionItems { .. } => vec![Slot::Part(Part::ActionItems)],
            Block::SignOff { .. } => vec![Slot::Part(Part::SignOff)],
            Block::Heading { .. } | Block::Rule | Block::Guidance(_) | Block::Fixed(_) => vec![],
        }
    }
}

/// The severity scale a template writes ("003" counts from P0, "004" from P1; seed 000's
/// scale for an unknown id).
pub fn scale_of(template_id: &str) -> crate::severity::Scale {
    by_id_or_default(template_id).severity_scale
}

/// `MarkdownOptions::template` value that writes an imported document in its own layout.
pub const OWN_LAYOUT: &str = "own";

/// Heading of the section that collects what a template has no place for.
pub const ADDITIONAL_NOTES: &str = "Additional Notes";

/// Seed 001's detection sources, in its order.
pub const DETECTION_SOURCES: [&str; 4] = [
    "Automated monitoring/alerting",
    "Customer report",
    "Internal user report",
    "Scheduled check",
];

/// Heading for action items without a horizon in horizon-split templates.
pub const UNSCHEDULED: &str = "Unscheduled";
/// Heading for per-item detail blocks.
pub const ACTION_ITEM_DETAILS: &str = "Action Item Details";
/// Role shown for seed 000's sign-off line when a row has none.
pub const SIGN_OFF_LINE_ROLE: &str = "Reviewed and approved by";

/// Every template, in id order.
pub fn all() -> &'static [Template] {
    &TEMPLATES
}

/// The template with this id ("000" … "004").
pub fn by_id(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.id == id)
}

/// The template with this id, or seed 000's when the id is unknown.
pub fn by_id_or_default(id: &str) -> &'static Template {
    by_id(id).unwrap_or(&TEMPLATES[0])
}

const H2: u8 = 2;
const H3: u8 = 3;

static TEMPLATES: [Template; 5] = [T000, T001, T002, T003, T004];

// ---------------------------------------------------------------------------------------
// Seed 000: numbered sections, bold-key header lines, question tables.

const T000: Template = Template {
    id: "000",
    name: "Numbered post-mortem (SEV1–4)",
    description: "Eleven numbered sections with question tables for detection and response; review within 48 hours for SEV1/SEV2.",
    preamble: "# Post-Mortem Template\n\n## Instructions\n\nCopy this template for each post-mortem. Fill in all sections. Conduct the post-mortem meeting within 48 hours of the incident for SEV1/SEV2, within 1 week for SEV3.\n\n---",
    title_prefix: "Post-Mortem",
    title_blank: "[Incident Title]",
    severity_scale: Scale::Sev,
    severities: &["SEV1", "SEV2", "SEV3", "SEV4"],
    statuses: &["Draft", "In Review", "Reviewed", "Final"],
    priorities: &["P1", "P2", "P3"],
    acknowledge_from: AcknowledgeFrom::ImpactStart,
    blocks: &[
        Block::Rows {
            form: Form::BoldLines,
            rows: &[
                row(Text::Date, "Date:", "[YYYY-MM-DD]"),
                row(Text::Severity, "Severity:", "[SEV1/SEV2/SEV3/SEV4]"),
                row(Text::Duration, "Duration:", "[Total duration]"),
                row(Text::Author, "Author:", "[Name]"),
                row(Text::Commander, "Incident Commander:", "[Name]"),
                row(Text::Attendees, "Attendees:", "[List of post-mortem participants]"),
            ],
            extra: Some(Part::MetaExtra),
        },
        Block::Heading { level: H2, text: "1. Summary" },
        Block::Prose {
            field: Text::Summary,
            blank: "_One paragraph describing what happened, when, and the impact on users._\n\n**Example:** On January 15, 2024, from 14:30 to 15:15 UTC (45 minutes), the backend API returned 503 errors for approximately 80% of requests. The root cause was database connection pool exhaustion triggered by a new endpoint that failed to release connections. An estimated 2,400 users were affected during the incident window.",
        },
        Block::Heading { level: H2, text: "2. Impact" },
        Block::Rows {
            form: Form::Table { header: &["Metric", "Value"], bold_keys: false },
            rows: &[
                row(Text::ImpactDuration, "Duration", "_minutes/hours_"),
                row(Text::UsersAffected, "Users affected", "_count or percentage_"),
                row(Text::RequestsFailed, "Requests failed", "_count or percentage_"),
                row(Text::Revenue, "Revenue impact", "_if applicable_"),
                row(Text::Sla, "SLA impact", "_if applicable_"),
                row(Text::DataLoss, "Data loss", "_yes/no, describe if yes_"),
            ],
            extra: Some(Part::ImpactExtra),
        },
        Block::Heading { level: H2, text: "3. Timeline (UTC)" },
        Block::Timeline {
            time: "Time",
            event: "Event",
            owner: false,
            zone_intro: false,
            blank: "| HH:MM | _First sign of impact (from metrics/logs)_ |\n| HH:MM | _Alert fired / issue detected_ |\n| HH:MM | _Incident declared, severity assigned_ |\n| HH:MM | _Incident commander designated_ |\n| HH:MM | _Investigation started_ |\n| HH:MM | _Root cause identified_ |\n| HH:MM | _Mitigation applied_ |\n| HH:MM | _Service recovered_ |\n| HH:MM | _Incident declared resolved_ |",
        },
        Block::Heading { level: H2, text: "4. Root Cause" },
        Block::Prose {
            field: Text::Analysis,
            blank: "_Describe the fundamental reason the incident occurred. Use the Five Whys technique._",
        },
        Block::Whys {
            style: WhyStyle::Inline,
            lead: "**Five Whys:**",
            blank: "1. Why did [symptom]? Because [cause 1].\n2. Why did [cause 1]? Because [cause 2].\n3. Why did [cause 2]? Because [cause 3].\n4. Why did [cause 3]? Because [cause 4].\n5. Why did [cause 4]? Because [root cause].",
        },
        Block::Labeled {
            field: Text::RootStatement,
            label: "**Root cause:**",
            blank: "_One sentence describing the fundamental issue._",
        },
        Block::Heading { level: H2, text: "5. Contributing Factors" },
        Block::Guidance("_List all conditions that contributed to the incident occurring or worsening._"),
        Block::Items {
            field: List::Factors,
            style: ListStyle::Task,
            lead: "",
            blank: "- [ ] _Factor 1: Description_\n- [ ] _Factor 2: Description_\n- [ ] _Factor 3: Description_",
        },
        Block::Heading { level: H2, text: "6. Detection" },
        Block::Rows {
            form: Form::Table { header: &["Question", "Answer"], bold_keys: false },
            rows: &[
                row(Text::DetectionMethod, "How was the incident detected?", "_Alert / user report / manual check_"),
                row(Text::TimeToDetect, "Time from impact to detection", "_minutes_"),
                row(Text::RightAlert, "Was the right alert in place?", "_yes / no_"),
                row(Text::AlertPrompt, "Did the alert fire promptly?", "_yes / no / N/A_"),
            ],
            extra: None,
        },
        Block::Heading { level: H2, text: "7. Response" },
        Block::Rows {
            form: Form::Table { header: &["Question", "Answer"], bold_keys: false },
            rows: &[
                row(Text::TimeToRespond, "Time from detection to response", "_minutes_"),
                row(Text::RightPeoplePaged, "Were the right people paged?", "_yes / no_"),
                row(Text::RunbookUseful, "Was the runbook useful?", "_yes / no / no runbook existed_"),
                row(Text::TimeResponseToMitigation, "Time from response to mitigation", "_minutes_"),
                row(Text::CommunicationClear, "Was communication clear and timely?", "_yes / no_"),
            ],
            extra: None,
        },
        Block::Heading { level: H2, text: "8. What Went Well" },
        Block::Items {
            field: List::WentWell,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- _List things that worked effectively during the incident_\n- _Example: Alert fired within 2 minutes of impact_\n- _Example: Rollback procedure completed in under 5 minutes_",
        },
        Block::Heading { level: H2, text: "9. What Could Be Improved" },
        Block::Items {
            field: List::CouldImprove,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- _List gaps or problems in the response_\n- _Example: No alert for connection pool saturation_\n- _Example: Runbook did not mention this failure mode_\n- _Example: It took 15 minutes to find the right dashboard_",
        },
        Block::Heading { level: H2, text: "10. Action Items" },
        Block::ActionItems {
            columns: &[
                (Col::Id, "#"),
                (Col::Action, "Action"),
                (Col::Owner, "Owner"),
                (Col::Priority, "Priority"),
                (Col::Due, "Due Date"),
                (Col::Tracking, "Tracking"),
            ],
            by_horizon: false,
            details: false,
            blank: "| # | Action | Owner | Priority | Due Date | Tracking |\n|---|--------|-------|----------|----------|----------|\n| 1 | _Description_ | _Name_ | P1/P2/P3 | _Date_ | _Ticket link_ |\n| 2 | _Description_ | _Name_ | P1/P2/P3 | _Date_ | _Ticket link_ |\n| 3 | _Description_ | _Name_ | P1/P2/P3 | _Date_ | _Ticket link_ |",
        },
        Block::Guidance("**Action item categories:**\n- **Prevent:** Changes to prevent this class of incident from recurring\n- **Detect:** Improvements to detect similar issues faster\n- **Mitigate:** Changes to reduce time-to-recovery\n- **Process:** Improvements to incident response procedures"),
        Block::Heading { level: H2, text: "11. Lessons Learned" },
        Block::Guidance("_Key insights from this incident that the broader team should understand._"),
        Block::Items {
            field: List::KeyTakeaways,
            style: ListStyle::Ordered,
            lead: "",
            blank: "1. _Lesson 1_\n2. _Lesson 2_\n3. _Lesson 3_",
        },
        Block::Rule,
        Block::SignOff {
            style: SignOffStyle::Line,
            blank: "_Reviewed and approved by: [Engineering Manager Name], [Date]_",
        },
    ],
};

// ---------------------------------------------------------------------------------------
// Seed 001: the clean Markdown behind the pasted web page.

const T001: Template = Template {
    id: "001",
    name: "Detailed post-mortem with checklists (SEV1–4)",
    description: "Impact split into user and business tables, categorised contributing-factor checklist, detection delays, action items by horizon, prevention and sign-off.",
    preamble: "",
    title_prefix: "Post-Mortem",
    title_blank: "[Incident Title]",
    severity_scale: Scale::Sev,
    severities: &["SEV1", "SEV2", "SEV3", "SEV4"],
    statuses: &["Draft", "In Review", "Complete"],
    priorities: &["P1", "P2", "P3"],
    acknowledge_from: AcknowledgeFrom::ImpactStart,
    blocks: &[
        Block::Heading { level: H2, text: "Summary" },
        Block::Rows {
            form: Form::BoldLines,
            rows: &[
                row(Text::IncidentId, "Incident ID:", "[INC-XXXX]"),
                row(Text::Date, "Date:", "[YYYY-MM-DD]"),
                row(Text::Duration, "Duration:", "[X hours Y minutes]"),
                row(Text::Severity, "Severity:", "SEV1 | SEV2 | SEV3 | SEV4"),
                row(Text::Status, "Status:", "Draft | In Review | Complete"),
                row(Text::Tracker, "Beads Issue:", "[bd://issue-id or N/A]"),
            ],
            extra: Some(Part::MetaExtra),
        },
        Block::Rows {
            form: Form::BoldLines,
            rows: &[
                row(Text::Author, "Author:", "[Name]"),
                row(Text::Commander, "Incident Commander:", "[Name]"),
                row(Text::Reviewers, "Reviewers:", "[Names]"),
            ],
            extra: None,
        },
        Block::Heading { level: H2, text: "One-Line Summary" },
        Block::Prose { field: Text::OneLine, blank: "[Brief description of what happened and impact]" },
        Block::Heading { level: H2, text: "Impact" },
        Block::Heading { level: H3, text: "User Impact" },
        Block::Rows {
            form: Form::Table { header: &["Metric", "Value"], bold_keys: false },
            rows: &[
                row(Text::UsersAffected, "Users Affected", "[Number or %]"),
                row(Text::ImpactDuration, "Duration of Impact", "[Time]"),
                row(Text::ErrorRatePeak, "Error Rate Peak", "[%]"),
                row(Text::SupportTickets, "Support Tickets", "[Number]"),
            ],
            extra: Some(Part::ImpactExtra),
        },
        Block::Heading { level: H3, text: "Business Impact" },
        Block::Rows {
            form: Form::Table { header: &["Metric", "Value"], bold_keys: false },
            rows: &[
                row(Text::Revenue, "Revenue Impact", "[$X or N/A]"),
                row(Text::Sla, "SLA Breach", "[Yes/No]"),
                row(Text::CustomerNotifications, "Customer Notifications", "[Number]"),
            ],
            extra: None,
        },
        Block::Heading { level: H3, text: "Systems Affected" },
        Block::Items {
            field: List::Services,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [System/Service 1]\n- [System/Service 2]",
        },
        Block::Heading { level: H2, text: "Timeline" },
        Block::Guidance("All times in UTC."),
        Block::Timeline {
            time: "Time",
            event: "Event",
            owner: false,
            zone_intro: false,
            blank: "| HH:MM | [First alert/detection] |\n| HH:MM | [Incident declared, severity assigned] |\n| HH:MM | [Investigation started] |\n| HH:MM | [Root cause identified] |\n| HH:MM | [Mitigation applied] |\n| HH:MM | [Service restored] |\n| HH:MM | [Incident closed] |",
        },
        Block::Heading { level: H2, text: "Root Cause" },
        Block::Heading { level: H3, text: "What Happened" },
        Block::Prose { field: Text::WhatHappened, blank: "[Detailed technical explanation of the failure chain]" },
        Block::Heading { level: H3, text: "Why It Happened" },
        Block::Prose { field: Text::Analysis, blank: "[Analysis of underlying causes - use 5 Whys if helpful]" },
        Block::Whys {
            style: WhyStyle::Answers,
            lead: "",
            blank: "- Why? [First level cause]\n- Why? [Second level cause]\n- Why? [Third level cause]\n- Why? [Fourth level cause]\n- Why? [Root cause]",
        },
        Block::Heading { level: H3, text: "Trigger" },
        Block::Prose { field: Text::Trigger, blank: "[What specific event or change triggered the incident?]" },
        Block::Heading { level: H2, text: "Contributing Factors" },
        Block::Guidance("Factors that made the incident possible or worse:"),
        Block::FactorChecklist {
            blank: "- [ ] Detection Gap: [Monitoring didn't catch it]\n- [ ] Process Gap: [Missing runbook/procedure]\n- [ ] Testing Gap: [Untested scenario]\n- [ ] Documentation Gap: [Missing/outdated docs]\n- [ ] Capacity Issue: [Resource constraints]\n- [ ] Dependency Failure: [External service]\n- [ ] Configuration Error: [Misconfiguration]\n- [ ] Code Defect: [Bug in code]\n- [ ] Human Error: [Manual mistake]",
        },
        Block::Items {
            field: List::Factors,
            style: ListStyle::Bullet,
            lead: "Details:",
            blank: "- [Factor 1]: [Explanation]\n- [Factor 2]: [Explanation]",
        },
        Block::Heading { level: H2, text: "Detection" },
        Block::Heading { level: H3, text: "How Was It Detected?" },
        Block::DetectionChecklist {
            blank: "- [ ] Automated monitoring/alerting\n- [ ] Customer report\n- [ ] Internal user report\n- [ ] Scheduled check\n- [ ] Other: [specify]",
        },
        Block::Heading { level: H3, text: "Detection Delay" },
        Block::Rows {
            form: Form::Table { header: &["Metric", "Value", "Notes"], bold_keys: false },
            rows: &[
                noted(Text::TimeToDetect, "Time to Detection (TTD)", "[X minutes]", "First alert or report"),
                noted(Text::TimeToAcknowledge, "Time to Acknowledgment (TTA)", "[X minutes]", "Investigation started"),
                noted(Text::TimeToMitigate, "Time to Mitigation (TTM)", "[X minutes]", "Bleeding stopped"),
                noted(Text::TimeToResolve, "Time to Resolution (TTR/MTTR)", "[X minutes]", "Fully resolved"),
            ],
            extra: None,
        },
        Block::Heading { level: H3, text: "Detection Gaps" },
        Block::Prose { field: Text::DetectionGaps, blank: "[What should have alerted us but didn't?]" },
        Block::Heading { level: H2, text: "Response" },
        Block::Heading { level: H3, text: "What Went Well" },
        Block::Items {
            field: List::WentWell,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Positive 1: e.g., \"Quick escalation to on-call\"]\n- [Positive 2: e.g., \"Clear communication in incident channel\"]\n- [Positive 3: e.g., \"Runbook was helpful\"]",
        },
        Block::Heading { level: H3, text: "What Didn't Go Well" },
        Block::Items {
            field: List::CouldImprove,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Issue 1: e.g., \"Took too long to identify root cause\"]\n- [Issue 2: e.g., \"Missing access to logs\"]\n- [Issue 3: e.g., \"Unclear ownership\"]",
        },
        Block::Heading { level: H3, text: "Where We Got Lucky" },
        Block::Items {
            field: List::GotLucky,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Lucky break 1: e.g., \"Engineer happened to be online\"]\n- [Lucky break 2: e.g., \"Impact was during low-traffic period\"]",
        },
        Block::Heading { level: H2, text: "Resolution" },
        Block::Heading { level: H3, text: "Immediate Fix" },
        Block::Prose { field: Text::ImmediateFix, blank: "[What was done to stop the bleeding?]" },
        Block::Heading { level: H3, text: "Verification" },
        Block::Prose { field: Text::Verification, blank: "[How did we confirm the fix worked?]" },
        Block::Heading { level: H2, text: "Action Items" },
        Block::ActionItems {
            columns: &[
                (Col::Action, "Action"),
                (Col::Owner, "Owner"),
                (Col::Due, "Due Date"),
                (Col::Status, "Status"),
                (Col::Tracking, "Beads Issue"),
            ],
            by_horizon: true,
            details: false,
            blank: "### Immediate (Within 1 Week)\n\n| Action | Owner | Due Date | Status | Beads Issue |\n|---|---|---|---|---|\n| [Action 1] | [Name] | [Date] | Open | [bd://xxx] |\n| [Action 2] | [Name] | [Date] | Open | [bd://xxx] |\n\n### Short-Term (Within 1 Month)\n\n| Action | Owner | Due Date | Status | Beads Issue |\n|---|---|---|---|---|\n| [Action 1] | [Name] | [Date] | Open | [bd://xxx] |\n\n### Long-Term (Within 1 Quarter)\n\n| Action | Owner | Due Date | Status | Beads Issue |\n|---|---|---|---|---|\n| [Action 1] | [Name] | [Date] | Open | [bd://xxx] |",
        },
        Block::Heading { level: H2, text: "Prevention" },
        Block::Heading { level: H3, text: "How Do We Prevent Recurrence?" },
        Block::Prose { field: Text::PreventRecurrence, blank: "[Specific technical and process changes]" },
        Block::Heading { level: H3, text: "How Do We Detect Faster?" },
        Block::Prose { field: Text::DetectFaster, blank: "[New alerts, dashboards, or checks to add]" },
        Block::Heading { level: H3, text: "How Do We Recover Faster?" },
        Block::Prose { field: Text::RecoverFaster, blank: "[Runbook updates, automation, or process improvements]" },
        Block::Heading { level: H2, text: "Lessons Learned" },
        Block::Heading { level: H3, text: "Key Takeaways" },
        Block::Items {
            field: List::KeyTakeaways,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Lesson 1]\n- [Lesson 2]\n- [Lesson 3]",
        },
        Block::Heading { level: H3, text: "Process Improvements" },
        Block::Items {
            field: List::ProcessImprovements,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Improvement 1]\n- [Improvement 2]",
        },
        Block::Heading { level: H2, text: "Appendix" },
        Block::Heading { level: H3, text: "Related Incidents" },
        Block::Items {
            field: List::RelatedIncidents,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Link to similar past incidents]",
        },
        Block::Heading { level: H3, text: "Relevant Logs/Dashboards" },
        Block::Items {
            field: List::Dashboards,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Link to logs]\n- [Link to dashboard]\n- [Link to traces]",
        },
        Block::Heading { level: H3, text: "External References" },
        Block::Items {
            field: List::References,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Vendor post-mortem if applicable]\n- [Related documentation]",
        },
        Block::Heading { level: H2, text: "Sign-off" },
        Block::SignOff {
            style: SignOffStyle::Table,
            blank: "| Role | Name | Date |\n|---|---|---|\n| Author | | |\n| Incident Commander | | |\n| Engineering Lead | | |\n| Product Owner | | |",
        },
    ],
};

// ---------------------------------------------------------------------------------------
// Seed 002: summary table, arrow-style Five Whys, action item detail blocks.

const T002: Template = Template {
    id: "002",
    name: "Post-mortem with action item details (SEV1–4)",
    description: "Summary table, Five Whys with arrows, response analysis, action items with description, rationale and success criteria, sign-off.",
    preamble: "",
    title_prefix: "Post-Mortem",
    title_blank: "[Incident Title]",
    severity_scale: Scale::Sev,
    severities: &["SEV1", "SEV2", "SEV3", "SEV4"],
    statuses: &["Draft", "Reviewed", "Final"],
    priorities: &["P1", "P2", "P3"],
    acknowledge_from: AcknowledgeFrom::ImpactStart,
    blocks: &[
        Block::Heading { level: H2, text: "Summary" },
        Block::Rows {
            form: Form::Table { header: &["Field", "Value"], bold_keys: true },
            rows: &[
                row(Text::IncidentId, "Incident ID", "INC-XXXX"),
                row(Text::Date, "Date", "YYYY-MM-DD"),
                row(Text::Duration, "Duration", "X hours Y minutes"),
                row(Text::Severity, "Severity", "SEV1/2/3/4"),
                row(Text::Author, "Author", ""),
                row(Text::Status, "Status", "Draft / Reviewed / Final"),
            ],
            extra: Some(Part::MetaExtra),
        },
        Block::Heading { level: H3, text: "One-Line Summary" },
        Block::Prose { field: Text::OneLine, blank: "[What happened in one sentence]" },
        Block::Heading { level: H3, text: "Impact" },
        Block::Rows {
            form: Form::PlainBullets,
            rows: &[
                row(Text::UsersAffected, "Users affected:", "[Number or percentage]"),
                row(Text::ImpactDuration, "Duration:", "[How long]"),
                row(Text::BusinessImpact, "Business impact:", "[Revenue, reputation, etc.]"),
            ],
            extra: Some(Part::ImpactExtra),
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Timeline" },
        Block::Timeline {
            time: "Time",
            event: "Event",
            owner: false,
            zone_intro: true,
            blank: "| HH:MM | [First indication of problem] |\n| HH:MM | [Alert triggered / User report received] |\n| HH:MM | [Incident declared] |\n| HH:MM | [Investigation began] |\n| HH:MM | [Root cause identified] |\n| HH:MM | [Mitigation implemented] |\n| HH:MM | [Service restored] |\n| HH:MM | [Incident resolved] |",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Root Cause Analysis" },
        Block::Heading { level: H3, text: "What Happened" },
        Block::Prose { field: Text::WhatHappened, blank: "[Detailed description of the technical failure]" },
        Block::Heading { level: H3, text: "Why It Happened" },
        Block::Prose { field: Text::Analysis, blank: "[Root cause analysis - \"Five Whys\" or similar]" },
        Block::Whys {
            style: WhyStyle::Arrow,
            lead: "",
            blank: "1. **Why** [first-level cause]?\n   → Because [second-level cause]\n\n2. **Why** [second-level cause]?\n   → Because [third-level cause]\n\n3. **Why** [third-level cause]?\n   → Because [fourth-level cause]\n\n4. **Why** [fourth-level cause]?\n   → Because [fifth-level cause]",
        },
        Block::Labeled {
            field: Text::RootStatement,
            label: "**Root Cause:**",
            blank: "[The underlying issue]",
        },
        Block::Heading { level: H3, text: "Contributing Factors" },
        Block::Items {
            field: List::Factors,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Factor 1]\n- [Factor 2]\n- [Factor 3]",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Response Analysis" },
        Block::Heading { level: H3, text: "What Went Well" },
        Block::Items {
            field: List::WentWell,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Thing that worked]\n- [Thing that worked]\n- [Thing that worked]",
        },
        Block::Heading { level: H3, text: "What Could Have Gone Better" },
        Block::Items {
            field: List::CouldImprove,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Area for improvement]\n- [Area for improvement]\n- [Area for improvement]",
        },
        Block::Heading { level: H3, text: "Where We Got Lucky" },
        Block::Items {
            field: List::GotLucky,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Thing that could have made it worse]",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Action Items" },
        Block::ActionItems {
            columns: &[
                (Col::Id, "#"),
                (Col::Action, "Action"),
                (Col::Owner, "Owner"),
                (Col::Priority, "Priority"),
                (Col::Due, "Due Date"),
                (Col::Status, "Status"),
            ],
            by_horizon: false,
            details: true,
            blank: "| # | Action | Owner | Priority | Due Date | Status |\n|:--|:-------|:------|:---------|:---------|:-------|\n| 1 | | | P1/P2/P3 | | Open |\n| 2 | | | | | |\n| 3 | | | | | |\n| 4 | | | | | |\n| 5 | | | | | |\n\n### Action Item Details\n\n**AI-1: [Title]**\n- Description: [What needs to be done]\n- Rationale: [Why this prevents recurrence]\n- Success criteria: [How we know it's done]\n\n**AI-2: [Title]**\n- Description:\n- Rationale:\n- Success criteria:",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Lessons Learned" },
        Block::Heading { level: H3, text: "Key Takeaways" },
        Block::Items {
            field: List::KeyTakeaways,
            style: ListStyle::Ordered,
            lead: "",
            blank: "1. [Lesson 1]\n2. [Lesson 2]\n3. [Lesson 3]",
        },
        Block::Heading { level: H3, text: "Questions to Consider" },
        Block::Items {
            field: List::Questions,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- Could this happen again? How likely?\n- Would we detect it faster next time?\n- Are there similar issues elsewhere?",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Appendix" },
        Block::Heading { level: H3, text: "Supporting Data" },
        Block::Prose { field: Text::SupportingData, blank: "[Graphs, logs, screenshots]" },
        Block::Heading { level: H3, text: "Related Incidents" },
        Block::Items {
            field: List::RelatedIncidents,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [INC-XXXX]: [Relationship]",
        },
        Block::Heading { level: H3, text: "References" },
        Block::Items {
            field: List::References,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Relevant documentation]\n- [Related post-mortems]",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Sign-Off" },
        Block::SignOff {
            style: SignOffStyle::Table,
            blank: "| Role | Name | Date |\n|:-----|:-----|:-----|\n| Author | | |\n| Reviewer | | |\n| Action Item Owners | | |",
        },
        Block::Rule,
        Block::Rows {
            form: Form::ItalicLines,
            rows: &[
                row(Text::MeetingDate, "Post-mortem meeting held:", "[DATE]"),
                row(Text::FinalizedDate, "Document finalized:", "[DATE]"),
            ],
            extra: None,
        },
    ],
};

// ---------------------------------------------------------------------------------------
// Seed 003: compact report, bold-key bullets, P0–P2, timeline with owners.

const T003: Template = Template {
    id: "003",
    name: "Compact incident report (P0–P2)",
    description: "Eight numbered sections of bold-key bullets, a response timeline with owners, and time to detect, acknowledge and resolve.",
    preamble: "",
    title_prefix: "Post-Mortem Report",
    title_blank: "[Incident Title]",
    severity_scale: Scale::PZero,
    severities: &["P0", "P1", "P2"],
    statuses: &["Open", "Resolved"],
    priorities: &["P0", "P1", "P2"],
    // "Time to Acknowledge (MTTA)" beside a timeline that opens with the alert.
    acknowledge_from: AcknowledgeFrom::Detection,
    blocks: &[
        Block::Heading { level: H2, text: "1. Incident Summary" },
        Block::Rows {
            form: Form::BoldBullets,
            rows: &[
                row(Text::IncidentId, "Incident ID:", "[e.g., INC-123, PagerDuty Incident #456]"),
                Row { value: Value::StartEnd, label: "Date & Time (UTC):", blank: "[Start Time] - [End Time]", note: "" },
                row(Text::Duration, "Duration:", "[e.g., 2 hours 15 minutes]"),
                list_row(List::Services, "Service(s) Affected:", "[e.g., User API, Payment Service, Frontend]"),
                row(Text::Severity, "Severity:", "[P0, P1, P2]"),
                row(Text::ImpactDescription, "Impact:", "[Concise description of business and customer impact, e.g., \"Users unable to log in for 2 hours, resulting in X% revenue loss.\"]"),
                row(Text::Commander, "Incident Commander:", "[Name]"),
                row(Text::Responders, "Key Responders:", "[List of individuals/teams involved]"),
            ],
            extra: Some(Part::MetaExtra),
        },
        Block::Heading { level: H2, text: "2. Detection" },
        Block::Rows {
            form: Form::BoldBullets,
            rows: &[
                row(Text::DetectionMethod, "How was the incident detected?", "[e.g., \"Automated alert from Prometheus\", \"Customer report via support channel\"]"),
                row(Text::TimeToDetect, "Time to Detect (MTTD):", "[e.g., 5 minutes]"),
                row(Text::DetectionEffective, "Was detection effective?", "[Yes/No, why/why not]"),
            ],
            extra: None,
        },
        Block::Heading { level: H2, text: "3. Response Timeline" },
        Block::Timeline {
            time: "Timestamp (UTC)",
            event: "Event",
            owner: true,
            zone_intro: false,
            blank: "| [YYYY-MM-DD HH:MM] | Alert triggered: `ServiceXHighErrorRate` | Monitoring |\n| [YYYY-MM-DD HH:MM] | On-call engineer acknowledged alert | [Engineer Name] |\n| [YYYY-MM-DD HH:MM] | Incident declared P1, Slack channel #incident-xyz created | [Engineer Name] |\n| [YYYY-MM-DD HH:MM] | Initial investigation: checked recent deployments | [Engineer Name] |\n| [YYYY-MM-DD HH:MM] | Identified database connection pool exhaustion | [Engineer Name] |\n| [YYYY-MM-DD HH:MM] | Mitigation: Restarted database instances | [Engineer Name] |\n| [YYYY-MM-DD HH:MM] | Service restored, monitoring for stability | [Engineer Name] |\n| [YYYY-MM-DD HH:MM] | Incident resolved | [Engineer Name] |",
        },
        Block::Rows {
            form: Form::BoldBullets,
            rows: &[
                row(Text::TimeToAcknowledge, "Time to Acknowledge (MTTA):", "[e.g., 2 minutes]"),
                row(Text::TimeToResolve, "Time to Resolve (MTTR):", "[e.g., 1 hour 30 minutes]"),
            ],
            extra: None,
        },
        Block::Heading { level: H2, text: "4. Root Cause Analysis" },
        Block::Rows {
            form: Form::BoldBullets,
            rows: &[
                row(Text::WhatHappened, "What was the immediate cause?", "[e.g., \"Deployment of new feature X introduced a memory leak in Service Y.\"]"),
                list_row(List::Factors, "What were the contributing factors?", "[e.g., \"Lack of adequate load testing for feature X\", \"Monitoring alert threshold was too high.\"]"),
                row(Text::Analysis, "5 Whys / Fishbone Diagram (if applicable):", "[Brief summary or link to analysis]"),
            ],
            extra: None,
        },
        // The "5 Whys" bullet's chain, when the author writes one (the seed has none).
        Block::Whys {
            style: WhyStyle::Inline,
            lead: "**5 Whys:**",
            blank: "",
        },
        Block::Heading { level: H2, text: "5. Resolution" },
        Block::Rows {
            form: Form::BoldBullets,
            rows: &[
                row(Text::ImmediateFix, "How was the incident resolved?", "[e.g., \"Rolled back deployment of feature X\", \"Increased database connection pool size.\"]"),
                row(Text::ResolutionEffective, "Was the resolution effective?", "[Yes/No]"),
            ],
            extra: None,
        },
        Block::Heading { level: H2, text: "6. Lessons Learned" },
        Block::Rows {
            form: Form::BoldBullets,
            rows: &[
                list_row(List::WentWell, "What went well?", "[e.g., \"Team communication was excellent\", \"Runbook for database issues was accurate.\"]"),
                list_row(List::CouldImprove, "What could have gone better?", "[e.g., \"Detection could have been faster\", \"Lack of clear ownership for Service Z.\"]"),
            ],
            extra: None,
        },
        Block::Heading { level: H2, text: "7. Action Items" },
        Block::ActionItems {
            columns: &[
                (Col::Id, "ID"),
                (Col::Action, "Description"),
                (Col::Owner, "Owner"),
                (Col::Due, "Due Date"),
                (Col::Status, "Status"),
            ],
            by_horizon: false,
            details: false,
            blank: "| ID | Description | Owner | Due Date | Status |\n| :---- | :---- | :---- | :---- | :---- |\n| INC-123-1 | Implement load testing for new features in CI/CD pipeline | @engineer-lead | YYYY-MM-DD | Open |\n| INC-123-2 | Review and adjust alert thresholds for Service Y memory usage | @sre-team | YYYY-MM-DD | Open |\n| INC-123-3 | Create runbook for Service Z common issues | @dev-team | YYYY-MM-DD | Open |",
        },
        Block::Heading { level: H2, text: "8. Supporting Information" },
        Block::Items {
            field: List::Dashboards,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Link to relevant dashboards (Grafana, Datadog)]\n- [Link to relevant logs (Splunk, ELK)]\n- [Link to Jira ticket / Incident Management Platform entry]\n- [Link to communication threads (Slack)]",
        },
    ],
};

// ---------------------------------------------------------------------------------------
// Seed 004: RCA report, metadata table, P1–P4, blameless footer.

const T004: Template = Template {
    id: "004",
    name: "Root cause analysis report (P1–P4)",
    description: "Metadata table, executive summary, labelled timeline, 5 Whys, impact assessment, prioritised action items and an appendix with logs.",
    preamble: "",
    title_prefix: "Post-Mortem / Root Cause Analysis Report",
    title_blank: "",
    severity_scale: Scale::POne,
    severities: &["P1", "P2", "P3", "P4"],
    statuses: &["Draft", "In Review", "Final"],
    priorities: &["High", "Medium", "Low"],
    acknowledge_from: AcknowledgeFrom::ImpactStart,
    blocks: &[
        Block::Rule,
        Block::Heading { level: H2, text: "Incident Metadata" },
        Block::Rows {
            form: Form::Table { header: &["Field", "Value"], bold_keys: true },
            rows: &[
                row(Text::IncidentId, "Incident ID", "INC-YYYY-NNNN"),
                row(Text::Date, "Date", "YYYY-MM-DD"),
                row(Text::Duration, "Duration", "HH:MM (from detection to resolution)"),
                row(Text::Severity, "Severity", "P1 / P2 / P3 / P4"),
                list_row(List::Services, "Services Affected", "[List affected services]"),
                row(Text::ImpactDescription, "User Impact", "[Describe user-facing impact, estimated affected users/requests]"),
                row(Text::Commander, "Incident Commander", "[Name]"),
                row(Text::Responders, "Responders", "[Names and roles]"),
                row(Text::Status, "Status", "Draft / In Review / Final"),
            ],
            extra: Some(Part::MetaExtra),
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Executive Summary" },
        Block::Prose { field: Text::Executive, blank: "[2-3 sentence summary of what happened, the impact, and how it was resolved.]" },
        Block::Rule,
        Block::Heading { level: H2, text: "Timeline" },
        Block::Guidance("All times in UTC."),
        Block::Timeline {
            time: "Time",
            event: "Event",
            owner: false,
            zone_intro: false,
            blank: "| HH:MM | **Detection**: [How the incident was detected - alert, user report, etc.] |\n| HH:MM | **Triage**: [Initial assessment and severity assignment] |\n| HH:MM | **Escalation**: [Who was paged, what teams were engaged] |\n| HH:MM | **Investigation**: [Key findings during investigation] |\n| HH:MM | **Mitigation**: [Temporary fix applied to reduce impact] |\n| HH:MM | **Resolution**: [Permanent fix deployed or root cause fully addressed] |\n| HH:MM | **Monitoring**: [Confirmation that the issue is fully resolved] |",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Root Cause Analysis" },
        Block::Heading { level: H3, text: "What happened" },
        Block::Prose { field: Text::WhatHappened, blank: "[Detailed technical description of what went wrong.]" },
        Block::Heading { level: H3, text: "5 Whys Analysis" },
        Block::Whys {
            style: WhyStyle::Nested,
            lead: "",
            blank: "1. **Why** did [the observed failure] happen?\n   - Because [direct cause].\n2. **Why** did [direct cause] happen?\n   - Because [deeper cause].\n3. **Why** did [deeper cause] happen?\n   - Because [even deeper cause].\n4. **Why** did [even deeper cause] happen?\n   - Because [systemic cause].\n5. **Why** did [systemic cause] happen?\n   - Because [root cause].",
        },
        Block::Heading { level: H3, text: "Root Cause" },
        Block::Prose { field: Text::RootStatement, blank: "[One clear statement of the root cause identified through the analysis above.]" },
        Block::Rule,
        Block::Heading { level: H2, text: "Contributing Factors" },
        Block::Items {
            field: List::Factors,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Factor 1: e.g., Missing monitoring for the affected component]\n- [Factor 2: e.g., Deploy pipeline did not include canary step]\n- [Factor 3: e.g., Documentation was outdated for the recovery procedure]\n- [Factor 4: e.g., On-call responder was unfamiliar with the service]",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Impact Assessment" },
        Block::Rows {
            form: Form::Table { header: &["Metric", "Value"], bold_keys: true },
            rows: &[
                row(Text::TotalDowntime, "Total downtime", "[Duration]"),
                row(Text::RequestsFailed, "Requests affected", "[Count or percentage]"),
                row(Text::UsersAffected, "Users affected", "[Count or percentage]"),
                row(Text::Revenue, "Revenue impact", "[Estimated, if applicable]"),
                row(Text::Sla, "SLA impact", "[SLA budget consumed, remaining budget]"),
                row(Text::DataLoss, "Data loss", "[Yes/No, details if applicable]"),
            ],
            extra: Some(Part::ImpactExtra),
        },
        Block::Rule,
        Block::Heading { level: H2, text: "What Went Well" },
        Block::Items {
            field: List::WentWell,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Thing 1: e.g., Alerting fired within 2 minutes of the issue starting]\n- [Thing 2: e.g., Runbook was accurate and helped speed up mitigation]\n- [Thing 3: e.g., Cross-team communication was clear and timely]\n- [Thing 4: e.g., Rollback procedure worked as expected]",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "What Could Be Improved" },
        Block::Items {
            field: List::CouldImprove,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Thing 1: e.g., Detection took too long because monitoring was missing for this path]\n- [Thing 2: e.g., Escalation was delayed because the on-call rotation was unclear]\n- [Thing 3: e.g., The mitigation steps were not documented]\n- [Thing 4: e.g., There was no automated rollback for this deploy type]",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Action Items" },
        Block::ActionItems {
            columns: &[
                (Col::Id, "ID"),
                (Col::Action, "Action"),
                (Col::Owner, "Owner"),
                (Col::Priority, "Priority"),
                (Col::Due, "Deadline"),
                (Col::Status, "Status"),
            ],
            by_horizon: false,
            details: false,
            blank: "| ID | Action | Owner | Priority | Deadline | Status |\n|---|---|---|---|---|---|\n| AI-1 | [Add monitoring for the affected component] | [Name] | High | YYYY-MM-DD | Open |\n| AI-2 | [Add canary deployment for this service] | [Name] | High | YYYY-MM-DD | Open |\n| AI-3 | [Update runbook with new recovery steps] | [Name] | Medium | YYYY-MM-DD | Open |\n| AI-4 | [Add integration test for the failure scenario] | [Name] | Medium | YYYY-MM-DD | Open |\n| AI-5 | [Conduct training on incident response for new team members] | [Name] | Low | YYYY-MM-DD | Open |",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Lessons Learned" },
        Block::Items {
            field: List::KeyTakeaways,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Lesson 1: e.g., Canary deployments would have caught this before full rollout]\n- [Lesson 2: e.g., We need health checks that cover downstream dependencies]\n- [Lesson 3: e.g., Runbooks should be reviewed quarterly to stay current]",
        },
        Block::Rule,
        Block::Heading { level: H2, text: "Appendix" },
        Block::Heading { level: H3, text: "Relevant Logs" },
        Block::Items {
            field: List::Logs,
            style: ListStyle::Code,
            lead: "",
            blank: "```\n[Paste key log excerpts here]\n```",
        },
        Block::Heading { level: H3, text: "Relevant Metrics / Graphs" },
        Block::Items {
            field: List::Dashboards,
            style: ListStyle::Bullet,
            lead: "",
            blank: "[Link to or embed relevant dashboards or screenshots]",
        },
        Block::Heading { level: H3, text: "Related Incidents" },
        Block::Items {
            field: List::RelatedIncidents,
            style: ListStyle::Bullet,
            lead: "",
            blank: "- [Link to similar past incidents, if any]",
        },
        Block::Rule,
        Block::Fixed("*This post-mortem follows a blameless culture. The goal is to understand systemic issues and improve, not to assign blame to individuals.*"),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_seed_numbers_and_unique() {
        let ids: Vec<_> = all().iter().map(|t| t.id).collect();
        assert_eq!(ids, ["000", "001", "002", "003", "004"]);
    }

    #[test]
    fn no_template_places_a_slot_twice() {
        for t in all() {
            let mut slots = t.placed_slots();
            // The title is added once by placed_slots itself.
            let n = slots.len();
            slots.sort();
            slots.dedup();
            assert_eq!(slots.len(), n, "template {} places a slot twice", t.id);
        }
    }

    #[test]
    fn only_severity_and_status_fields_offer_choices() {
        let t = by_id_or_default("003");
        assert_eq!(t.choices(TextKind::Severity), Some(&["P0", "P1", "P2"][..]));
        assert_eq!(t.choices(TextKind::Status), Some(&["Open", "Resolved"][..]));
        for free in [
            TextKind::Line,
            TextKind::Prose,
            TextKind::Date,
            TextKind::DateTime,
        ] {
            assert_eq!(t.choices(free), None, "{free:?}");
        }
    }
}

/// Moves a report to another template. Nothing is dropped (the exporter puts what the new
/// layout has no place for under "Additional Notes"); a severity the author wrote in the
/// old template's scale is re-expressed in the new one, so "P1" in seed 003 (SEV2)
/// becomes "P2" in seed 004 rather than silently changing meaning. A document kept in
/// its own layout takes the template's from then on.
pub fn switch_template(report: &mut crate::model::Report, id: &str) {
    let Some(to) = by_id(id) else { return };
    report.layout = None;
    let from = by_id_or_default(&report.template);
    if let Some(s) = crate::severity::Severity::parse(&report.meta.severity, from.severity_scale) {
        if from.id != to.id {
            report.meta.severity = s.render(to.severity_scale);
        }
    }
    if from.id != to.id {
        map_fields(report, to);
    }
    report.template = to.id.to_string();
}

/// Fields that say the same thing in different templates ("User Impact" in one is
/// "Users affected" in another), most specific first.
const KIN: &[&[Text]] = &[
    &[Text::ImpactDescription, Text::UsersAffected],
    &[Text::Summary, Text::OneLine, Text::Executive],
    &[Text::ImpactDuration, Text::TotalDowntime],
];

/// Moves each filled field `to` has no place for into an empty kin field it places, so
/// nothing that has a place ends up in Additional Notes: the date becomes the start (or
/// the start's date the date), a "User Impact" the "Users affected", and so on.
fn map_fields(report: &mut crate::model::Report, to: &Template) {
    let placed = to.placed_slots();
    let has = |t: Text| placed.contains(&Slot::Text(t));
    let filled = |r: &crate::model::Report, t: Text| !t.get(r).trim().is_empty();
    for group in KIN {
        for &f in *group {
            if has(f) || !filled(report, f) {
                continue;
            }
            if let Some(&g) = group.iter().find(|&&g| has(g) && !filled(report, g)) {
                let v = std::mem::take(f.get_mut(report));
                *g.get_mut(report) = v;
            }
        }
    }
    // A date alone is a start without a time; a start's date is the incident's date.
    if !has(Text::Date)
        && has(Text::Start)
        && filled(report, Text::Date)
        && !filled(report, Text::Start)
    {
        report.meta.start = std::mem::take(&mut report.meta.date);
    }
    // A date that only repeats the start's date (made from it by an earlier switch) has
    // its place in the start.
    if !has(Text::Date) && has(Text::Start) && filled(report, Text::Date) {
        let same_day = crate::time::parse_stamp(&report.meta.start).is_some_and(|stamp| {
            matches!(stamp.date, crate::time::DatePart::Full(d)
                if d.format("%Y-%m-%d").to_string() == report.meta.date.trim())
        });
        if same_day {
            report.meta.date.clear();
        }
    }
    if has(Text::Date) && !has(Text::Start) && !filled(report, Text::Date) {
        if let Some(stamp) = crate::time::parse_stamp(&report.meta.start) {
            if let crate::time::DatePart::Full(d) = stamp.date {
                let date = d.format("%Y-%m-%d").to_string();
                // A start that is only a date says nothing more: it moves.
                if report.meta.start.trim() == date {
                    report.meta.start.clear();
                }
                report.meta.date = date;
            }
        }
    }
}

#[cfg(test)]
mod switch_tests {
    use super::*;
    use crate::model::Report;

    #[test]
    fn switching_keeps_the_severity_level() {
        let mut r = Report::new("003");
        r.meta.severity = "P1".into();
        switch_template(&mut r, "004");
        assert_eq!(
            (r.template.as_str(), r.meta.severity.as_str()),
            ("004", "P2")
        );
        switch_template(&mut r, "000");
        assert_eq!(r.meta.severity, "SEV2");
        r.meta.severity = "whatever".into();
        switch_template(&mut r, "003");
        assert_eq!(
            (r.template.as_str(), r.meta.severity.as_str()),
            ("003", "whatever")
        );
    }

    #[test]
    fn switching_maps_fields_to_their_place_in_the_new_template() {
        let mut r = Report::new("004");
        r.meta.date = "2024-03-02".into();
        r.impact.description = "EU checkout failed for 25 minutes".into();
        switch_template(&mut r, "003");
        // 003 has "Date & Time" (start – end) and "Impact": the date is the start.
        assert_eq!(
            (r.meta.start.as_str(), r.meta.date.as_str()),
            ("2024-03-02", "")
        );
        assert_eq!(r.impact.description, "EU checkout failed for 25 minutes");
        switch_template(&mut r, "001");
        // 001 has a Date and "Users Affected" but no start or impact description.
        assert_eq!(
            (r.meta.date.as_str(), r.meta.start.as_str()),
            ("2024-03-02", "")
        );
        assert_eq!(r.impact.users_affected, "EU checkout failed for 25 minutes");
        assert_eq!(r.impact.description, "");
        // Nothing filled is left without a place.
        for id in ["000", "001", "002", "003", "004"] {
            let mut x = r.clone();
            switch_template(&mut x, id);
            let placed = by_id_or_default(id).placed_slots();
            for t in [
                Text::Date,
                Text::Start,
                Text::ImpactDescription,
                Text::UsersAffected,
            ] {
                assert!(
                    t.get(&x).is_empty() || placed.contains(&Slot::Text(t)),
                    "{id}: {t:?} unplaced"
                );
            }
        }
    }

    #[test]
    fn a_start_with_a_time_keeps_its_time_and_gives_its_date() {
        let mut r = Report::new("003");
        r.meta.start = "2024-03-02 09:12 UTC".into();
        switch_template(&mut r, "004");
        assert_eq!(r.meta.date, "2024-03-02");
        assert_eq!(r.meta.start, "2024-03-02 09:12 UTC");
        // Back in 003 the date is the start's again, not a note of its own.
        switch_template(&mut r, "003");
        assert_eq!(r.meta.date, "");
        assert_eq!(r.meta.start, "2024-03-02 09:12 UTC");
        // A date that says something else stays (Additional Notes shows it).
        r.meta.date = "2024-03-01".into();
        switch_template(&mut r, "003");
        assert_eq!(r.meta.date, "2024-03-01");
    }

    #[test]
    fn switching_leaves_a_documents_own_layout() {
        let mut r = Report::new("000");
        r.layout = Some(crate::model::OwnLayout::default());
        switch_template(&mut r, "000");
        assert_eq!((r.template.as_str(), r.layout.is_none()), ("000", true));
    }

    #[test]
    fn unknown_template_changes_nothing() {
        let mut r = Report::new("001");
        switch_template(&mut r, "999");
        assert_eq!(r.template, "001");
    }
}
