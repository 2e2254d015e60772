//! Every edit of a dataset, as a value. [`Action::apply`] is the one place the dataset is
//! changed: it checks the edit, makes it, and returns the action that undoes it.

use jiff::civil::Date;

use crate::i18n::Lang;
use crate::model::{
    Dataset, Directive, DirectiveId, Indicator, Letterhead, Meeting, MeetingId, Observation,
    Period, Problem, Unit, UnitId, Zone, ZoneId,
};

/// One edit the user made.
#[derive(Clone, Debug, PartialEq)]
#[must_use = "an action does nothing until it is applied"]
pub enum Action {
    /// Mark a directive done on a date, or not done (`None`).
    SetCompleted { id: DirectiveId, on: Option<Date> },
    /// Set or clear a directive's deadline.
    SetDeadline { id: DirectiveId, deadline: Option<Date> },
    /// Replace a directive's text.
    SetText { id: DirectiveId, text: String },
    /// Replace a directive by an edited copy with the same id (every field of the editor).
    ReplaceDirective(Box<Directive>),
    /// Move a directive to a position of the list (clamped to its end).
    MoveDirective { id: DirectiveId, to: usize },
    /// Add a unit to the list units are chosen from.
    AddUnit(Unit),
    /// Remove a unit no directive names.
    RemoveUnit { id: UnitId },
    /// Puts a unit back where it was (the undo of a removal keeps the list's order).
    InsertUnit { index: usize, unit: Unit },
    /// Add a meeting at the end of the list.
    AddMeeting(Box<Meeting>),
    /// Remove a meeting that has no directives.
    RemoveMeeting { id: MeetingId },
    /// Puts a meeting back where it was (the undo of a removal keeps the list's order).
    InsertMeeting { index: usize, meeting: Box<Meeting> },
    /// Insert a directive at a position of the list (clamped to its end).
    InsertDirective { index: usize, directive: Box<Directive> },
    /// Remove a directive.
    RemoveDirective { id: DirectiveId },
    /// Put a figure in place of the indicator's figure for the same period, or add it.
    PutObservation { indicator: String, observation: Box<Observation> },
    /// Remove the indicator's figure for a period.
    RemoveObservation { indicator: String, period: Period },
    /// Replace a meeting's details by an edited copy with the same id.
    ReplaceMeeting(Box<Meeting>),
    /// Put an edited zone in place of the one with its id, or add it at the end.
    PutZone(Box<Zone>),
    /// Insert a zone at a position of the list (clamped to its end).
    InsertZone { index: usize, zone: Box<Zone> },
    /// Remove a zone.
    RemoveZone { id: ZoneId },
    /// Add an indicator (a product followed over time) at the end of the list.
    AddIndicator(Box<Indicator>),
    /// Remove an indicator and its figures.
    RemoveIndicator { id: String },
    /// Put in (or, with `None`, take out) the official report's letterhead.
    SetLetterhead(Option<Box<Letterhead>>),
    /// Several edits as one step, applied in order and undone in reverse.
    Batch(Vec<Action>),
    /// Put a whole dataset in place of the document's (a merge of two copies), checked
    /// whole first.
    Replace(Box<Dataset>),
}

/// Why an action was refused. The dataset is unchanged.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ActionError {
    /// The directive it names is not in the dataset (deleted meanwhile).
    #[error("directive {0:?} does not exist")]
    NoSuchDirective(DirectiveId),
    /// A directive with that id is already there.
    #[error("directive {0:?} already exists")]
    DuplicateDirective(DirectiveId),
    /// The unit or meeting is still used, or its id is taken.
    #[error("{0}")]
    InUse(&'static str),
    /// The indicator it names is not in the dataset.
    #[error("indicator {0:?} does not exist")]
    NoSuchIndicator(String),
    /// The indicator has no figure for that period.
    #[error("indicator {0:?} has no figure for {1:?}")]
    NoSuchObservation(String, Period),
    /// The edit would break an invariant of the dataset.
    #[error("{}", .0.describe(Lang::En))]
    Invalid(Problem),
}

