//! Test support shared by the integration tests: proptest strategies that build whole
//! reports by filling every named field (`fields::Text`, `fields::List`) and every
//! structured part, in two flavours: any Unicode text, and normalised text such as an
//! author types into a Markdown document (trimmed, single spaces, one line in cells).
#![allow(dead_code)]

use hindsight_core::fields::{List, Text};
use hindsight_core::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// How generated text looks.
#[derive(Clone, Copy, Debug)]
pub enum Flavour {
    /// Any Unicode, newlines and Markdown syntax included (JSON round trips).
    Any,
    /// One line of words with punctuation and Markdown-special characters, trimmed.
    Line,
}

/// A single word-ish token with characters that stress Markdown escaping.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9]{1,8}",
        Just("|".to_string()),
        Just("#".to_string()),
        Just("*bold*".to_string()),
        Just("`code`".to_string()),
        Just("<b>x</b>".to_string()),
        Just("[link](javascript:alert(1))".to_string()),
        Just("_under_".to_string()),
        Just("1.".to_string()),
        Just("->".to_string()),
        Just("é".to_string()),
        Just("50%".to_string()),
        Just("\\".to_string()),
    ]
}

pub fn line() -> impl Strategy<Value = String> {
    vec(token(), 1..6).prop_map(|t| t.join(" "))
}

pub fn text(f: Flavour) -> BoxedStrategy<String> {
    match f {
        Flavour::Any => prop_oneof![Just(String::new()), any::<String>()].boxed(),
        Flavour::Line => prop_oneof![Just(String::new()), line()].boxed(),
    }
}

fn item(f: Flavour) -> BoxedStrategy<String> {
    match f {
        Flavour::Any => any::<String>().boxed(),
        Flavour::Line => line().boxed(),
    }
}

fn kind() -> impl Strategy<Value = Option<EventKind>> {
    option::of(proptest::sample::select(EventKind::ALL.to_vec()))
}

fn kv(f: Flavour) -> impl Strategy<Value = KeyValue> {
    (item(f), text(f)).prop_map(|(key, value)| KeyValue { key, value })
}

fn action_item(f: Flavour) -> impl Strategy<Value = ActionItem> {
    (
        vec(text(f), 9),
        option::of(proptest::sample::select(Category::ALL.to_vec())),
        option::of(proptest::sample::select(Horizon::ALL.to_vec())),
    )
        .prop_map(|(t, category, horizon)| ActionItem {
            id: t[0].clone(),
            action: t[1].clone(),
            owner: t[2].clone(),
            priority: t[3].clone(),
            due: t[4].clone(),
            status: t[5].clone(),
            category,
            horizon,
            tracking: t[6].clone(),
            description: t[7].clone(),
            rationale: t[8].clone(),
            success_criteria: String::new(),
        })
}

/// A whole report. `template` is one of the five ids.
pub fn report(f: Flavour) -> impl Strategy<Value = Report> {
    let texts = vec(text(f), Text::ALL.len());
    let lists = vec(vec(item(f), 0..3), List::ALL.len());
    let timeline = vec(
        (text(f), text(f), text(f), kind()).prop_map(|(time, event, owner, kind)| TimelineEntry {
            time,
            event,
            owner,
            kind,
        }),
        0..5,
    );
    let whys = vec(
        (text(f), text(f)).prop_map(|(why, because)| Why { why, because }),
        0..6,
    );
    let checklist = vec(
        (
            proptest::sample::select(FactorCategory::ALL.to_vec()),
            any::<bool>(),
            text(f),
        )
            .prop_map(|(category, checked, detail)| FactorCheck {
                category,
                checked,
                detail,
            }),
        0..4,
    );
    let actions = vec(action_item(f), 0..4);
    let sign = vec(
        (text(f), text(f), text(f)).prop_map(|(role, name, date)| SignOff { role, name, date }),
        0..3,
    );
    let extras = (vec(kv(f), 0..3), vec(kv(f), 0..3));
    let sections = vec(
        (item(f), text(f)).prop_map(|(title, body)| ExtraSection { title, body }),
        0..3,
    );
    let template = proptest::sample::select(vec!["000", "001", "002", "003", "004"]);
    (
        template, texts, lists, timeline, whys, checklist, actions, sign, extras, sections,
    )
        .prop_map(
            |(
                template,
                texts,
                lists,
                timeline,
                whys,
                checklist,
                actions,
                sign,
                extras,
                sections,
            )| {
                let mut r = Report::new(template);
                for (t, v) in Text::ALL.iter().zip(texts) {
                    *t.get_mut(&mut r) = v;
                }
                for (l, v) in List::ALL.iter().zip(lists) {
                    *l.get_mut(&mut r) = v;
                }
                r.timeline.entries = timeline;
                r.root_cause.whys = whys;
                r.contributing_factors.checklist = checklist;
                r.action_items = actions;
                r.sign_off = sign;
                r.meta.extra = extras.0;
                r.impact.extra = extras.1;
                r.extra_sections = sections;
                r
            },
        )
}

/// The rich example report used by golden tests and the CLI tests.
pub fn rich_report() -> Report {
    let text = include_str!("../data/rich-report.json");
    match from_json(text) {
        Ok(r) => r,
        Err(e) => panic!("rich-report.json does not load: {e}"),
    }
}
