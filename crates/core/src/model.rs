//! The report model: one structure that holds everything any of the five seed templates
//! can hold. Text is stored as the author typed it; interpretation (severity levels,
//! date-times, durations) happens when validating or rendering, so a half-written draft is
//! always representable.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The JSON schema version this build writes. Bump it and add a step to
/// `json::migrate` whenever a stored field changes meaning or name.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole post-mortem.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(not(feature = "probe"), derive(Clone))]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Report {
    /// Version of this JSON layout; see `SCHEMA_VERSION`.
    pub schema_version: u32,
    /// Template the report is written in: "000" … "004".
    pub template: String,
    pub meta: Metadata,
    pub summary: Summary,
    pub impact: Impact,
    pub timeline: Timeline,
    pub root_cause: RootCause,
    pub contributing_factors: ContributingFactors,
    pub detection: Detection,
    pub response: Response,
    pub resolution: Resolution,
    /// What went well.
    pub went_well: Vec<String>,
    /// What could be improved / what didn't go well / what could have gone better.
    pub could_improve: Vec<String>,
    /// Where we got lucky.
    pub got_lucky: Vec<String>,
    pub action_items: Vec<ActionItem>,
    pub prevention: Prevention,
    pub lessons: Lessons,
    pub appendix: Appendix,
    pub sign_off: Vec<SignOff>,
    /// Sections the author added (or that an import could not map), in order.
    pub extra_sections: Vec<ExtraSection>,
    /// Template placeholders an import found left in the source, so validation can report
    /// them even though they were not imported as values.
    pub placeholders: Vec<PlaceholderNote>,
    /// The document's own section order and headings, when it was imported from a layout
    /// that follows none of the five templates: what "export in its own layout" writes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<OwnLayout>,
}

/// With the `probe` feature, every whole-report clone is counted (`crate::probe`), so a
/// benchmark can say how many one keystroke costs.
#[cfg(feature = "probe")]
impl Clone for Report {
    fn clone(&self) -> Self {
        crate::probe::report_cloned();
        Report {
            schema_version: self.schema_version,
            template: self.template.clone(),
            meta: self.meta.clone(),
            summary: self.summary.clone(),
            impact: self.impact.clone(),
            timeline: self.timeline.clone(),
            root_cause: self.root_cause.clone(),
            contributing_factors: self.contributing_factors.clone(),
            detection: self.detection.clone(),
            response: self.response.clone(),
            resolution: self.resolution.clone(),
            went_well: self.went_well.clone(),
            could_improve: self.could_improve.clone(),
            got_lucky: self.got_lucky.clone(),
            action_items: self.action_items.clone(),
            prevention: self.prevention.clone(),
            lessons: self.lessons.clone(),
            appendix: self.appendix.clone(),
            sign_off: self.sign_off.clone(),
            extra_sections: self.extra_sections.clone(),
            placeholders: self.placeholders.clone(),
            layout: self.layout.clone(),
        }
    }
}

impl Default for Report {
    fn default() -> Self {
        Report {
            schema_version: SCHEMA_VERSION,
            template: "000".to_string(),
            meta: Metadata::default(),
            summary: Summary::default(),
            impact: Impact::default(),
            timeline: Timeline::default(),
            root_cause: RootCause::default(),
            contributing_factors: ContributingFactors::default(),
            detection: Detection::default(),
            response: Response::default(),
            resolution: Resolution::default(),
            went_well: Vec::new(),
            could_improve: Vec::new(),
            got_lucky: Vec::new(),
            action_items: Vec::new(),
            prevention: Prevention::default(),
            lessons: Lessons::default(),
            appendix: Appendix::default(),
            sign_off: Vec::new(),
            extra_sections: Vec::new(),
            placeholders: Vec::new(),
            layout: None,
        }
    }
}

impl Report {
    /// A blank report in the given template.
    pub fn new(template: &str) -> Self {
        Report {
            template: template.to_string(),
            ..Report::default()
        }
    }
}

/// A key/value pair the author added that the model has no field for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct KeyValue {
    pub key: String,
    pub value: String,
}

