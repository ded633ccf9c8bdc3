//! Reactive lenses on the report for the web app (feature `store`): the store field that
//! holds the text at a `Location`, so a control writes one field and only what reads that
//! field (and whatever reads the whole report) hears of it. The CLI builds without this.

use reactive_stores::{Field, Store, StoreFieldIterator};

use crate::fields::{Part, Slot};
use crate::location::{Location, Place};
use crate::model::{
    ActionItemStoreFields, ContributingFactorsStoreFields, ExtraSectionStoreFields,
    FactorCheckStoreFields, ImpactStoreFields, KeyValueStoreFields, MetadataStoreFields, Report,
    ReportStoreFields, RootCauseStoreFields, SignOffStoreFields, TimelineEntryStoreFields,
    TimelineStoreFields, WhyStoreFields,
};

impl Location {
    /// The store field holding the text at this location: a text field, a list entry or a
    /// text cell of a row. `None` for a whole part, a row, or a cell that is not text.
    pub fn lens(&self, store: Store<Report>) -> Option<Field<String>> {
        let Place::Slot(slot) = self.place else {
            let i = self.row?;
            let row = store.extra_sections().at_unkeyed(i);
            return match self.column? {
                "title" => Some(row.title().into()),
                "body" => Some(row.body().into()),
                _ => None,
            };
        };
        let part = match slot {
            Slot::Text(t) if self.row.is_none() => return Some(t.lens(store)),
            Slot::List(l) => return Some(l.lens(store).at_unkeyed(self.row?).into()),
            Slot::Part(p) => p,
            Slot::Text(_) => return None,
        };
        let i = self.row?;
        let column = self.column?;
        let field: Field<String> = match part {
            Part::Timeline => {
                let row = store.timeline().entries().at_unkeyed(i);
                match column {
                    "time" => row.time().into(),
                    "event" => row.event().into(),
                    "owner" => row.owner().into(),
                    _ => return None,
                }
            }
            Part::Whys => {
                let row = store.root_cause().whys().at_unkeyed(i);
                match column {
                    "why" => row.why().into(),
                    "because" => row.because().into(),
                    _ => return None,
                }
            }
            Part::FactorChecklist => match column {
                "detail" => store
                    .contributing_factors()
                    .checklist()
                    .at_unkeyed(i)
                    .detail()
                    .into(),
                _ => return None,
            },
            Part::ActionItems => {
                let row = store.action_items().at_unkeyed(i);
                match column {
                    "id" => row.id().into(),
                    "action" => row.action().into(),
                    "owner" => row.owner().into(),
                    "priority" => row.priority().into(),
                    "due" => row.due().into(),
                    "status" => row.status().into(),
                    "tracking" => row.tracking().into(),
                    "description" => row.description().into(),
                    "rationale" => row.rationale().into(),
                    "success_criteria" => row.success_criteria().into(),
                    _ => return None,
                }
            }
            Part::SignOff => {
                let row = store.sign_off().at_unkeyed(i);
                match column {
                    "role" => row.role().into(),
                    "name" => row.name().into(),
                    "date" => row.date().into(),
                    _ => return None,
                }
            }
            Part::MetaExtra | Part::ImpactExtra => {
                let row: Field<crate::model::KeyValue> = if part == Part::MetaExtra {
                    store.meta().extra().at_unkeyed(i).into()
                } else {
                    store.impact().extra().at_unkeyed(i).into()
                };
                match column {
                    "key" => row.key().into(),
                    "value" => row.value().into(),
                    _ => return None,
                }
            }
        };
        Some(field)
    }
}
