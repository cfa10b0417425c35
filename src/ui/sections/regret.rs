//! Regret, the first of the three Rs: owning what happened, caring for the
//! people it touched, and the messages that go out.

use leptos::prelude::*;

use crate::domain::Field;
use crate::ui::widgets::{SectionFrame, TextField};

#[component]
pub fn RegretSection() -> impl IntoView {
    view! {
        <SectionFrame slug="regret" title="Regret" guide="This write-up follows the three Rs: regret, reason, remedy. Regret comes first: say plainly that it happened and that we are sorry, before any analysis.">
            <TextField
                field=Field::Acknowledgement
                label="Acknowledgement"
                multiline=true
                help="What went wrong and who it hurt, owned in a few honest sentences."
                placeholder="e.g. For 41 minutes many customers could not pay at checkout. We are sorry."
            />
            <div class="row">
                <TextField
                    field=Field::EmpathyCustomers
                    label="For the customers affected"
                    multiline=true
                    help="What this cost them: time, money, trust, a bad day."
                />
                <TextField
                    field=Field::EmpathyResponders
                    label="For the responders"
                    multiline=true
                    help="The people who fought the fire: the hour, the pressure, what it took."
                />
            </div>
            <fieldset class="group">
                <legend>"Internal summary"</legend>
                <TextField
                    field=Field::InternalSummary
                    label="For colleagues"
                    multiline=true
                    help="A short account for the rest of the company: what happened, how bad, what now."
                />
            </fieldset>
            <fieldset class="group">
                <legend>"Message to customers"</legend>
                <p class="help">"Plain words, no internal names, no blame on a supplier or a person."</p>
                <TextField field=Field::CustomerWhatHappened label="What happened" multiline=true />
                <TextField field=Field::CustomerWhatWeDo label="What we are doing about it" multiline=true />
            </fieldset>
        </SectionFrame>
    }
}