/// The incident's identifying facts (the metadata block of every seed).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Metadata {
    pub title: String,
    /// e.g. "INC-2024-0042".
    pub incident_id: String,
    /// Incident date as typed, e.g. "2024-01-15".
    pub date: String,
    /// Start date-time as typed, with zone, e.g. "2024-01-15 14:30 UTC".
    pub start: String,
    /// End date-time as typed.
    pub end: String,
    /// Time zone the timeline is written in, e.g. "UTC".
    pub timezone: String,
    /// Duration as the author stated it, e.g. "45 minutes".
    pub duration: String,
    /// Severity as typed: "SEV2", "P1", "High"… Interpreted by `severity::Severity`.
    pub severity: String,
    /// Status as typed: Draft, In Review, Reviewed, Final, Complete.
    pub status: String,
    pub author: String,
    pub incident_commander: String,
    /// Key responders (seed 003, 004).
    pub responders: String,
    /// Post-mortem meeting participants (seed 000).
    pub attendees: String,
    pub reviewers: String,
    /// Services or systems affected, one per entry.
    pub services: Vec<String>,
    /// Issue-tracker link for the incident (seed 001's "Beads Issue").
    pub tracker: String,
    /// Date of the post-mortem meeting.
    pub meeting_date: String,
    /// Date the document was finalised.
    pub finalized_date: String,
    /// Metadata keys the model has no field for, kept in order.
    pub extra: Vec<KeyValue>,
}

/// The summaries.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Summary {
    /// One paragraph: what happened, when, impact (seed 000).
    pub summary: String,
    /// One sentence (seeds 001, 002).
    pub one_line: String,
    /// Two or three sentences for leadership (seed 004).
    pub executive: String,
}

/// Impact metrics, the union of every seed's impact table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Impact {
    /// Prose description of user-facing impact.
    pub description: String,
    pub users_affected: String,
    pub requests_failed: String,
    pub error_rate_peak: String,
    /// Duration of impact, as typed.
    pub duration: String,
    pub revenue: String,
    pub sla: String,
    pub support_tickets: String,
    pub customer_notifications: String,
    pub data_loss: String,
    pub total_downtime: String,
    pub business_impact: String,
    /// Author-added metric rows.
    pub extra: Vec<KeyValue>,
}

/// What kind of moment a timeline row records; drives the computed metrics.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// What set the incident off (a traffic spike, an expired certificate).
    Trigger,
    /// A change made to the system (a deploy, a config push, a flag flip).
    Change,
    ImpactStart,
    Detected,
    Alerted,
    Acknowledged,
    Declared,
    Escalated,
    Investigating,
    RootCauseIdentified,
    Mitigated,
    Restored,
    Resolved,
    Monitoring,
}

impl EventKind {
    pub const ALL: [EventKind; 14] = [
        EventKind::Trigger,
        EventKind::Change,
        EventKind::ImpactStart,
        EventKind::Detected,
        EventKind::Alerted,
        EventKind::Acknowledged,
        EventKind::Declared,
        EventKind::Escalated,
        EventKind::Investigating,
        EventKind::RootCauseIdentified,
        EventKind::Mitigated,
        EventKind::Restored,
        EventKind::Resolved,
        EventKind::Monitoring,
    ];

