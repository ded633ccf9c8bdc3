//! The choice put to the author when another tab changed or deleted the open report while
//! this tab had unsaved edits: keep mine as a copy, take theirs, or merge both (offered
//! when the two changed different fields).

use crate::app::revisions::Conflict;
use crate::app::use_ctx;
use leptos::prelude::*;

/// "Title, Summary" or "nothing".
fn listed(labels: &[String]) -> String {
    if labels.is_empty() {
        "nothing".to_string()
    } else {
        labels.join(", ")
    }
}

#[component]
pub fn ConflictChoice() -> impl IntoView {
    let ctx = use_ctx();
    let shown = move || {
        ctx.conflict
            .get()
            .filter(|c| ctx.open.get().as_deref() == Some(c.id()))
    };
    view! {
        {move || shown().map(|c| {
            let (lead, details, take) = match &c {
                Conflict::Changed { theirs, mine, both, .. } => (
                    "Another tab saved changes to this report while you were editing it here. Nothing has been saved over either version.".to_string(),
                    if both.is_empty() {
                        format!("They changed: {}. You changed: {}. Merging keeps both.", listed(theirs), listed(mine))
                    } else {
                        format!("You both changed: {}, so the two cannot be merged field by field. They also changed: {}. You changed: {}.", listed(both), listed(theirs), listed(mine))
                    },
                    "Take theirs (drop my changes)",
                ),
                Conflict::Deleted { .. } => (
                    "This report was deleted in another tab while you had unsaved changes here.".to_string(),
                    "Your changes are only in this tab now.".to_string(),
                    "Let it go (close it)",
                ),
            };
            let can_merge = c.can_merge();
            let changed = matches!(c, Conflict::Changed { .. });
            view! {
                <div class="banner conflict" role="alertdialog" aria-labelledby="conflict-lead" data-testid="conflict">
                    <div class="conflict-text">
                        <p id="conflict-lead"><strong>{lead}</strong></p>
                        <p data-testid="conflict-details">{details}</p>
                    </div>
                    <div class="conflict-actions">
                        <Show when=move || changed>
                            <button type="button" class="small primary" data-testid="conflict-merge"
                                disabled=!can_merge
                                title=if can_merge { "Keep both tabs' changes" } else { "Both tabs changed the same field" }
                                on:click=move |_| ctx.merge_both()>"Merge both"</button>
                        </Show>
                        <button type="button" class="small" data-testid="conflict-keep-mine"
                            on:click=move |_| ctx.keep_mine_as_copy()>"Keep mine as a copy"</button>
                        <button type="button" class="small" data-testid="conflict-take-theirs"
                            on:click=move |_| ctx.take_theirs()>{take}</button>
                    </div>
                </div>
            }
        })}
    }
}
