//! Names for every leaf of the report: the single-value text fields and the list fields,
//! with their canonical labels and paths and accessors. Templates place fields by these
//! names; the exporter, the importer, the validator and the editor address the report
//! through them. Each field also says what kind of text it holds (prose, a short value, a
//! date…), and each structured part which columns its rows have, so no shell decides that.

use crate::model::Report;
#[cfg(feature = "store")]
use crate::model::{
    AppendixStoreFields, ContributingFactorsStoreFields, DetectionStoreFields, ImpactStoreFields,
    LessonsStoreFields, MetadataStoreFields, PreventionStoreFields, ReportStoreFields,
    ResolutionStoreFields, ResponseStoreFields, RootCauseStoreFields, SummaryStoreFields,
};
#[cfg(feature = "store")]
use reactive_stores::{Field, Store};

macro_rules! text_fields {
    ($( $var:ident => $path:literal, $label:literal, $($seg:ident).+; )*) => {
        /// A single-value text field of the report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Text { $( $var, )* }

        impl Text {
            /// Every text field, in canonical order.
            pub const ALL: &'static [Text] = &[ $( Text::$var, )* ];

            /// Dotted path, as in JSON and in finding locations (`meta.title`).
            pub fn path(self) -> &'static str {
                match self { $( Text::$var => $path, )* }
            }

            /// Canonical human label ("Incident ID").
            pub fn label(self) -> &'static str {
                match self { $( Text::$var => $label, )* }
            }

            pub fn get(self, report: &Report) -> &String {
                match self { $( Text::$var => &report$(.$seg)+, )* }
            }

            pub fn get_mut(self, report: &mut Report) -> &mut String {
                match self { $( Text::$var => &mut report$(.$seg)+, )* }
            }

            /// The store field holding this text: writing it notifies what reads this
            /// field (and whatever reads the whole report), never its siblings.
            #[cfg(feature = "store")]
            pub fn lens(self, store: Store<Report>) -> Field<String> {
                match self { $( Text::$var => store$(.$seg())+.into(), )* }
            }
        }
    };
}