    /// Stable kebab-case id, as in JSON.
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Trigger => "trigger",
            EventKind::Change => "change",
            EventKind::ImpactStart => "impact-start",
            EventKind::Detected => "detected",
            EventKind::Alerted => "alerted",
            EventKind::Acknowledged => "acknowledged",
            EventKind::Declared => "declared",
            EventKind::Escalated => "escalated",
            EventKind::Investigating => "investigating",
            EventKind::RootCauseIdentified => "root-cause-identified",
            EventKind::Mitigated => "mitigated",
            EventKind::Restored => "restored",
            EventKind::Resolved => "resolved",
            EventKind::Monitoring => "monitoring",
        }
    }

    /// The bold label written before the event text in Markdown (seed 004's style).
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Trigger => "Trigger",
            EventKind::Change => "Change",
            EventKind::ImpactStart => "Impact start",
            EventKind::Detected => "Detection",
            EventKind::Alerted => "Alert",
            EventKind::Acknowledged => "Acknowledged",
            EventKind::Declared => "Triage",
            EventKind::Escalated => "Escalation",
            EventKind::Investigating => "Investigation",
            EventKind::RootCauseIdentified => "Root cause identified",
            EventKind::Mitigated => "Mitigation",
            EventKind::Restored => "Restored",
            EventKind::Resolved => "Resolution",
            EventKind::Monitoring => "Monitoring",
        }
    }

    /// What the kind menu calls it: the Markdown label, except that a declaration says
    /// so ("Declared" is what an author looks for; seed 004 writes it as "Triage").
    pub fn menu_label(self) -> &'static str {
        match self {
            EventKind::Declared => "Declared / triage",
            k => k.label(),
        }
    }

    /// Reads a label or id back (case-insensitive), including common synonyms.
    pub fn from_label(s: &str) -> Option<EventKind> {
        let l = s.trim().trim_end_matches(':').trim().to_ascii_lowercase();
        let k = match l.as_str() {
            "trigger" => EventKind::Trigger,
            "change" => EventKind::Change,
            "impact start" | "impact-start" | "impact" => EventKind::ImpactStart,
            "detection" | "detected" => EventKind::Detected,
            "alert" | "alerted" => EventKind::Alerted,
            "acknowledged" | "acknowledgement" | "acknowledgment" | "ack" => {
                EventKind::Acknowledged
            }
            "triage" | "declared" | "declaration" | "declared / triage" => EventKind::Declared,
            "escalation" | "escalated" => EventKind::Escalated,
            "investigation" | "investigating" => EventKind::Investigating,
            "root cause identified" | "root-cause-identified" | "root cause" => {
                EventKind::RootCauseIdentified
            }
            "mitigation" | "mitigated" => EventKind::Mitigated,
            "restored" | "restoration" | "recovery" => EventKind::Restored,
            "resolution" | "resolved" => EventKind::Resolved,
            "monitoring" => EventKind::Monitoring,
            _ => return None,
        };
        Some(k)
    }
}

/// One timeline row.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct TimelineEntry {
    /// As typed: "14:30", "2024-01-15 14:30", "Oct 28 20:37:05 UTC".
    pub time: String,
    pub event: String,
    pub owner: String,
    pub kind: Option<EventKind>,
}

impl TimelineEntry {
    /// The event as written after its kind's label: the text itself, less a leading
    /// label of the same kind the author typed ("Alert: checkout 5xx" under the kind
    /// Alert reads "checkout 5xx"), so "**Alert**: Alert: …" is never written. Without a
    /// kind, or when the prefix names another kind or nothing follows it, the text as
    /// typed.
    pub fn event_after_kind(&self) -> &str {
        let Some(kind) = self.kind else {
            return &self.event;
        };
        let text = self.event.trim_start();
        let Some((head, rest)) = text.split_once(':') else {
            return &self.event;
        };
        let rest = rest.trim_start();
        if head.len() > 32 || rest.is_empty() || EventKind::from_label(head) != Some(kind) {
            return &self.event;
        }
        rest
    }
}

/// The timeline.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Timeline {
    pub entries: Vec<TimelineEntry>,
}

/// One level of a Five Whys chain.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Why {
    /// The question, as typed ("Why did the API return 503s?").
    pub why: String,
    /// The answer, without a leading "Because".
    pub because: String,
}

/// Root cause analysis.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct RootCause {
    /// Technical account of the failure chain ("What happened").
    pub what_happened: String,
    /// Analysis prose ("Why it happened", seed 000's root-cause paragraph).
    pub analysis: String,
    pub whys: Vec<Why>,
    /// The one-sentence root-cause statement.
    pub statement: String,
    /// The event or change that triggered the incident.
    pub trigger: String,
}

/// Seed 001's categorised contributing-factor checklist.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum FactorCategory {
    DetectionGap,
    ProcessGap,
    TestingGap,
    DocumentationGap,
    Capacity,
    DependencyFailure,
    ConfigurationError,
    CodeDefect,
    HumanError,
}