impl ActionError {
    /// The reason in plain words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            ActionError::Invalid(problem) => problem.describe(lang),
            other => other.to_string(),
        }
    }
}

impl Action {
    /// Applies the action and returns its inverse; on error nothing changed.
    pub fn apply(mut self, dataset: &mut Dataset) -> Result<Action, ActionError> {
        self.normalize();
        match self {
            Action::SetCompleted { id, on } => edit_directive(dataset, id, |d| {
                Action::SetCompleted { id, on: std::mem::replace(&mut d.completed_on, on) }
            }),
            Action::SetDeadline { id, deadline } => edit_directive(dataset, id, |d| {
                Action::SetDeadline { id, deadline: std::mem::replace(&mut d.deadline, deadline) }
            }),
            Action::SetText { id, text } => edit_directive(dataset, id, |d| Action::SetText {
                id,
                text: std::mem::replace(&mut d.text, text),
            }),
            Action::ReplaceDirective(directive) => {
                let id = directive.id;
                edit_directive(dataset, id, |d| {
                    Action::ReplaceDirective(Box::new(std::mem::replace(d, *directive)))
                })
            }
            Action::MoveDirective { id, to } => {
                let from = dataset
                    .directives
                    .iter()
                    .position(|d| d.id == id)
                    .ok_or(ActionError::NoSuchDirective(id))?;
                let directive = dataset.directives.remove(from);
                let to = to.min(dataset.directives.len());
                dataset.directives.insert(to, directive);
                Ok(Action::MoveDirective { id, to: from })
            }
            Action::AddUnit(unit) => insert_unit(dataset, dataset.units.len(), unit),
            Action::InsertUnit { index, unit } => insert_unit(dataset, index, unit),
            Action::RemoveUnit { id } => {
                if dataset.directives.iter().any(|d| crate::model::followup::involves(d, id)) {
                    return Err(ActionError::InUse("unit in use"));
                }
                let index = dataset
                    .units
                    .iter()
                    .position(|u| u.id == id)
                    .ok_or(ActionError::InUse("no such unit"))?;
                Ok(Action::InsertUnit { index, unit: dataset.units.remove(index) })
            }
            Action::AddMeeting(meeting) => {
                insert_meeting(dataset, dataset.meetings.len(), *meeting)
            }
            Action::InsertMeeting { index, meeting } => insert_meeting(dataset, index, *meeting),
            Action::RemoveMeeting { id } => {
                if dataset.directives.iter().any(|d| d.meeting_id == id) {
                    return Err(ActionError::InUse("meeting has directives"));
                }
                let index = dataset
                    .meetings
                    .iter()
                    .position(|m| m.id == id)
                    .ok_or(ActionError::InUse("no such meeting"))?;
                Ok(Action::InsertMeeting {
                    index,
                    meeting: Box::new(dataset.meetings.remove(index)),
                })
            }
            Action::InsertDirective { index, directive } => {
                let id = directive.id;
                if dataset.directive(id).is_some() {
                    return Err(ActionError::DuplicateDirective(id));
                }
                if let Some(problem) = dataset.directive_problems(&directive).into_iter().next() {
                    return Err(ActionError::Invalid(problem));
                }
                let index = index.min(dataset.directives.len());
                dataset.directives.insert(index, *directive);
                Ok(Action::RemoveDirective { id })
            }
            Action::RemoveDirective { id } => {
                let index = dataset
                    .directives
                    .iter()
                    .position(|d| d.id == id)
                    .ok_or(ActionError::NoSuchDirective(id))?;
                let directive = Box::new(dataset.directives.remove(index));
                Ok(Action::InsertDirective { index, directive })
            }
            Action::PutObservation { indicator, observation } => {
                let problem = observation_problem(&indicator, &observation);
                let target = dataset
                    .indicators
                    .iter_mut()
                    .find(|i| i.id == indicator)
                    .ok_or_else(|| ActionError::NoSuchIndicator(indicator.clone()))?;
                if let Some(problem) = problem {
                    return Err(ActionError::Invalid(problem));
                }
                let period = observation.period;
                let observations = &mut target.observations;
                match observations.iter().position(|o| o.period == period) {
                    Some(index) => {
                        let old = std::mem::replace(&mut observations[index], *observation);
                        Ok(Action::PutObservation { indicator, observation: Box::new(old) })
                    }
                    None => {
                        // Kept sorted by period, so files and tables read in time order.
                        let index = observations.partition_point(|o| o.period < period);
                        observations.insert(index, *observation);
                        Ok(Action::RemoveObservation { indicator, period })
                    }
                }
            }
            Action::RemoveObservation { indicator, period } => {
                let target = dataset
                    .indicators
                    .iter_mut()
                    .find(|i| i.id == indicator)
                    .ok_or_else(|| ActionError::NoSuchIndicator(indicator.clone()))?;
                let index = target
                    .observations
                    .iter()
                    .position(|o| o.period == period)
                    .ok_or_else(|| ActionError::NoSuchObservation(indicator.clone(), period))?;
                let old = target.observations.remove(index);
                Ok(Action::PutObservation { indicator, observation: Box::new(old) })
            }
            Action::ReplaceMeeting(meeting) => {
                if meeting.title.trim().is_empty() {
                    return Err(ActionError::Invalid(Problem::EmptyMeetingTitle(meeting.id)));
                }
                let index = dataset
                    .meetings
                    .iter()
                    .position(|m| m.id == meeting.id)
                    .ok_or(ActionError::InUse("no such meeting"))?;
                let old = std::mem::replace(&mut dataset.meetings[index], *meeting);
                // A new date must not leave a directive's deadline or notes before it.
                let id = old.id;
                let problem = dataset
                    .directives
                    .iter()
                    .filter(|d| d.meeting_id == id)
                    .find_map(|d| dataset.directive_problems(d).into_iter().next());
                if let Some(problem) = problem {
                    dataset.meetings[index] = old;
                    return Err(ActionError::Invalid(problem));
                }
                Ok(Action::ReplaceMeeting(Box::new(old)))
            }
            Action::PutZone(zone) => {
                if let Some(problem) = zone_problem(&zone) {
                    return Err(ActionError::Invalid(problem));
                }
                match dataset.zones.iter().position(|z| z.id == zone.id) {
                    Some(index) => {
                        let old = std::mem::replace(&mut dataset.zones[index], *zone);
                        Ok(Action::PutZone(Box::new(old)))
                    }
                    None => {
                        let id = zone.id;
                        dataset.zones.push(*zone);
                        Ok(Action::RemoveZone { id })
                    }
                }
            }
            Action::InsertZone { index, zone } => {
                if dataset.zones.iter().any(|z| z.id == zone.id) {
                    return Err(ActionError::Invalid(Problem::DuplicateZoneId(zone.id)));
                }
                if let Some(problem) = zone_problem(&zone) {
                    return Err(ActionError::Invalid(problem));
                }
                let id = zone.id;
                dataset.zones.insert(index.min(dataset.zones.len()), *zone);
                Ok(Action::RemoveZone { id })
            }
            Action::RemoveZone { id } => {
                let index = dataset
                    .zones
                    .iter()
                    .position(|z| z.id == id)
                    .ok_or(ActionError::InUse("no such zone"))?;
                let zone = Box::new(dataset.zones.remove(index));
                Ok(Action::InsertZone { index, zone })
            }
            Action::AddIndicator(indicator) => {
                if dataset.indicator(&indicator.id).is_some() {
                    return Err(ActionError::Invalid(Problem::DuplicateIndicatorId(
                        indicator.id.clone(),
                    )));
                }
                if indicator.name.trim().is_empty() || indicator.unit.trim().is_empty() {
                    return Err(ActionError::Invalid(Problem::EmptyIndicatorName(
                        indicator.id.clone(),
                    )));
                }
                if let Some(problem) = indicator
                    .observations
                    .iter()
                    .find_map(|o| observation_problem(&indicator.id, o))
                {
                    return Err(ActionError::Invalid(problem));
                }
                let id = indicator.id.clone();
                dataset.indicators.push(*indicator);
                Ok(Action::RemoveIndicator { id })
            }
            Action::SetLetterhead(letterhead) => {
                let earlier = std::mem::replace(&mut dataset.letterhead, letterhead.map(|l| *l));
                Ok(Action::SetLetterhead(earlier.map(Box::new)))
            }
            Action::RemoveIndicator { id } => {
                let index = dataset
                    .indicators
                    .iter()
                    .position(|i| i.id == id)
                    .ok_or(ActionError::NoSuchIndicator(id))?;
                Ok(Action::AddIndicator(Box::new(dataset.indicators.remove(index))))
            }
            Action::Replace(replacement) => {
                if let Some(problem) = replacement.validate().into_iter().next() {
                    return Err(ActionError::Invalid(problem));
                }
                Ok(Action::Replace(Box::new(std::mem::replace(dataset, *replacement))))
            }
            Action::Batch(actions) => {
                let mut inverses = Vec::with_capacity(actions.len());
                for action in actions {
                    match action.apply(dataset) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(err) => {
                            // Roll back what this batch already did, newest first.
                            for inverse in inverses.into_iter().rev() {
                                let _redo =
                                    inverse.apply(dataset).expect("an inverse always applies");
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Ok(Action::Batch(inverses))
            }
        }
    }
}

impl Action {
    /// The records this edit changes (their last-modified times follow it); a
    /// [`Action::Replace`] names none, its caller knows what it changed.
    pub fn touched(&self, out: &mut Vec<crate::files::lineage::RecordKey>) {
        use crate::files::lineage::RecordKey as K;
        match self {
            Action::SetCompleted { id, .. }
            | Action::SetDeadline { id, .. }
            | Action::SetText { id, .. }
            | Action::MoveDirective { id, .. }
            | Action::RemoveDirective { id } => out.push(K::Directive(*id)),
            Action::ReplaceDirective(directive) | Action::InsertDirective { directive, .. } => {
                out.push(K::Directive(directive.id))
            }
            Action::AddUnit(unit) | Action::InsertUnit { unit, .. } => out.push(K::Unit(unit.id)),
            Action::RemoveUnit { id } => out.push(K::Unit(*id)),
            Action::AddMeeting(meeting)
            | Action::InsertMeeting { meeting, .. }
            | Action::ReplaceMeeting(meeting) => out.push(K::Meeting(meeting.id)),
            Action::RemoveMeeting { id } => out.push(K::Meeting(*id)),
            Action::PutObservation { indicator, observation } => {
                out.push(K::Figure(indicator.clone(), observation.period))
            }
            Action::RemoveObservation { indicator, period } => {
                out.push(K::Figure(indicator.clone(), *period))
            }
            Action::PutZone(zone) | Action::InsertZone { zone, .. } => out.push(K::Zone(zone.id)),
            Action::RemoveZone { id } => out.push(K::Zone(*id)),
            Action::AddIndicator(indicator) => out.push(K::Indicator(indicator.id.clone())),
            Action::RemoveIndicator { id } => out.push(K::Indicator(id.clone())),
            Action::SetLetterhead(_) => out.push(K::Settings),
            Action::Batch(actions) => actions.iter().for_each(|a| a.touched(out)),
            Action::Replace(_) => {}
        }
    }

    /// Text entering the dataset tidied (`crate::model::tidy`), however it was typed or
    /// pasted; returns how many control characters were removed.
    pub fn normalize(&mut self) -> usize {
        let mut removed = 0;
        let mut tidy = |text: &mut String| removed += crate::model::tidy(text);
        match self {
            Action::SetText { text, .. } => tidy(text),
            Action::ReplaceDirective(directive) | Action::InsertDirective { directive, .. } => {
                directive.for_each_text_mut(&mut tidy);
            }
            Action::AddUnit(unit) | Action::InsertUnit { unit, .. } => {
                unit.for_each_text_mut(&mut tidy)
            }
            Action::AddMeeting(meeting)
            | Action::InsertMeeting { meeting, .. }
            | Action::ReplaceMeeting(meeting) => meeting.for_each_text_mut(&mut tidy),
            Action::PutZone(zone) | Action::InsertZone { zone, .. } => {
                zone.for_each_text_mut(&mut tidy)
            }
            Action::PutObservation { observation, .. } => tidy(&mut observation.source_ref),
            Action::AddIndicator(indicator) => indicator.for_each_text_mut(&mut tidy),
            Action::SetLetterhead(Some(letterhead)) => letterhead.for_each_text_mut(&mut tidy),
            Action::Batch(actions) => {
                return actions.iter_mut().map(Action::normalize).sum();
            }
            _ => {}
        }
        removed
    }
}

/// What would make a zone invalid (the rules of `Dataset::validate`).
fn zone_problem(zone: &Zone) -> Option<Problem> {
    let probe = Dataset { zones: vec![zone.clone()], ..Dataset::empty() };
    probe.validate().into_iter().next()
}

/// What would make a figure invalid, checked before it enters the dataset (the same rules
/// as `Dataset::validate`).
fn observation_problem(indicator: &str, observation: &Observation) -> Option<Problem> {
    let probe = Dataset {
        indicators: vec![crate::model::Indicator {
            id: indicator.to_owned(),
            name: indicator.to_owned(),
            name_en: String::new(),
            unit: String::new(),
            observations: vec![observation.clone()],
        }],
        ..Dataset::empty()
    };
    probe.validate().into_iter().next()
}

/// Edits one directive in place with `change` (which returns the inverse), then checks the
/// result; a change that makes the directive invalid is undone and refused.
fn edit_directive(
    dataset: &mut Dataset,
    id: DirectiveId,
    change: impl FnOnce(&mut Directive) -> Action,
) -> Result<Action, ActionError> {
    let directive = dataset.directive_mut(id).ok_or(ActionError::NoSuchDirective(id))?;
    let inverse = change(directive);
    let directive = dataset.directive(id).expect("it was just edited");
    if let Some(problem) = dataset.directive_problems(directive).into_iter().next() {
        let _ = inverse.apply(dataset).expect("restoring the previous value always applies");
        return Err(ActionError::Invalid(problem));
    }
    Ok(inverse)
}

/// Inserts `unit` at `index` (or last), refusing a taken id or an empty name.
fn insert_unit(dataset: &mut Dataset, index: usize, unit: Unit) -> Result<Action, ActionError> {
    if dataset.unit(unit.id).is_some() {
        return Err(ActionError::InUse("unit id taken"));
    }
    if unit.name.trim().is_empty() {
        return Err(ActionError::Invalid(Problem::EmptyUnitName(unit.id)));
    }
    let id = unit.id;
    dataset.units.insert(index.min(dataset.units.len()), unit);
    Ok(Action::RemoveUnit { id })
}

/// Inserts `meeting` at `index` (or last), refusing a taken id or an empty title.
fn insert_meeting(
    dataset: &mut Dataset,
    index: usize,
    meeting: Meeting,
) -> Result<Action, ActionError> {
    if dataset.meeting(meeting.id).is_some() {
        return Err(ActionError::InUse("meeting id taken"));
    }
    if meeting.title.trim().is_empty() {
        return Err(ActionError::Invalid(Problem::EmptyMeetingTitle(meeting.id)));
    }
    let id = meeting.id;
    dataset.meetings.insert(index.min(dataset.meetings.len()), meeting);
    Ok(Action::RemoveMeeting { id })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;
    use jiff::civil::date;

    #[test]
    fn inverse_restores_the_dataset() {
        let original = builtin::dataset();
        let mut data = original.clone();
        let id = DirectiveId(4);
        let actions = vec![
            Action::SetDeadline { id, deadline: Some(date(2019, 9, 30)) },
            Action::SetCompleted { id, on: Some(date(2019, 10, 2)) },
            Action::SetText { id, text: "Rà soát lại toàn bộ các mỏ đá".into() },
            Action::RemoveDirective { id: DirectiveId(1) },
        ];
        let mut inverses = Vec::new();
        for action in actions {
            inverses.push(action.apply(&mut data).unwrap());
        }
        assert_ne!(data, original);
        for inverse in inverses.into_iter().rev() {
            let _ = inverse.apply(&mut data).unwrap();
        }
        assert_eq!(data, original);
    }

    #[test]
    fn an_edit_that_breaks_an_invariant_is_refused_and_changes_nothing() {
        let original = builtin::dataset();
        let mut data = original.clone();
        let before_meeting =
            Action::SetDeadline { id: DirectiveId(2), deadline: Some(date(2019, 1, 1)) };
        assert!(matches!(before_meeting.apply(&mut data), Err(ActionError::Invalid(_))));
        let missing = Action::SetCompleted { id: DirectiveId(99), on: None };
        assert_eq!(missing.apply(&mut data), Err(ActionError::NoSuchDirective(DirectiveId(99))));
        assert_eq!(data, original);
    }

    #[test]
    fn figures_are_put_replaced_and_removed_with_exact_inverses() {
        let original = builtin::dataset();
        let mut data = original.clone();
        let h1_2020 = Period::FirstMonths { year: 2020, months: 6 };
        let mut new = data.indicators[0].observations[1].clone();
        new.period = h1_2020;
        new.value = 400e6;
        let undo_add =
            Action::PutObservation { indicator: "electricity".into(), observation: Box::new(new) }
                .apply(&mut data)
                .unwrap();
        assert_eq!(data.indicators[0].observations.last().unwrap().period, h1_2020);
        let mut negative = data.indicators[0].observations[0].clone();
        negative.value = -1.0;
        let refused = Action::PutObservation {
            indicator: "electricity".into(),
            observation: Box::new(negative),
        };
        assert!(matches!(refused.apply(&mut data), Err(ActionError::Invalid(_))));
        let _ = undo_add.apply(&mut data).unwrap();
        assert_eq!(data, original);
    }

    #[test]
    fn text_enters_the_dataset_in_nfc() {
        let mut data = builtin::dataset();
        let decomposed = "Ra\u{300} soa\u{301}t mo\u{309} đa\u{301}".to_owned();
        let _ = Action::SetText { id: DirectiveId(4), text: decomposed }.apply(&mut data).unwrap();
        assert_eq!(data.directive(DirectiveId(4)).unwrap().text, "Rà soát mỏ đá");
    }

    #[test]
    fn an_edit_cannot_put_a_control_character_in() {
        let mut data = builtin::dataset();
        let action =
            Action::SetText { id: DirectiveId(4), text: "Rà soát\u{0} mỏ\u{1b} đá".into() };
        assert_eq!(action.clone().normalize(), 2, "counted, so the window can say so");
        let _ = action.apply(&mut data).unwrap();
        assert_eq!(data.directive(DirectiveId(4)).unwrap().text, "Rà soát mỏ đá");
    }

    #[test]
    fn a_failing_batch_rolls_back_its_first_steps() {
        let original = builtin::dataset();
        let mut data = original.clone();
        let batch = Action::Batch(vec![
            Action::SetText { id: DirectiveId(1), text: "mới".into() },
            Action::SetText { id: DirectiveId(2), text: "   ".into() },
        ]);
        assert!(batch.apply(&mut data).is_err());
        assert_eq!(data, original);
    }

    #[test]
    fn the_letterhead_is_set_and_undone_in_one_step() {
        let original = builtin::dataset();
        let mut data = original.clone();
        let mut letterhead = data.letterhead_or_default();
        letterhead.number = Some(5);
        letterhead.signer_name = "Nguyễn\u{0} Văn A".into();
        let undo = Action::SetLetterhead(Some(Box::new(letterhead))).apply(&mut data).unwrap();
        let kept = data.letterhead.as_ref().unwrap();
        assert_eq!((kept.number, kept.signer_name.as_str()), (Some(5), "Nguyễn Văn A"));
        let _ = undo.apply(&mut data).unwrap();
        assert_eq!(data, original);
    }
}