text_fields! {
    Title => "meta.title", "Title", meta.title;
    IncidentId => "meta.incident_id", "Incident ID", meta.incident_id;
    Date => "meta.date", "Date", meta.date;
    Start => "meta.start", "Start", meta.start;
    End => "meta.end", "End", meta.end;
    Timezone => "meta.timezone", "Time Zone", meta.timezone;
    Duration => "meta.duration", "Duration", meta.duration;
    Severity => "meta.severity", "Severity", meta.severity;
    Status => "meta.status", "Status", meta.status;
    Author => "meta.author", "Author", meta.author;
    Commander => "meta.incident_commander", "Incident Commander", meta.incident_commander;
    Responders => "meta.responders", "Responders", meta.responders;
    Attendees => "meta.attendees", "Attendees", meta.attendees;
    Reviewers => "meta.reviewers", "Reviewers", meta.reviewers;
    Tracker => "meta.tracker", "Tracking Issue", meta.tracker;
    MeetingDate => "meta.meeting_date", "Post-mortem meeting held", meta.meeting_date;
    FinalizedDate => "meta.finalized_date", "Document finalized", meta.finalized_date;
    Summary => "summary.summary", "Summary", summary.summary;
    OneLine => "summary.one_line", "One-Line Summary", summary.one_line;
    Executive => "summary.executive", "Executive Summary", summary.executive;
    ImpactDescription => "impact.description", "User Impact", impact.description;
    UsersAffected => "impact.users_affected", "Users affected", impact.users_affected;
    RequestsFailed => "impact.requests_failed", "Requests failed", impact.requests_failed;
    ErrorRatePeak => "impact.error_rate_peak", "Error rate peak", impact.error_rate_peak;
    ImpactDuration => "impact.duration", "Duration of impact", impact.duration;
    Revenue => "impact.revenue", "Revenue impact", impact.revenue;
    Sla => "impact.sla", "SLA impact", impact.sla;
    SupportTickets => "impact.support_tickets", "Support tickets", impact.support_tickets;
    CustomerNotifications => "impact.customer_notifications", "Customer notifications", impact.customer_notifications;
    DataLoss => "impact.data_loss", "Data loss", impact.data_loss;
    TotalDowntime => "impact.total_downtime", "Total downtime", impact.total_downtime;
    BusinessImpact => "impact.business_impact", "Business impact", impact.business_impact;
    WhatHappened => "root_cause.what_happened", "What Happened", root_cause.what_happened;
    Analysis => "root_cause.analysis", "Why It Happened", root_cause.analysis;
    RootStatement => "root_cause.statement", "Root Cause", root_cause.statement;
    Trigger => "root_cause.trigger", "Trigger", root_cause.trigger;
    DetectionMethod => "detection.method", "How was the incident detected?", detection.method;
    TimeToDetect => "detection.time_to_detect", "Time to Detect", detection.time_to_detect;
    TimeToAcknowledge => "detection.time_to_acknowledge", "Time to Acknowledge", detection.time_to_acknowledge;
    TimeToMitigate => "detection.time_to_mitigate", "Time to Mitigate", detection.time_to_mitigate;
    TimeToResolve => "detection.time_to_resolve", "Time to Resolve", detection.time_to_resolve;
    RightAlert => "detection.right_alert", "Was the right alert in place?", detection.right_alert;
    AlertPrompt => "detection.alert_prompt", "Did the alert fire promptly?", detection.alert_prompt;
    DetectionEffective => "detection.effective", "Was detection effective?", detection.effective;
    DetectionGaps => "detection.gaps", "Detection Gaps", detection.gaps;
    TimeToRespond => "response.time_to_respond", "Time from detection to response", response.time_to_respond;
    RightPeoplePaged => "response.right_people_paged", "Were the right people paged?", response.right_people_paged;
    RunbookUseful => "response.runbook_useful", "Was the runbook useful?", response.runbook_useful;
    TimeResponseToMitigation => "response.time_response_to_mitigation", "Time from response to mitigation", response.time_response_to_mitigation;
    CommunicationClear => "response.communication_clear", "Was communication clear and timely?", response.communication_clear;
    ImmediateFix => "resolution.immediate_fix", "Immediate Fix", resolution.immediate_fix;
    Verification => "resolution.verification", "Verification", resolution.verification;
    ResolutionEffective => "resolution.effective", "Was the resolution effective?", resolution.effective;
    PreventRecurrence => "prevention.prevent_recurrence", "How Do We Prevent Recurrence?", prevention.prevent_recurrence;
    DetectFaster => "prevention.detect_faster", "How Do We Detect Faster?", prevention.detect_faster;
    RecoverFaster => "prevention.recover_faster", "How Do We Recover Faster?", prevention.recover_faster;
    SupportingData => "appendix.supporting_data", "Supporting Data", appendix.supporting_data;
}

macro_rules! list_fields {
    ($( $var:ident => $path:literal, $label:literal, $($seg:ident).+; )*) => {
        /// A list-of-strings field of the report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum List { $( $var, )* }

        impl List {
            /// Every list field, in canonical order.
            pub const ALL: &'static [List] = &[ $( List::$var, )* ];

            pub fn path(self) -> &'static str {
                match self { $( List::$var => $path, )* }
            }

            pub fn label(self) -> &'static str {
                match self { $( List::$var => $label, )* }
            }

            pub fn get(self, report: &Report) -> &Vec<String> {
                match self { $( List::$var => &report$(.$seg)+, )* }
            }

            pub fn get_mut(self, report: &mut Report) -> &mut Vec<String> {
                match self { $( List::$var => &mut report$(.$seg)+, )* }
            }

            /// The store field holding this list.
            #[cfg(feature = "store")]
            pub fn lens(self, store: Store<Report>) -> Field<Vec<String>> {
                match self { $( List::$var => store$(.$seg())+.into(), )* }
            }
        }
    };
}

list_fields! {
    Services => "meta.services", "Services Affected", meta.services;
    WentWell => "went_well", "What Went Well", went_well;
    CouldImprove => "could_improve", "What Could Be Improved", could_improve;
    GotLucky => "got_lucky", "Where We Got Lucky", got_lucky;
    Factors => "contributing_factors.items", "Contributing Factors", contributing_factors.items;
    KeyTakeaways => "lessons.key_takeaways", "Key Takeaways", lessons.key_takeaways;
    ProcessImprovements => "lessons.process_improvements", "Process Improvements", lessons.process_improvements;
    Questions => "lessons.questions", "Questions to Consider", lessons.questions;
    RelatedIncidents => "appendix.related_incidents", "Related Incidents", appendix.related_incidents;
    Logs => "appendix.logs", "Relevant Logs", appendix.logs;
    Dashboards => "appendix.dashboards", "Logs, Dashboards and Traces", appendix.dashboards;
    References => "appendix.references", "References", appendix.references;
}

