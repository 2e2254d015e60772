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

use super::{Record, Renamed, move_record};
use crate::files::lineage::{RecordKey, Stamps};
use crate::model::Dataset;
use crate::model::followup::fold;

/// Gives each record the other copy added that is alike one this copy added this copy's
/// id; returns the pairs, from the other's id to this copy's.
pub(super) fn unite(
    base: Option<&Dataset>,
    mine: &Dataset,
    other: &mut Dataset,
    stamps: &mut Stamps,
) -> Vec<Renamed> {
    let mut united = Vec::new();
    let mut unite_all = |other: &mut Dataset, moves: Vec<(RecordKey, RecordKey)>| {
        for (from, to) in moves {
            move_record(other, stamps, &from, &to);
            united.push(Renamed { from, to });
        }
    };
    // Meetings first: a directive is alike only within one meeting.
    let base_meetings = base.map(|b| b.meetings.as_slice());
    let pairs = alike_pairs(base_meetings, &mine.meetings, &other.meetings, |m| {
        (fold(m.title.trim()), m.date)
    });
    let moves = pairs.into_iter().map(|(f, t)| (RecordKey::Meeting(f), RecordKey::Meeting(t)));
    unite_all(other, moves.collect());
    let base_units = base.map(|b| b.units.as_slice());
    let pairs = alike_pairs(base_units, &mine.units, &other.units, |u| fold(u.name.trim()));
    let moves = pairs.into_iter().map(|(f, t)| (RecordKey::Unit(f), RecordKey::Unit(t)));
    unite_all(other, moves.collect());
    // Directives, within the meetings as they now are.
    let base_directives = base.map(|b| b.directives.as_slice());
    let pairs = alike_pairs(base_directives, &mine.directives, &other.directives, |d| {
        (d.meeting_id, fold(d.text.trim()))
    });
    let moves = pairs.into_iter().map(|(f, t)| (RecordKey::Directive(f), RecordKey::Directive(t)));
    unite_all(other, moves.collect());
    united
}

/// The records only `other` added, each paired with the record only `mine` added that
/// is alike it (the same `likeness`): (the other's id, this copy's id). Only records the
/// ancestor does not hold and the other side does not hold under the same id are paired,
/// and no record of this copy is taken twice: two records of the other copy alike one of
/// this copy (the other typed it twice) leave the second as its own.
fn alike_pairs<R: Record, K: PartialEq>(
    base: Option<&[R]>,
    mine: &[R],
    other: &[R],
    likeness: impl Fn(&R) -> K,
) -> Vec<(R::Id, R::Id)> {
    let in_base: HashSet<R::Id> = base.into_iter().flatten().map(Record::id).collect();
    let ids = |list: &[R]| -> HashSet<R::Id> { list.iter().map(Record::id).collect() };
    let (mine_ids, other_ids) = (ids(mine), ids(other));
    let only_mine: Vec<(R::Id, K)> = mine
        .iter()
        .filter(|m| !in_base.contains(&m.id()) && !other_ids.contains(&m.id()))
        .map(|m| (m.id(), likeness(m)))
        .collect();
    let mut taken = HashSet::new();
    other
        .iter()
        .filter(|o| !in_base.contains(&o.id()) && !mine_ids.contains(&o.id()))
        .filter_map(|o| {
            let like = likeness(o);
            let (id, _) = only_mine.iter().find(|(_, k)| *k == like)?;
            Some((o.id(), id.clone()))
        })
        .filter(|(_, to)| taken.insert(to.clone()))
        .collect()
}