impl FactorCategory {
    pub const ALL: [FactorCategory; 9] = [
        FactorCategory::DetectionGap,
        FactorCategory::ProcessGap,
        FactorCategory::TestingGap,
        FactorCategory::DocumentationGap,
        FactorCategory::Capacity,
        FactorCategory::DependencyFailure,
        FactorCategory::ConfigurationError,
        FactorCategory::CodeDefect,
        FactorCategory::HumanError,
    ];

    /// The label seed 001 uses.
    pub fn label(self) -> &'static str {
        match self {
            FactorCategory::DetectionGap => "Detection Gap",
            FactorCategory::ProcessGap => "Process Gap",
            FactorCategory::TestingGap => "Testing Gap",
            FactorCategory::DocumentationGap => "Documentation Gap",
            FactorCategory::Capacity => "Capacity Issue",
            FactorCategory::DependencyFailure => "Dependency Failure",
            FactorCategory::ConfigurationError => "Configuration Error",
            FactorCategory::CodeDefect => "Code Defect",
            FactorCategory::HumanError => "Human Error",
        }
    }

    /// Reads a label back (case-insensitive).
    pub fn from_label(s: &str) -> Option<FactorCategory> {
        let l = s.trim().to_ascii_lowercase();
        FactorCategory::ALL
            .into_iter()
            .find(|c| c.label().to_ascii_lowercase() == l)
            .or(match l.as_str() {
                "capacity" => Some(FactorCategory::Capacity),
                _ => None,
            })
    }
}

/// One entry of the categorised checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct FactorCheck {
    pub category: FactorCategory,
    pub checked: bool,
    pub detail: String,
}

impl Default for FactorCheck {
    fn default() -> Self {
        FactorCheck {
            category: FactorCategory::DetectionGap,
            checked: false,
            detail: String::new(),
        }
    }
}

/// Contributing factors: a free list and the categorised checklist.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct ContributingFactors {
    pub items: Vec<String>,
    pub checklist: Vec<FactorCheck>,
}

/// How the incident was detected, and the stated response-time figures.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Detection {
    /// How it was detected: "Automated monitoring/alerting", "Customer report", … or free
    /// text. Several sources are separated by "; ".
    pub method: String,
    /// Stated time to detect, as typed ("5 minutes").
    pub time_to_detect: String,
    pub time_to_acknowledge: String,
    pub time_to_mitigate: String,
    pub time_to_resolve: String,
    /// Was the right alert in place?
    pub right_alert: String,
    /// Did the alert fire promptly?
    pub alert_prompt: String,
    /// Was detection effective? (seed 003)
    pub effective: String,
    /// What should have alerted us but didn't.
    pub gaps: String,
}

/// Seed 000's response questions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Response {
    pub time_to_respond: String,
    pub right_people_paged: String,
    pub runbook_useful: String,
    pub time_response_to_mitigation: String,
    pub communication_clear: String,
}

/// How the incident was resolved.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Resolution {
    pub immediate_fix: String,
    pub verification: String,
    /// Was the resolution effective?
    pub effective: String,
}

/// Action-item category (seed 000).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Prevent,
    Detect,
    Mitigate,
    Process,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Prevent,
        Category::Detect,
        Category::Mitigate,
        Category::Process,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Category::Prevent => "Prevent",
            Category::Detect => "Detect",
            Category::Mitigate => "Mitigate",
            Category::Process => "Process",
        }
    }
    pub fn from_label(s: &str) -> Option<Category> {
        let l = s.trim().to_ascii_lowercase();
        Category::ALL
            .into_iter()
            .find(|c| c.label().to_ascii_lowercase() == l)
    }
}

/// Action-item horizon (seed 001's three tables).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Horizon {
    /// Within one week.
    Immediate,
    /// Within one month.
    ShortTerm,
    /// Within one quarter.
    LongTerm,
}