/// What a single-value text field holds, which decides how it is edited and which rules
/// read it (prose is read for blame language; short values are not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextKind {
    /// A short value on one line: a name, an id, a figure.
    Line,
    /// Sentences an author writes; grows with its content.
    Prose,
    /// A calendar date ("2024-01-15").
    Date,
    /// A date and time with its zone ("2024-01-15 14:30 UTC").
    DateTime,
    /// One level of the template's severity scale.
    Severity,
    /// One of the template's statuses.
    Status,
}

impl Text {
    /// What this field holds.
    pub fn kind(self) -> TextKind {
        use Text::*;
        match self {
            Date | MeetingDate | FinalizedDate => TextKind::Date,
            Start | End => TextKind::DateTime,
            Severity => TextKind::Severity,
            Status => TextKind::Status,
            Summary | OneLine | Executive | ImpactDescription | BusinessImpact | WhatHappened
            | Analysis | RootStatement | Trigger | DetectionMethod | DetectionGaps | RightAlert
            | AlertPrompt | DetectionEffective | RightPeoplePaged | RunbookUseful
            | CommunicationClear | ImmediateFix | Verification | ResolutionEffective
            | PreventRecurrence | DetectFaster | RecoverFaster | SupportingData => TextKind::Prose,
            _ => TextKind::Line,
        }
    }
}

/// What the entries of a list field hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    /// Sentences (what went well, takeaways): read for blame language.
    Prose,
    /// Short values: service names, links, incident ids.
    Value,
    /// Pasted log excerpts, kept verbatim as code blocks.
    Log,
}

impl List {
    /// What this list's entries hold.
    pub fn kind(self) -> ListKind {
        match self {
            List::Logs => ListKind::Log,
            List::Services | List::RelatedIncidents | List::Dashboards | List::References => {
                ListKind::Value
            }
            _ => ListKind::Prose,
        }
    }
}

/// How one column of a structured part is edited and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CellKind {
    /// A short value (owner, id, role).
    Line,
    /// Sentences (an event, a why, an action); read for blame language.
    Prose,
    /// A calendar date.
    Date,
    /// A timeline time as typed ("14:30", "2024-01-15 14:30 UTC").
    Time,
    /// A priority in the template's words.
    Priority,
    /// An action-item status ("Open", "Done").
    Status,
    /// One of `EventKind::ALL`, or none.
    EventKind,
    /// One of `Category::ALL`, or none.
    Category,
    /// One of `Horizon::ALL`, or none.
    Horizon,
    /// The name of a checklist category (fixed, not typed).
    Fixed,
    /// A yes/no box.
    Check,
}

/// One column of a structured part's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Column {
    /// Key in JSON and in locations (`timeline[3].time`).
    pub key: &'static str,
    /// Label shown beside the control.
    pub label: &'static str,
    pub kind: CellKind,
}

const fn col(key: &'static str, label: &'static str, kind: CellKind) -> Column {
    Column { key, label, kind }
}

const TIMELINE_COLUMNS: &[Column] = &[
    col("time", "Time", CellKind::Time),
    col("kind", "Kind", CellKind::EventKind),
    col("event", "Event", CellKind::Prose),
    col("owner", "Owner", CellKind::Line),
];
const WHY_COLUMNS: &[Column] = &[
    col("why", "Why", CellKind::Prose),
    col("because", "Because", CellKind::Prose),
];
const CHECKLIST_COLUMNS: &[Column] = &[
    col("category", "Category", CellKind::Fixed),
    col("checked", "Applies", CellKind::Check),
    col("detail", "Details", CellKind::Prose),
];
const ACTION_COLUMNS: &[Column] = &[
    col("id", "ID", CellKind::Line),
    col("action", "Action", CellKind::Prose),
    col("owner", "Owner", CellKind::Line),
    col("priority", "Priority", CellKind::Priority),
    col("due", "Due", CellKind::Date),
    col("status", "Status", CellKind::Status),
    col("category", "Category", CellKind::Category),
    col("horizon", "Horizon", CellKind::Horizon),
    col("tracking", "Link / ticket", CellKind::Line),
    col("description", "Description", CellKind::Prose),
    col("rationale", "Rationale", CellKind::Prose),
    col("success_criteria", "Success criteria", CellKind::Prose),
];
const SIGN_OFF_COLUMNS: &[Column] = &[
    col("role", "Role", CellKind::Line),
    col("name", "Name", CellKind::Line),
    col("date", "Date", CellKind::Date),
];
const PAIR_COLUMNS: &[Column] = &[
    col("key", "Name", CellKind::Line),
    col("value", "Value", CellKind::Line),
];
/// Columns of the author's extra sections (not a template slot, but addressed the same way).
pub const EXTRA_SECTION_COLUMNS: &[Column] = &[
    col("title", "Section title", CellKind::Line),
    col("body", "Content (Markdown)", CellKind::Prose),
];

