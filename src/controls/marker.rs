//! The inline marker under a field: the findings at its location, with their messages.
//! While the author is typing, a marker that was not showing waits until the typing
//! pauses (the field's border changes at once), so the page does not
//! move under a half-typed value; one already showing stays and follows.

use crate::app::review::worst;
use crate::app::use_ctx;
use hindsight_core::validate::Level;
use hindsight_core::Location;
use leptos::prelude::*;

/// CSS class for a field with findings ("has-error", "has-warning") or none.
pub fn state_class(level: Option<Level>) -> &'static str {
    match level {
        Some(Level::Error) => "has-error",
        Some(Level::Warning) | Some(Level::Info) => "has-warning",
        None => "",
    }
}

/// Findings at `at`, and the class its wrapper should carry.
pub fn marker(at: Location) -> (AnyView, Signal<&'static str>) {
    let ctx = use_ctx();
    let here = ctx.review.at(at);
    let here2 = here.clone();
    let class = Signal::derive(move || state_class(here2.with(|f| worst(f))));
    let path = at.to_string();
    let held = ctx.review.holding;
    let here3 = here.clone();
    let visible = Memo::new(move |was: Option<&bool>| {
        let has = here3.with(|f| !f.is_empty());
        has && (!held.get() || was.copied().unwrap_or(false))
    });
    let view = view! {
        <Show when=move || visible.get()>
            <ul class="marker" data-testid=format!("marker-{path}")>
                {
                    let here = here.clone();
                    move || here.get().into_iter().map(|f| {
                        let class = f.level.name();
                        let text = match &f.fix {
                            Some(fix) => format!("{} {}", f.message, fix),
                            None => f.message.clone(),
                        };
                        view! { <li class=class>{text}</li> }
                    }).collect_view()
                }
            </ul>
        </Show>
    }
    .into_any();
    (view, class)
}
