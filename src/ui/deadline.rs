//! A timer that typing can push back for free.
//!
//! The pause timers (the settled summaries, the autosave's debounce) were
//! cleared and set again on every keystroke: two browser calls and a new
//! closure each time, per timer. A `Deadline` keeps one browser timer
//! running and only moves the time it is due; when the timer fires early it
//! waits out the rest. During steady typing that is one timer per pause
//! length instead of one per key.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

/// One slot for the whole state: each stored value is its own compiled
/// code, so one is smaller than four.
#[derive(Clone, Copy)]
pub struct Deadline(StoredValue<State, LocalStorage>);

struct State {
    /// When `run` is due (`Date.now()` milliseconds), if it is.
    due: Option<f64>,
    /// When the browser timer running fires, if one is.
    fires: Option<f64>,
    /// Which timer is the running one: a timer superseded by an earlier
    /// deadline does nothing when it fires.
    timer: u32,
    run: Rc<dyn Fn()>,
}

impl Default for Deadline {
    fn default() -> Self {
        Self::new()
    }
}

impl Deadline {
    /// A deadline that runs nothing until `then` says what.
    pub fn new() -> Self {
        Deadline(StoredValue::new_local(State {
            due: None,
            fires: None,
            timer: 0,
            run: Rc::new(|| {}),
        }))
    }

    /// What runs when the deadline is due.
    pub fn then(&self, run: impl Fn() + 'static) {
        self.0.update_value(|s| s.run = Rc::new(run));
    }

    /// Runs `run` once `after` has passed from now, instead of whenever it
    /// was due before.
    pub fn set(&self, after: Duration) {
        let due = js_sys::Date::now() + after.as_millis() as f64;
        // A timer firing before the deadline waits out the rest; one firing
        // after it would be late.
        let late = self.0.try_update_value(|s| {
            s.due = Some(due);
            s.fires.is_none_or(|fires| fires > due)
        });
        if late == Some(true) {
            self.arm(after);
        }
    }

    /// Nothing is due any more (the timer still running finds nothing).
    pub fn cancel(&self) {
        self.0.update_value(|s| s.due = None);
    }

    fn arm(&self, after: Duration) {
        let me = *self;
        let fires = js_sys::Date::now() + after.as_millis() as f64;
        let id = self.0.try_update_value(|s| {
            s.fires = Some(fires);
            s.timer = s.timer.wrapping_add(1);
            s.timer
        });
        if let Some(id) = id {
            set_timeout(move || me.fire(id), after);
        }
    }

    fn fire(&self, id: u32) {
        let now = js_sys::Date::now();
        // What to do: nothing (a superseded timer, nothing due, or the page
        // and this timer's owner gone), wait out the rest, or run.
        let next = self.0.try_update_value(|s| {
            if s.timer != id {
                return None;
            }
            s.fires = None;
            let left = s.due? - now;
            if left >= 1.0 {
                return Some(Err(left));
            }
            s.due = None;
            Some(Ok(s.run.clone()))
        });
        match next.flatten() {
            Some(Err(left)) => self.arm(Duration::from_millis(left as u64)),
            Some(Ok(run)) => run(),
            None => {}
        }
    }
}
