//! The inline marker under a field: the findings at its location, with their messages.

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
    let view = view! {
        <Show when={
            let here = here.clone();
            move || here.with(|f| !f.is_empty())
        }>
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