impl Horizon {
    pub const ALL: [Horizon; 3] = [Horizon::Immediate, Horizon::ShortTerm, Horizon::LongTerm];
    /// Short label used in table cells.
    pub fn label(self) -> &'static str {
        match self {
            Horizon::Immediate => "Immediate",
            Horizon::ShortTerm => "Short-Term",
            Horizon::LongTerm => "Long-Term",
        }
    }
    /// Heading seed 001 uses for the horizon's table.
    pub fn heading(self) -> &'static str {
        match self {
            Horizon::Immediate => "Immediate (Within 1 Week)",
            Horizon::ShortTerm => "Short-Term (Within 1 Month)",
            Horizon::LongTerm => "Long-Term (Within 1 Quarter)",
        }
    }
    /// Reads a label or heading back (case-insensitive, tolerant of spacing/hyphens).
    pub fn from_label(s: &str) -> Option<Horizon> {
        let l: String = s
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        if l.starts_with("immediate") {
            Some(Horizon::Immediate)
        } else if l.starts_with("shortterm") {
            Some(Horizon::ShortTerm)
        } else if l.starts_with("longterm") {
            Some(Horizon::LongTerm)
        } else {
            None
        }
    }
}

/// One action item.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct ActionItem {
    /// "1", "AI-1", "INC-123-1"…
    pub id: String,
    pub action: String,
    pub owner: String,
    /// As typed: P1–P3, High/Medium/Low.
    pub priority: String,
    /// Due date as typed.
    pub due: String,
    /// Open, In Progress, Done…
    pub status: String,
    pub category: Option<Category>,
    pub horizon: Option<Horizon>,
    /// Tracking link or ticket.
    pub tracking: String,
    pub description: String,
    pub rationale: String,
    pub success_criteria: String,
}

impl ActionItem {
    /// True when the status says the work is finished ("Done", "closed", "Resolved"…):
    /// a task list ticks it, and nothing asks it for a tracking link any more.
    pub fn is_done(&self) -> bool {
        let status = self.status.trim().to_ascii_lowercase();
        matches!(
            status.as_str(),
            "done" | "closed" | "complete" | "completed" | "resolved" | "fixed"
        )
    }
}

/// Prevention (seed 001).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Prevention {
    pub prevent_recurrence: String,
    pub detect_faster: String,
    pub recover_faster: String,
}

/// Lessons learned.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Lessons {
    pub key_takeaways: Vec<String>,
    pub process_improvements: Vec<String>,
    pub questions: Vec<String>,
}

/// Appendix material.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct Appendix {
    pub related_incidents: Vec<String>,
    /// Log excerpts, each kept as a code block.
    pub logs: Vec<String>,
    /// Links to logs, dashboards, traces.
    pub dashboards: Vec<String>,
    pub references: Vec<String>,
    /// Graphs, screenshots, other supporting data (prose).
    pub supporting_data: String,
}

/// One sign-off row.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct SignOff {
    pub role: String,
    pub name: String,
    pub date: String,
}

/// A section the author added: a title and a Markdown body, kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct ExtraSection {
    pub title: String,
    /// Markdown, kept as written (it is the author's own Markdown, not a plain field).
    pub body: String,
}

/// A document's own layout: the fields its opening lines held, then its sections in order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OwnLayout {
    /// Field paths (`meta.date`, `meta.author`) read from the lines above the first
    /// section, in the order they were read.
    pub top: Vec<String>,
    pub sections: Vec<OwnSection>,
}

/// One section of a document's own layout, with the author's heading.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OwnSection {
    /// The heading as text, as the author wrote it ("Root Causes", "Where we got lucky").
    pub heading: String,
    /// Heading level, 1–6.
    pub level: u8,
    /// Field paths this section was read into (`root_cause.statement`, `timeline`), in the
    /// order they were filled; empty for a heading that only groups the ones below it.
    pub fields: Vec<String>,
    /// Titles of the extra sections that hold what this section had no field for (the
    /// section itself when nothing in it was mapped).
    pub notes: Vec<String>,
}

/// A template placeholder found in imported text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(reactive_stores::Store))]
#[serde(default, deny_unknown_fields)]
pub struct PlaceholderNote {
    /// Field path, e.g. `meta.date` or `timeline[2].time`.
    pub location: String,
    /// The placeholder text as found, e.g. `[YYYY-MM-DD]`.
    pub text: String,
    /// 1-based line in the imported source, when known.
    pub line: Option<u32>,
}
