use leptos::prelude::*;

use crate::domain::edit::Date;
use crate::domain::{Edit, Field, Scope};
use crate::ui::memo::memo;
use crate::ui::state::use_editor;
use crate::ui::widgets::{DateInput, Guide, TextField};

/// When and where: two separate discussions, soon after the incident, in a
/// place anyone interested can find.
#[component]
pub fn MeetingDates() -> impl IntoView {
    let editor = use_editor();
    let learning = memo(move || {
        editor.read(Scope::Date(Date::LearningMeeting), |d| {
            d.meeting.learning_date
        })
    });
    let actions = memo(move || {
        editor.read(Scope::Date(Date::ActionsMeeting), |d| {
            d.meeting.actions_date
        })
    });
    let warning = memo(move || {
        match (learning.get(), actions.get()) {
        (Some(l), Some(a)) if l == a => Some(
            "Both discussions are on the same day. A day or more in between gives ideas time to settle.",
        ),
        (Some(l), Some(a)) if a < l => {
            Some("The actions discussion comes before the learning discussion.")
        }
        _ => None,
    }
    });
    view! {
        <fieldset class="group" id="meeting-when">
            <legend>"When and where"</legend>
            <Guide class="help" id="meeting-soak" text="Meet soon, while memories are fresh, and decide on actions on a later day. Within a day or two for the most severe incidents, within a week for the rest. Talk through what happened and what was learned first; a night or more between that and choosing actions tends to bring better ideas than deciding while the story is still raw." />
            <div class="row">
                <DateInput
                    id="meeting-learning_date".into()
                    label="Learning discussion"
                    value=learning.into()
                    on_change=Callback::new(move |v| editor.edit(Edit::Date(Date::LearningMeeting, v)))
                />
                <DateInput
                    id="meeting-actions_date".into()
                    label="Actions discussion"
                    value=actions.into()
                    on_change=Callback::new(move |v| editor.edit(Edit::Date(Date::ActionsMeeting, v)))
                />
            </div>
            <p class="warning" role="status" id="meeting-dates-warning">
                {move || warning.get()}
            </p>
            <TextField
                field=Field::Location
                label="Where and when"
                help="A room or call link and the time, shared openly so anyone interested can join."
                placeholder="e.g. Thursday 14:00, room Ada and the team call link"
            />
        </fieldset>
    }
}
