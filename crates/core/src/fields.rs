//! Names for every leaf of the report: the single-value text fields and the list fields,
//! with their canonical labels and paths and accessors. Templates place fields by these
//! names; the exporter, the importer and the validator address the report through them.

use crate::model::Report;

macro_rules! text_fields {
    ($( $var:ident => $path:literal, $label:literal, |$r:ident| $acc:expr; )*) => {
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
                match self { $( Text::$var => { let $r = report; &$acc } )* }
            }

            pub fn get_mut(self, report: &mut Report) -> &mut String {
                match self { $( Text::$var => { let $r = report; &mut $acc } )* }
            }
        }
    };
}

text_fields! {
    Title => "meta.title", "Title", |r| r.meta.title;
    IncidentId => "meta.incident_id", "Incident ID", |r| r.meta.incident_id;
    Date => "meta.date", "Date", |r| r.meta.date;
    Start => "meta.start", "Start", |r| r.meta.start;
    End => "meta.end", "End", |r| r.meta.end;
    Timezone => "meta.timezone", "Time Zone", |r| r.meta.timezone;
    Duration => "meta.duration", "Duration", |r| r.meta.duration;
    Severity => "meta.severity", "Severity", |r| r.meta.severity;
    Status => "meta.status", "Status", |r| r.meta.status;
    Author => "meta.author", "Author", |r| r.meta.author;
    Commander => "meta.incident_commander", "Incident Commander", |r| r.meta.incident_commander;
    Responders => "meta.responders", "Responders", |r| r.meta.responders;
    Attendees => "meta.attendees", "Attendees", |r| r.meta.attendees;
    Reviewers => "meta.reviewers", "Reviewers", |r| r.meta.reviewers;
    Tracker => "meta.tracker", "Tracking Issue", |r| r.meta.tracker;
    MeetingDate => "meta.meeting_date", "Post-mortem meeting held", |r| r.meta.meeting_date;
    FinalizedDate => "meta.finalized_date", "Document finalized", |r| r.meta.finalized_date;
    Summary => "summary.summary", "Summary", |r| r.summary.summary;
    OneLine => "summary.one_line", "One-Line Summary", |r| r.summary.one_line;
    Executive => "summary.executive", "Executive Summary", |r| r.summary.executive;
    ImpactDescription => "impact.description", "User Impact", |r| r.impact.description;
    UsersAffected => "impact.users_affected", "Users affected", |r| r.impact.users_affected;
    RequestsFailed => "impact.requests_failed", "Requests failed", |r| r.impact.requests_failed;
    ErrorRatePeak => "impact.error_rate_peak", "Error rate peak", |r| r.impact.error_rate_peak;
    ImpactDuration => "impact.duration", "Duration of impact", |r| r.impact.duration;
    Revenue => "impact.revenue", "Revenue impact", |r| r.impact.revenue;
    Sla => "impact.sla", "SLA impact", |r| r.impact.sla;
    SupportTickets => "impact.support_tickets", "Support tickets", |r| r.impact.support_tickets;
    CustomerNotifications => "impact.customer_notifications", "Customer notifications", |r| r.impact.customer_notifications;
    DataLoss => "impact.data_loss", "Data loss", |r| r.impact.data_loss;
    TotalDowntime => "impact.total_downtime", "Total downtime", |r| r.impact.total_downtime;
    BusinessImpact => "impact.business_impact", "Business impact", |r| r.impact.business_impact;
    WhatHappened => "root_cause.what_happened", "What Happened", |r| r.root_cause.what_happened;
    Analysis => "root_cause.analysis", "Why It Happened", |r| r.root_cause.analysis;
    RootStatement => "root_cause.statement", "Root Cause", |r| r.root_cause.statement;
    Trigger => "root_cause.trigger", "Trigger", |r| r.root_cause.trigger;
    DetectionMethod => "detection.method", "How was the incident detected?", |r| r.detection.method;
    TimeToDetect => "detection.time_to_detect", "Time to Detect", |r| r.detection.time_to_detect;
    TimeToAcknowledge => "detection.time_to_acknowledge", "Time to Acknowledge", |r| r.detection.time_to_acknowledge;
    TimeToMitigate => "detection.time_to_mitigate", "Time to Mitigate", |r| r.detection.time_to_mitigate;
    TimeToResolve => "detection.time_to_resolve", "Time to Resolve", |r| r.detection.time_to_resolve;
    RightAlert => "detection.right_alert", "Was the right alert in place?", |r| r.detection.right_alert;
    AlertPrompt => "detection.alert_prompt", "Did the alert fire promptly?", |r| r.detection.alert_prompt;
    DetectionEffective => "detection.effective", "Was detection effective?", |r| r.detection.effective;
    DetectionGaps => "detection.gaps", "Detection Gaps", |r| r.detection.gaps;
    TimeToRespond => "response.time_to_respond", "Time from detection to response", |r| r.response.time_to_respond;
    RightPeoplePaged => "response.right_people_paged", "Were the right people paged?", |r| r.response.right_people_paged;
    RunbookUseful => "response.runbook_useful", "Was the runbook useful?", |r| r.response.runbook_useful;
    TimeResponseToMitigation => "response.time_response_to_mitigation", "Time from response to mitigation", |r| r.response.time_response_to_mitigation;
    CommunicationClear => "response.communication_clear", "Was communication clear and timely?", |r| r.response.communication_clear;
    ImmediateFix => "resolution.immediate_fix", "Immediate Fix", |r| r.resolution.immediate_fix;
    Verification => "resolution.verification", "Verification", |r| r.resolution.verification;
    ResolutionEffective => "resolution.effective", "Was the resolution effective?", |r| r.resolution.effective;
    PreventRecurrence => "prevention.prevent_recurrence", "How Do We Prevent Recurrence?", |r| r.prevention.prevent_recurrence;
    DetectFaster => "prevention.detect_faster", "How Do We Detect Faster?", |r| r.prevention.detect_faster;
    RecoverFaster => "prevention.recover_faster", "How Do We Recover Faster?", |r| r.prevention.recover_faster;
    SupportingData => "appendix.supporting_data", "Supporting Data", |r| r.appendix.supporting_data;
}

