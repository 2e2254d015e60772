//! Records both copies added independently that are the same thing: the same unit typed
//! (or read from a notice) on two machines, the same meeting, the same directive of it.
//! Each side gave it its own id, so by ids they are two records; kept so, the merged file
//! would list "Sở Kế hoạch và Đầu tư" twice and count its directives in two rows. They
//! are made one: the other copy's record takes this copy's id, and every reference in the
//! other copy follows. Its fields are then merged as any record both sides hold without
//! an ancestor.
//!
//! Alike means: a unit of the same name, a meeting of the same date and title, a
//! directive of the same meeting and text — names and texts compared without regard to
//! case and diacritics. Only records neither the common ancestor holds nor the other side
//! holds under the same id are paired.

use std::collections::HashSet;

use super::{Renamed, move_stamp};
use crate::followup::fold;
use crate::lineage::{RecordKey, Stamps};
use crate::model::{Dataset, DirectiveId, MeetingId, UnitId};

/// Gives each record the other copy added that is alike one this copy added this copy's
/// id; returns the pairs, from the other's id to this copy's.
pub(super) fn unite(
    base: Option<&Dataset>,
    mine: &Dataset,
    other: &mut Dataset,
    stamps: &mut Stamps,
) -> Vec<Renamed> {
    let mut united = Vec::new();
    // Meetings first: a directive is alike only within one meeting.
    let in_base: HashSet<MeetingId> =
        base.map(|b| b.meetings.iter().map(|m| m.id).collect()).unwrap_or_default();
    let other_ids: HashSet<MeetingId> = other.meetings.iter().map(|m| m.id).collect();
    let mine_added: Vec<(MeetingId, String, jiff::civil::Date)> = mine
        .meetings
        .iter()
        .filter(|m| !in_base.contains(&m.id) && !other_ids.contains(&m.id))
        .map(|m| (m.id, fold(m.title.trim()), m.date))
        .collect();
    let mine_ids: HashSet<MeetingId> = mine.meetings.iter().map(|m| m.id).collect();
    let pairs: Vec<(MeetingId, MeetingId)> = other
        .meetings
        .iter()
        .filter(|o| !in_base.contains(&o.id) && !mine_ids.contains(&o.id))
        .filter_map(|o| {
            let title = fold(o.title.trim());
            mine_added
                .iter()
                .find(|(_, t, d)| *t == title && *d == o.date)
                .map(|(id, ..)| (o.id, *id))
        })
        .collect();
    for (from, to) in unique(pairs) {
        for meeting in other.meetings.iter_mut().filter(|m| m.id == from) {
            meeting.id = to;
        }
        for directive in other.directives.iter_mut().filter(|d| d.meeting_id == from) {
            directive.meeting_id = to;
        }
        move_stamp(stamps, &RecordKey::Meeting(from), RecordKey::Meeting(to));
        united.push(Renamed { from: RecordKey::Meeting(from), to: RecordKey::Meeting(to) });
    }
    // Units.
    let in_base: HashSet<UnitId> =
        base.map(|b| b.units.iter().map(|u| u.id).collect()).unwrap_or_default();
    let other_ids: HashSet<UnitId> = other.units.iter().map(|u| u.id).collect();
    let mine_added: Vec<(UnitId, String)> = mine
        .units
        .iter()
        .filter(|u| !in_base.contains(&u.id) && !other_ids.contains(&u.id))
        .map(|u| (u.id, fold(u.name.trim())))
        .collect();
    let mine_ids: HashSet<UnitId> = mine.units.iter().map(|u| u.id).collect();
    let pairs: Vec<(UnitId, UnitId)> = other
        .units
        .iter()
        .filter(|o| !in_base.contains(&o.id) && !mine_ids.contains(&o.id))
        .filter_map(|o| {
            let name = fold(o.name.trim());
            mine_added.iter().find(|(_, n)| *n == name).map(|(id, _)| (o.id, *id))
        })
        .collect();
    for (from, to) in unique(pairs) {
        for unit in other.units.iter_mut().filter(|u| u.id == from) {
            unit.id = to;
        }
        for directive in &mut other.directives {
            let follow = |u: &mut UnitId| {
                if *u == from {
                    *u = to;
                }
            };
            directive.lead_unit.iter_mut().for_each(follow);
            directive.supporting_units.iter_mut().for_each(follow);
            directive.addressees.iter_mut().for_each(follow);
            // A unit named twice in one list once both are one.
            let mut seen = HashSet::new();
            directive.supporting_units.retain(|u| seen.insert(*u));
            let mut seen = HashSet::new();
            directive.addressees.retain(|u| seen.insert(*u));
        }
        move_stamp(stamps, &RecordKey::Unit(from), RecordKey::Unit(to));
        united.push(Renamed { from: RecordKey::Unit(from), to: RecordKey::Unit(to) });
    }
    // Directives, within the meetings as they now are.
    let in_base: HashSet<DirectiveId> =
        base.map(|b| b.directives.iter().map(|d| d.id).collect()).unwrap_or_default();
    let other_ids: HashSet<DirectiveId> = other.directives.iter().map(|d| d.id).collect();
    let mine_added: Vec<(DirectiveId, MeetingId, String)> = mine
        .directives
        .iter()
        .filter(|d| !in_base.contains(&d.id) && !other_ids.contains(&d.id))
        .map(|d| (d.id, d.meeting_id, fold(d.text.trim())))
        .collect();
    let mine_ids: HashSet<DirectiveId> = mine.directives.iter().map(|d| d.id).collect();
    let pairs: Vec<(DirectiveId, DirectiveId)> = other
        .directives
        .iter()
        .filter(|o| !in_base.contains(&o.id) && !mine_ids.contains(&o.id))
        .filter_map(|o| {
            let text = fold(o.text.trim());
            mine_added
                .iter()
                .find(|(_, meeting, t)| *meeting == o.meeting_id && *t == text)
                .map(|(id, ..)| (o.id, *id))
        })
        .collect();
    for (from, to) in unique(pairs) {
        for directive in other.directives.iter_mut().filter(|d| d.id == from) {
            directive.id = to;
        }
        move_stamp(stamps, &RecordKey::Directive(from), RecordKey::Directive(to));
        united.push(Renamed { from: RecordKey::Directive(from), to: RecordKey::Directive(to) });
    }
    united
}

/// Pairs in which no record of this copy is taken twice: two records of the other copy
/// alike one of this copy (the other typed it twice) leave the second as its own.
fn unique<Id: Copy + Eq + std::hash::Hash>(pairs: Vec<(Id, Id)>) -> Vec<(Id, Id)> {
    let mut taken = HashSet::new();
    pairs.into_iter().filter(|(_, to)| taken.insert(*to)).collect()
}