/// The part of the report holding the author's extra sections.
pub const EXTRA_SECTIONS_PATH: &str = "extra_sections";

/// The structured parts of the report that are not a single text or list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Timeline,
    Whys,
    FactorChecklist,
    ActionItems,
    SignOff,
    MetaExtra,
    ImpactExtra,
}

impl Part {
    pub const ALL: &'static [Part] = &[
        Part::Timeline,
        Part::Whys,
        Part::FactorChecklist,
        Part::ActionItems,
        Part::SignOff,
        Part::MetaExtra,
        Part::ImpactExtra,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Part::Timeline => "timeline",
            Part::Whys => "root_cause.whys",
            Part::FactorChecklist => "contributing_factors.checklist",
            Part::ActionItems => "action_items",
            Part::SignOff => "sign_off",
            Part::MetaExtra => "meta.extra",
            Part::ImpactExtra => "impact.extra",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Part::Timeline => "Timeline",
            Part::Whys => "Five Whys",
            Part::FactorChecklist => "Contributing Factor Checklist",
            Part::ActionItems => "Action Items",
            Part::SignOff => "Sign-off",
            Part::MetaExtra => "Other Details",
            Part::ImpactExtra => "Other Impact",
        }
    }

    /// The columns of this part's rows, in editing order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Part::Timeline => TIMELINE_COLUMNS,
            Part::Whys => WHY_COLUMNS,
            Part::FactorChecklist => CHECKLIST_COLUMNS,
            Part::ActionItems => ACTION_COLUMNS,
            Part::SignOff => SIGN_OFF_COLUMNS,
            Part::MetaExtra | Part::ImpactExtra => PAIR_COLUMNS,
        }
    }

    /// The column with this key, if the part has one.
    pub fn column(self, key: &str) -> Option<&'static Column> {
        self.columns().iter().find(|c| c.key == key)
    }

    /// How many rows the part has.
    pub fn len(self, report: &Report) -> usize {
        match self {
            Part::Timeline => report.timeline.entries.len(),
            Part::Whys => report.root_cause.whys.len(),
            Part::FactorChecklist => report.contributing_factors.checklist.len(),
            Part::ActionItems => report.action_items.len(),
            Part::SignOff => report.sign_off.len(),
            Part::MetaExtra => report.meta.extra.len(),
            Part::ImpactExtra => report.impact.extra.len(),
        }
    }

    /// True when the report holds nothing for this part.
    pub fn is_empty(self, report: &Report) -> bool {
        self.len(report) == 0
    }
}

/// Any placeable piece of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    Text(Text),
    List(List),
    Part(Part),
}

impl Slot {
    /// Every slot, in canonical order.
    pub fn all() -> impl Iterator<Item = Slot> {
        Text::ALL
            .iter()
            .map(|t| Slot::Text(*t))
            .chain(List::ALL.iter().map(|l| Slot::List(*l)))
            .chain(Part::ALL.iter().map(|p| Slot::Part(*p)))
    }

    pub fn is_empty(self, report: &Report) -> bool {
        match self {
            Slot::Text(t) => t.get(report).trim().is_empty(),
            Slot::List(l) => l.get(report).is_empty(),
            Slot::Part(p) => p.is_empty(report),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Slot::Text(t) => t.label(),
            Slot::List(l) => l.label(),
            Slot::Part(p) => p.label(),
        }
    }

    pub fn path(self) -> &'static str {
        match self {
            Slot::Text(t) => t.path(),
            Slot::List(l) => l.path(),
            Slot::Part(p) => p.path(),
        }
    }
}

impl crate::model::OwnLayout {
    /// The slots the layout has a place for (the title, the opening lines' fields, every
    /// section's), in canonical order.
    pub fn slots(&self) -> Vec<Slot> {
        let paths: Vec<&str> = self
            .top
            .iter()
            .chain(self.sections.iter().flat_map(|s| &s.fields))
            .map(String::as_str)
            .collect();
        Slot::all()
            .filter(|s| *s == Slot::Text(Text::Title) || paths.contains(&s.path()))
            .collect()
    }
}