macro_rules! list_fields {
    ($( $var:ident => $path:literal, $label:literal, |$r:ident| $acc:expr; )*) => {
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
                match self { $( List::$var => { let $r = report; &$acc } )* }
            }

            pub fn get_mut(self, report: &mut Report) -> &mut Vec<String> {
                match self { $( List::$var => { let $r = report; &mut $acc } )* }
            }
        }
    };
}

list_fields! {
    Services => "meta.services", "Services Affected", |r| r.meta.services;
    WentWell => "went_well", "What Went Well", |r| r.went_well;
    CouldImprove => "could_improve", "What Could Be Improved", |r| r.could_improve;
    GotLucky => "got_lucky", "Where We Got Lucky", |r| r.got_lucky;
    Factors => "contributing_factors.items", "Contributing Factors", |r| r.contributing_factors.items;
    KeyTakeaways => "lessons.key_takeaways", "Key Takeaways", |r| r.lessons.key_takeaways;
    ProcessImprovements => "lessons.process_improvements", "Process Improvements", |r| r.lessons.process_improvements;
    Questions => "lessons.questions", "Questions to Consider", |r| r.lessons.questions;
    RelatedIncidents => "appendix.related_incidents", "Related Incidents", |r| r.appendix.related_incidents;
    Logs => "appendix.logs", "Relevant Logs", |r| r.appendix.logs;
    Dashboards => "appendix.dashboards", "Logs, Dashboards and Traces", |r| r.appendix.dashboards;
    References => "appendix.references", "References", |r| r.appendix.references;
}

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

    /// True when the report holds nothing for this part.
    pub fn is_empty(self, report: &Report) -> bool {
        match self {
            Part::Timeline => report.timeline.entries.is_empty(),
            Part::Whys => report.root_cause.whys.is_empty(),
            Part::FactorChecklist => report.contributing_factors.checklist.is_empty(),
            Part::ActionItems => report.action_items.is_empty(),
            Part::SignOff => report.sign_off.is_empty(),
            Part::MetaExtra => report.meta.extra.is_empty(),
            Part::ImpactExtra => report.impact.extra.is_empty(),
        }
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
