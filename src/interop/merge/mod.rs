//! Bringing two copies of one file together: the one open ("mine") and another (a sync
//! engine's conflict copy, a copy sent by mail), by the records' stable ids.
//!
//! With their common ancestor (found through the revisions each save records, see
//! `crate::files::lineage`), the merge is three-way and field by field: a field one side changed
//! is taken; changed alike on both, taken; changed differently, a conflict. A record one
//! side deleted and the other edited is a conflict; lists without order (progress notes,
//! supporting units) merge as sets; records both sides added under one id stay two (the
//! other's gets a new id, and every reference to it follows). Without an ancestor, each
//! record present on both sides and different is taken from the side that changed it last
//! (the records' times), and shown as a conflict to check. Nothing either side added is
//! dropped, and a record one side deleted that the merge still refers to is kept.
//!
//! [`merge`] reads the two copies and reports what comes from each side and every
//! conflict, each with the choice made by default; [`Merge::resolve`] builds the dataset
//! for the choices the official made.

mod alike;
mod records;

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::Timestamp;

pub use records::{Figure, Record, Settings};

use crate::files::lineage::{RecordKey, Stamps};
use crate::i18n::Lang;
use crate::model::{
    Dataset, Directive, DirectiveId, Indicator, MeetingId, Problem, UnitId, ZoneId,
};
use records::{Field, PeriodKey};

/// Which copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The copy open in the window (MINE on the command line).
    Mine,
    /// The copy merged into it.
    Other,
}

/// One copy to merge: its data and when its records were last changed.
#[derive(Clone, Copy, Debug)]
pub struct Copy<'a> {
    pub dataset: &'a Dataset,
    pub stamps: &'a Stamps,
}

/// What a side gave the merged file for one record.
#[derive(Clone, Debug, PartialEq)]
pub enum Took {
    Added,
    /// These fields.
    Changed(Vec<&'static str>),
    Deleted,
}

/// One record's part in the merge from one side.
#[derive(Clone, Debug, PartialEq)]
pub struct Taken {
    pub side: Side,
    pub key: RecordKey,
    pub took: Took,
}

/// What the two sides disagree on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Clash {
    /// Both changed this field, differently.
    Field(&'static str),
    /// One side deleted the record, the other edited it.
    Deleted(Side),
    /// No common ancestor: both copies hold the record, different.
    Record,
}

/// The choice of a conflict.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    /// The open copy's version (for a deletion: what that side did).
    Mine,
    /// The other copy's.
    Other,
    /// A text written by hand (text fields only).
    Text(String),
}

/// One conflict, with both versions as the official reads them.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub key: RecordKey,
    pub clash: Clash,
    /// The open copy's version, shown.
    pub mine: String,
    /// The other copy's, shown.
    pub other: String,
    /// Whether it is a text that can be written by hand.
    pub editable: bool,
    /// The choice made by default: the edit over a deletion, the later change without an
    /// ancestor, else the open copy's.
    pub choice: Choice,
}

/// A record both sides added under one id: the other's now goes by `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct Renamed {
    pub from: RecordKey,
    pub to: RecordKey,
}

/// Why two copies are not merged. Nothing changed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MergeError {
    /// The other is another province's data.
    #[error("the other copy is another province's data ({other})")]
    OtherProvince { mine: String, other: String },
    /// Both hold records, none of them the same (another dataset).
    #[error("the two copies share no record")]
    NothingShared,
}

impl MergeError {
    /// The reason in the official's words.
    pub fn describe(&self, lang: Lang) -> String {
        let t = &lang.strings().merge;
        match self {
            MergeError::OtherProvince { mine, other } => {
                crate::i18n::fill(&t.error_other_province, &[("mine", mine), ("other", other)])
            }
            MergeError::NothingShared => t.error_nothing_shared.clone(),
        }
    }
}

/// Two copies read against each other.
#[derive(Clone, Debug)]
pub struct Merge {
    /// Whether a common ancestor was known (else the records' times decided).
    pub three_way: bool,
    pub taken: Vec<Taken>,
    pub conflicts: Vec<Conflict>,
    pub renamed: Vec<Renamed>,
    /// Records both sides added that are one thing (the same unit, meeting or directive
    /// added on both): the other's went by `from`, now by this copy's `to`.
    pub united: Vec<Renamed>,
    /// Records one side deleted, kept because the merged file still refers to them.
    pub kept: Vec<RecordKey>,
    base: Option<Dataset>,
    mine: Dataset,
    /// The other copy with the ids of records both sides added moved out of the way.
    other: Dataset,
    mine_stamps: Stamps,
    other_stamps: Stamps,
}

/// The merged file for a set of choices.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub dataset: Dataset,
    pub stamps: Stamps,
    /// What still breaks the file's rules (a deadline one side set before a meeting date
    /// the other moved): the merge can't be applied until another choice mends it.
    pub problems: Vec<Problem>,
}

/// The latest version both copies descend from, with its revision id: `known` (the version
/// the window opened) when it is that one, one of the two copies itself when the other
/// descends from it, else the one `store` keeps. `mine` and `other` are the copies with the
/// revision each was saved as; `mine`'s data may hold unsaved edits (the window's), in
/// which case its revision names only `known`'s data.
pub fn find_base(
    mine: (&Dataset, Option<&crate::files::lineage::Revision>, bool),
    other: (&Dataset, Option<&crate::files::lineage::Revision>),
    known: Option<(&crate::files::lineage::Revision, &Dataset)>,
    store: Option<&crate::files::versions::VersionStore>,
) -> Option<(String, Dataset)> {
    let (Some(mine_revision), Some(other_revision)) = (mine.1, other.1) else { return None };
    let mine_is_saved = mine.2;
    for id in crate::files::lineage::shared_revisions(mine_revision, other_revision) {
        if let Some((revision, dataset)) = known
            && revision.id == id
        {
            return Some((id.to_owned(), dataset.clone()));
        }
        if id == mine_revision.id && mine_is_saved {
            return Some((id.to_owned(), mine.0.clone()));
        }
        if id == other_revision.id {
            return Some((id.to_owned(), other.0.clone()));
        }
        if let Some(dataset) = store.and_then(|s| s.get(id)) {
            return Some((id.to_owned(), dataset));
        }
    }
    None
}

/// Reads `other` against `mine`, from their common ancestor `base` when known.
pub fn merge(
    base: Option<&Dataset>,
    mine: Copy,
    other: Copy,
    lang: Lang,
) -> Result<Merge, MergeError> {
    check_same_dataset(mine.dataset, other.dataset)?;
    let mut other_data = other.dataset.clone();
    let mut other_stamps = other.stamps.clone();
    let mut renamed = match base {
        Some(base) => rename_twins(base, mine.dataset, &mut other_data, &mut other_stamps),
        None => Vec::new(),
    };
    let mut united = alike::unite(base, mine.dataset, &mut other_data, &mut other_stamps);
    // A twin moved out of the way and then found alike one of mine: said once, from its
    // first id.
    for pair in &mut united {
        if let Some(at) = renamed.iter().position(|r| r.to == pair.from) {
            pair.from = renamed.remove(at).from;
        }
    }
    let mut merge = Merge {
        three_way: base.is_some(),
        taken: Vec::new(),
        conflicts: Vec::new(),
        renamed,
        united,
        kept: Vec::new(),
        base: base.cloned(),
        mine: mine.dataset.clone(),
        other: other_data,
        mine_stamps: mine.stamps.clone(),
        other_stamps,
    };
    let mut report = Report::default();
    let _ = build(&merge, &HashMap::new(), Some(&mut report), lang);
    merge.taken = report.taken;
    merge.conflicts = report.conflicts;
    merge.kept = report.kept;
    Ok(merge)
}

impl Merge {
    /// Whether the two copies hold the same: nothing to merge.
    pub fn is_empty(&self) -> bool {
        self.taken.iter().all(|t| t.side == Side::Mine)
            && self.conflicts.is_empty()
            && self.renamed.is_empty()
    }

    /// How many changes come from `side`.
    pub fn count(&self, side: Side) -> usize {
        self.taken.iter().filter(|t| t.side == side).count()
    }

    /// The merged file with the conflicts' choices as they are now.
    pub fn resolve(&self) -> Resolved {
        let choices: HashMap<(RecordKey, Clash), Choice> = self
            .conflicts
            .iter()
            .map(|c| ((c.key.clone(), c.clash.clone()), c.choice.clone()))
            .collect();
        build(self, &choices, None, Lang::Vi)
    }

    /// Every conflict resolved to `side`'s version.
    pub fn prefer(&mut self, side: Side) {
        for conflict in &mut self.conflicts {
            conflict.choice = match side {
                Side::Mine => Choice::Mine,
                Side::Other => Choice::Other,
            };
        }
    }

    /// The copies, to name records in the report: the merged file where the record is
    /// there, else the side that has it.
    pub fn copies(&self) -> (&Dataset, &Dataset) {
        (&self.mine, &self.other)
    }
}

/// Refuses to merge another province's data, or a file with which nothing is shared.
fn check_same_dataset(mine: &Dataset, other: &Dataset) -> Result<(), MergeError> {
    let fold = crate::model::followup::fold;
    if !mine.province.trim().is_empty()
        && !other.province.trim().is_empty()
        && fold(mine.province.trim()) != fold(other.province.trim())
    {
        return Err(MergeError::OtherProvince {
            mine: mine.province.clone(),
            other: other.province.clone(),
        });
    }
    let ids = |d: &Dataset| -> HashSet<String> {
        let mut ids = HashSet::new();
        ids.extend(d.meetings.iter().map(|m| format!("m{}", m.id.0)));
        ids.extend(d.units.iter().map(|u| format!("u{}", u.id.0)));
        ids.extend(d.directives.iter().map(|x| format!("d{}", x.id.0)));
        ids.extend(d.zones.iter().map(|z| format!("z{}", z.id.0)));
        ids.extend(d.indicators.iter().map(|i| format!("i{}", i.id)));
        ids
    };
    let (a, b) = (ids(mine), ids(other));
    if !a.is_empty() && !b.is_empty() && a.is_disjoint(&b) {
        return Err(MergeError::NothingShared);
    }
    Ok(())
}

/// Records both sides added under one id, with different content: the other's gets a
/// fresh id, and every reference in the other copy follows.
fn rename_twins(
    base: &Dataset,
    mine: &Dataset,
    other: &mut Dataset,
    stamps: &mut Stamps,
) -> Vec<Renamed> {
    let mut renamed = Vec::new();
    let mut renumber = |other: &mut Dataset, moves: Vec<(RecordKey, RecordKey)>| {
        for (from, to) in moves {
            move_record(other, stamps, &from, &to);
            renamed.push(Renamed { from, to });
        }
    };
    // One kind after the other, meetings and units first: a directive of the other copy that
    // now refers to a renumbered meeting or unit differs from its twin for that too.
    let ids = twins(&base.meetings, &mine.meetings, &other.meetings);
    let first = first_free([base, mine, &*other], |d| d.meetings.iter().map(|m| m.id.0).max());
    let moves = (first..)
        .zip(ids)
        .map(|(n, id)| (RecordKey::Meeting(id), RecordKey::Meeting(MeetingId(n))));
    renumber(other, moves.collect());
    let ids = twins(&base.units, &mine.units, &other.units);
    let first = first_free([base, mine, &*other], |d| d.units.iter().map(|u| u.id.0).max());
    let moves = (first..).zip(ids).map(|(n, id)| (RecordKey::Unit(id), RecordKey::Unit(UnitId(n))));
    renumber(other, moves.collect());
    let ids = twins(&base.directives, &mine.directives, &other.directives);
    let first = first_free([base, mine, &*other], |d| d.directives.iter().map(|x| x.id.0).max());
    let moves = (first..)
        .zip(ids)
        .map(|(n, id)| (RecordKey::Directive(id), RecordKey::Directive(DirectiveId(n))));
    renumber(other, moves.collect());
    let ids = twins(&base.zones, &mine.zones, &other.zones);
    let first = first_free([base, mine, &*other], |d| d.zones.iter().map(|z| z.id.0).max());
    let moves = (first..).zip(ids).map(|(n, id)| (RecordKey::Zone(id), RecordKey::Zone(ZoneId(n))));
    renumber(other, moves.collect());
    renamed
}

/// The ids of the records `other` added (not in `base`) under an id `mine` also added, with
/// different content.
fn twins<R: Record>(base: &[R], mine: &[R], other: &[R]) -> Vec<R::Id> {
    let in_base: HashSet<R::Id> = base.iter().map(Record::id).collect();
    let mine: HashMap<R::Id, &R> = mine.iter().map(|r| (r.id(), r)).collect();
    other
        .iter()
        .filter(|o| !in_base.contains(&o.id()) && mine.get(&o.id()).is_some_and(|m| *m != *o))
        .map(Record::id)
        .collect()
}

/// The first number above every id `highest` finds in any of `copies`.
fn first_free(copies: [&Dataset; 3], highest: impl Fn(&Dataset) -> Option<u32>) -> u32 {
    copies.into_iter().filter_map(highest).max().unwrap_or(0) + 1
}

/// Gives the other copy's record `from` the id `to`: the record itself, every reference to
/// it in the other copy (a meeting's directives, a unit as lead, supporting or addressee —
/// named once if it now stands twice in a list), and its time.
pub(super) fn move_record(
    other: &mut Dataset,
    stamps: &mut Stamps,
    from: &RecordKey,
    to: &RecordKey,
) {
    match (from, to) {
        (RecordKey::Meeting(from), RecordKey::Meeting(to)) => {
            for meeting in other.meetings.iter_mut().filter(|m| m.id == *from) {
                meeting.id = *to;
            }
            for directive in other.directives.iter_mut().filter(|d| d.meeting_id == *from) {
                directive.meeting_id = *to;
            }
        }
        (RecordKey::Unit(from), RecordKey::Unit(to)) => {
            for unit in other.units.iter_mut().filter(|u| u.id == *from) {
                unit.id = *to;
            }
            for directive in &mut other.directives {
                let follow = |u: &mut UnitId| {
                    if u == from {
                        *u = *to;
                    }
                };
                directive.lead_unit.iter_mut().for_each(follow);
                directive.supporting_units.iter_mut().for_each(follow);
                directive.addressees.iter_mut().for_each(follow);
                let mut seen = HashSet::new();
                directive.supporting_units.retain(|u| seen.insert(*u));
                let mut seen = HashSet::new();
                directive.addressees.retain(|u| seen.insert(*u));
            }
        }
        (RecordKey::Directive(from), RecordKey::Directive(to)) => {
            for directive in other.directives.iter_mut().filter(|d| d.id == *from) {
                directive.id = *to;
            }
        }
        (RecordKey::Zone(from), RecordKey::Zone(to)) => {
            for zone in other.zones.iter_mut().filter(|z| z.id == *from) {
                zone.id = *to;
            }
        }
        _ => unreachable!("records move only to an id of their own kind"),
    }
    move_stamp(stamps, from, to.clone());
}

fn move_stamp(stamps: &mut Stamps, from: &RecordKey, to: RecordKey) {
    if let Some(stamp) = stamps.remove(from) {
        stamps.insert(to, stamp);
    }
}

/// What the analysis collects.
#[derive(Default)]
struct Report {
    taken: Vec<Taken>,
    conflicts: Vec<Conflict>,
    kept: Vec<RecordKey>,
}

/// What a build needs besides the lists.
struct Ctx<'a> {
    merge: &'a Merge,
    choices: &'a HashMap<(RecordKey, Clash), Choice>,
    report: Option<&'a mut Report>,
    lang: Lang,
}

impl Ctx<'_> {
    fn take(&mut self, side: Side, key: &RecordKey, took: Took) {
        if let Some(report) = self.report.as_deref_mut() {
            report.taken.push(Taken { side, key: key.clone(), took });
        }
    }

    /// The choice for a conflict: the official's, else the default (and, analysing, the
    /// conflict is reported).
    fn choose(&mut self, conflict: Conflict) -> Choice {
        if let Some(choice) = self.choices.get(&(conflict.key.clone(), conflict.clash.clone())) {
            return choice.clone();
        }
        let choice = conflict.choice.clone();
        if let Some(report) = self.report.as_deref_mut() {
            report.conflicts.push(conflict);
        }
        choice
    }

    fn stamp(&self, side: Side, key: &RecordKey) -> Option<Timestamp> {
        match side {
            Side::Mine => self.merge.mine_stamps.get(key).copied(),
            Side::Other => self.merge.other_stamps.get(key).copied(),
        }
    }
}

/// The merged dataset for `choices` (the defaults where none); with `report`, what it did.
fn build(
    merge: &Merge,
    choices: &HashMap<(RecordKey, Clash), Choice>,
    report: Option<&mut Report>,
    lang: Lang,
) -> Resolved {
    let mut ctx = Ctx { merge, choices, report, lang };
    let base = merge.base.as_ref();
    let (mine, other) = (&merge.mine, &merge.other);
    let mut out = Dataset::empty();
    let settings = merge_list(
        &mut ctx,
        base.map(|b| vec![Settings::of(b)]).as_deref(),
        &[Settings::of(mine)],
        &[Settings::of(other)],
    );
    if let Some(settings) = settings.into_iter().next() {
        out.province = settings.province;
        out.source = settings.source;
        out.letterhead = settings.letterhead;
    }
    out.meetings =
        merge_list(&mut ctx, base.map(|b| b.meetings.as_slice()), &mine.meetings, &other.meetings);
    out.units = merge_list(&mut ctx, base.map(|b| b.units.as_slice()), &mine.units, &other.units);
    out.directives = merge_list(
        &mut ctx,
        base.map(|b| b.directives.as_slice()),
        &mine.directives,
        &other.directives,
    );
    out.zones = merge_list(&mut ctx, base.map(|b| b.zones.as_slice()), &mine.zones, &other.zones);
    let indicators = merge_list(
        &mut ctx,
        base.map(|b| b.indicators.as_slice()),
        &mine.indicators,
        &other.indicators,
    );
    let figures = |d: &Dataset| -> Vec<Figure> {
        d.indicators
            .iter()
            .flat_map(|i| {
                i.observations
                    .iter()
                    .map(|o| Figure { indicator: i.id.clone(), observation: o.clone() })
            })
            .collect()
    };
    let base_figures = base.map(figures);
    let merged_figures =
        merge_list(&mut ctx, base_figures.as_deref(), &figures(mine), &figures(other));
    out.indicators = indicators
        .into_iter()
        .map(|mut indicator| {
            indicator.observations.clear();
            indicator
        })
        .collect();
    keep_what_is_referred_to(&mut ctx, &mut out, &merged_figures);
    for figure in merged_figures {
        if let Some(indicator) = out.indicators.iter_mut().find(|i| i.id == figure.indicator) {
            indicator.observations.push(figure.observation);
        }
    }
    for indicator in &mut out.indicators {
        indicator.observations.sort_by_key(|o| PeriodKey(o.period));
    }
    let stamps = merged_stamps(merge, &out);
    let problems = out.validate();
    Resolved { dataset: out, stamps, problems }
}

/// A record one side deleted that the merged file still refers to is brought back: the
/// meeting and units of every directive, the indicator of every figure.
fn keep_what_is_referred_to(ctx: &mut Ctx, out: &mut Dataset, figures: &[Figure]) {
    let sources: Vec<&Dataset> =
        [Some(&ctx.merge.mine), Some(&ctx.merge.other), ctx.merge.base.as_ref()]
            .into_iter()
            .flatten()
            .collect();
    let mut kept = Vec::new();
    let meetings: Vec<MeetingId> = out.directives.iter().map(|d| d.meeting_id).collect();
    for id in meetings {
        if out.meeting(id).is_none()
            && let Some(meeting) = sources.iter().find_map(|d| d.meeting(id))
        {
            out.meetings.push(meeting.clone());
            kept.push(RecordKey::Meeting(id));
        }
    }
    let units: Vec<UnitId> = out
        .directives
        .iter()
        .flat_map(|d| d.lead_unit.iter().chain(&d.supporting_units).chain(&d.addressees).copied())
        .collect();
    for id in units {
        if out.unit(id).is_none()
            && let Some(unit) = sources.iter().find_map(|d| d.unit(id))
        {
            out.units.push(unit.clone());
            kept.push(RecordKey::Unit(id));
        }
    }
    for figure in figures {
        if out.indicator(&figure.indicator).is_none()
            && let Some(indicator) = sources.iter().find_map(|d| d.indicator(&figure.indicator))
        {
            let mut indicator: Indicator = indicator.clone();
            indicator.observations.clear();
            out.indicators.push(indicator);
            kept.push(RecordKey::Indicator(figure.indicator.clone()));
        }
    }
    if let Some(report) = ctx.report.as_deref_mut() {
        report.kept.extend(kept);
    }
}

/// Each merged record's time: the later of the two sides'.
fn merged_stamps(merge: &Merge, out: &Dataset) -> Stamps {
    let mut keys: Vec<RecordKey> = Vec::new();
    keys.extend(out.meetings.iter().map(|m| RecordKey::Meeting(m.id)));
    keys.extend(out.units.iter().map(|u| RecordKey::Unit(u.id)));
    keys.extend(out.directives.iter().map(|d| RecordKey::Directive(d.id)));
    keys.extend(out.zones.iter().map(|z| RecordKey::Zone(z.id)));
    for indicator in &out.indicators {
        keys.push(RecordKey::Indicator(indicator.id.clone()));
        keys.extend(
            indicator
                .observations
                .iter()
                .map(|o| RecordKey::Figure(indicator.id.clone(), o.period)),
        );
    }
    keys.push(RecordKey::Settings);
    let mut stamps = BTreeMap::new();
    for key in keys {
        let later = match (merge.mine_stamps.get(&key), merge.other_stamps.get(&key)) {
            (Some(a), Some(b)) => Some(*a.max(b)),
            (a, b) => a.or(b).copied(),
        };
        if let Some(stamp) = later {
            stamps.insert(key, stamp);
        }
    }
    stamps
}

/// Merges one list by ids. The result is in `mine`'s order, or the other's when only the
/// other copy reordered it; what only one side holds goes after the record it follows
/// there.
fn merge_list<R: Record>(ctx: &mut Ctx, base: Option<&[R]>, mine: &[R], other: &[R]) -> Vec<R> {
    let base_of: Option<HashMap<R::Id, &R>> = base.map(|b| b.iter().map(|r| (r.id(), r)).collect());
    let other_of: HashMap<R::Id, &R> = other.iter().map(|r| (r.id(), r)).collect();
    let mine_ids: HashSet<R::Id> = mine.iter().map(Record::id).collect();
    let mut chosen: HashMap<R::Id, R> = HashMap::with_capacity(mine.len().max(other.len()));
    for m in mine {
        let id = m.id();
        let key = R::key(&id);
        let b = base_of.as_ref().and_then(|map| map.get(&id).copied());
        let o = other_of.get(&id).copied();
        let record = match (b, o) {
            // On both sides, with its ancestor.
            (Some(b), Some(o)) => Some(merge_fields(ctx, &key, b, m, o)),
            // The other deleted it.
            (Some(b), None) => {
                if m == b {
                    ctx.take(Side::Other, &key, Took::Deleted);
                    None
                } else {
                    let conflict = deletion_conflict(ctx, &key, Side::Other, m);
                    (ctx.choose(conflict) == Choice::Mine).then(|| m.clone())
                }
            }
            // Added on this side (with an ancestor known), or in this copy only.
            (None, None) => {
                if base_of.is_some() {
                    ctx.take(Side::Mine, &key, Took::Added);
                }
                Some(m.clone())
            }
            // No ancestor for this record: the same on both, or the later change wins.
            (None, Some(o)) => Some(two_way(ctx, &key, m, o)),
        };
        if let Some(record) = record {
            chosen.insert(id, record);
        }
    }
    // What only the other copy holds.
    for o in other {
        let id = o.id();
        if mine_ids.contains(&id) {
            continue;
        }
        let key = R::key(&id);
        let keep = match base_of.as_ref().and_then(|map| map.get(&id).copied()) {
            // Mine deleted it: gone if the other left it as it was.
            Some(b) => {
                if o == b {
                    ctx.take(Side::Mine, &key, Took::Deleted);
                    false
                } else {
                    let conflict = deletion_conflict(ctx, &key, Side::Mine, o);
                    ctx.choose(conflict) == Choice::Other
                }
            }
            None => {
                ctx.take(Side::Other, &key, Took::Added);
                true
            }
        };
        if keep {
            chosen.insert(id, o.clone());
        }
    }
    let (first, second) = match base {
        Some(base) if !reordered(base, mine) && reordered(base, other) => (other, mine),
        _ => (mine, other),
    };
    let mut out: Vec<R> = first.iter().filter_map(|r| chosen.remove(&r.id())).collect();
    if chosen.is_empty() {
        return out;
    }
    let mut positions: HashMap<R::Id, usize> =
        out.iter().enumerate().map(|(i, r)| (r.id(), i)).collect();
    let mut previous: Option<R::Id> = None;
    for r in second {
        let id = r.id();
        if let Some(record) = chosen.remove(&id) {
            let at = previous.as_ref().and_then(|p| positions.get(p)).map_or(out.len(), |i| i + 1);
            out.insert(at, record);
            for index in positions.values_mut() {
                if *index >= at {
                    *index += 1;
                }
            }
            positions.insert(id.clone(), at);
        }
        if positions.contains_key(&id) {
            previous = Some(id);
        }
    }
    out
}

/// Whether `list` holds the records it shares with `base` in another order.
fn reordered<R: Record>(base: &[R], list: &[R]) -> bool {
    let in_list: HashSet<R::Id> = list.iter().map(Record::id).collect();
    let in_base: HashSet<R::Id> = base.iter().map(Record::id).collect();
    let a = base.iter().map(Record::id).filter(|id| in_list.contains(id));
    let b = list.iter().map(Record::id).filter(|id| in_base.contains(id));
    !a.eq(b)
}

/// A record on both sides with their common ancestor: field by field.
fn merge_fields<R: Record>(ctx: &mut Ctx, key: &RecordKey, base: &R, mine: &R, other: &R) -> R {
    let mut out = mine.clone();
    if mine == other || other == base {
        if mine != base {
            ctx.take(Side::Mine, key, Took::Changed(changed_fields(base, mine)));
        }
        return out;
    }
    if mine == base {
        ctx.take(Side::Other, key, Took::Changed(changed_fields(base, other)));
        return other.clone();
    }
    let (mut from_mine, mut from_other) = (Vec::new(), Vec::new());
    for field in R::fields() {
        let mine_changed = !(field.same)(mine, base);
        let other_changed = !(field.same)(other, base);
        match (mine_changed, other_changed) {
            (false, false) => {}
            (true, false) => from_mine.push(field.name),
            (false, true) => {
                (field.copy)(&mut out, other);
                from_other.push(field.name);
            }
            (true, true) if (field.same)(mine, other) => from_mine.push(field.name),
            (true, true) => {
                if let Some(union) = field.union {
                    union(&mut out, base, mine, other);
                    from_mine.push(field.name);
                    from_other.push(field.name);
                    continue;
                }
                let conflict = field_conflict(ctx, key, field, mine, other);
                match ctx.choose(conflict) {
                    Choice::Mine => {}
                    Choice::Other => (field.copy)(&mut out, other),
                    Choice::Text(text) => {
                        if let Some(text_of) = field.text {
                            *text_of(&mut out) = text;
                        }
                    }
                }
            }
        }
    }
    if !from_mine.is_empty() {
        ctx.take(Side::Mine, key, Took::Changed(from_mine));
    }
    if !from_other.is_empty() {
        ctx.take(Side::Other, key, Took::Changed(from_other));
    }
    out
}

/// The names of the fields in which `a` and `b` differ.
fn changed_fields<R: Record>(a: &R, b: &R) -> Vec<&'static str> {
    R::fields().iter().filter(|f| !(f.same)(a, b)).map(|f| f.name).collect()
}

/// A record on both sides with no ancestor known: the same, or the later change, shown as
/// a conflict to check.
fn two_way<R: Record>(ctx: &mut Ctx, key: &RecordKey, mine: &R, other: &R) -> R {
    if mine == other {
        return mine.clone();
    }
    let later_is_other = match (ctx.stamp(Side::Mine, key), ctx.stamp(Side::Other, key)) {
        (Some(m), Some(o)) => o > m,
        (None, Some(_)) => true,
        _ => false,
    };
    let fields = changed_fields(mine, other);
    let shown = |r: &R, data: &Dataset, lang: Lang| -> String {
        R::fields()
            .iter()
            .filter(|f| fields.contains(&f.name))
            .map(|f| format!("{}: {}", field_word(f.name, lang), (f.show)(r, data, lang)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let conflict = Conflict {
        key: key.clone(),
        clash: Clash::Record,
        mine: shown(mine, &ctx.merge.mine, ctx.lang),
        other: shown(other, &ctx.merge.other, ctx.lang),
        editable: false,
        choice: if later_is_other { Choice::Other } else { Choice::Mine },
    };
    match ctx.choose(conflict) {
        Choice::Other => other.clone(),
        _ => mine.clone(),
    }
}

/// A record one side deleted and the other edited; `edited` is the edited version.
fn deletion_conflict<R: Record>(
    ctx: &Ctx,
    key: &RecordKey,
    deleted_by: Side,
    edited: &R,
) -> Conflict {
    let t = &ctx.lang.strings().merge;
    let summary = |r: &R, data: &Dataset| {
        R::fields().first().map(|f| (f.show)(r, data, ctx.lang)).unwrap_or_default()
    };
    let (mine, other, choice) = match deleted_by {
        // Keeping the edit is the default: nothing is lost that the official did not see.
        Side::Other => (summary(edited, &ctx.merge.mine), t.deleted.clone(), Choice::Mine),
        Side::Mine => (t.deleted.clone(), summary(edited, &ctx.merge.other), Choice::Other),
    };
    Conflict {
        key: key.clone(),
        clash: Clash::Deleted(deleted_by),
        mine,
        other,
        editable: false,
        choice,
    }
}

fn field_conflict<R: Record>(
    ctx: &Ctx,
    key: &RecordKey,
    field: &Field<R>,
    mine: &R,
    other: &R,
) -> Conflict {
    Conflict {
        key: key.clone(),
        clash: Clash::Field(field.name),
        mine: (field.show)(mine, &ctx.merge.mine, ctx.lang),
        other: (field.show)(other, &ctx.merge.other, ctx.lang),
        editable: field.text.is_some(),
        choice: Choice::Mine,
    }
}

/// A field's name in the official's words.
pub fn field_word(name: &str, lang: Lang) -> String {
    let t = &lang.strings().merge;
    let word = match name {
        "text" => &t.field_text,
        "meeting" => &t.field_meeting,
        "addressees" => &t.field_addressees,
        "lead" => &t.field_lead,
        "supporting" => &t.field_supporting,
        "deadline" => &t.field_deadline,
        "output" => &t.field_output,
        "progress" => &t.field_progress,
        "completed" => &t.field_completed,
        "title" => &t.field_title,
        "date" => &t.field_date,
        "chair" => &t.field_chair,
        "attendees" => &t.field_attendees,
        "reporting_body" => &t.field_reporting_body,
        "topics" => &t.field_topics,
        "assessment" => &t.field_assessment,
        "source" => &t.field_source,
        "name" => &t.field_name,
        "kind" | "zone_kind" => &t.field_kind,
        "area" => &t.field_area,
        "qualifier" => &t.field_qualifier,
        "count" => &t.field_count,
        "note" => &t.field_note,
        "value" => &t.field_value,
        "change" => &t.field_change,
        "basis" => &t.field_basis,
        "name_en" => &t.field_name_en,
        "unit_of_measure" => &t.field_unit_of_measure,
        "province" => &t.field_province,
        "data_source" => &t.field_data_source,
        "letterhead" => &t.field_letterhead,
        other => return other.to_owned(),
    };
    word.clone()
}

/// A record of the other copy that moved from one id to another, in the official's words,
/// with the number it had there: "Nhiệm vụ 12: Rà soát lại các mỏ đá".
pub fn renamed_words(renamed: &Renamed, merge: &Merge, lang: Lang) -> String {
    let (mine, other) = merge.copies();
    match (&renamed.from, &renamed.to) {
        // Only a directive's words carry its number: the one it had in the other copy.
        (RecordKey::Directive(from), RecordKey::Directive(to)) => {
            let text = other.directive(*to).or_else(|| mine.directive(*to)).map_or("", |d| &d.text);
            let t = &lang.strings().merge;
            crate::i18n::fill(&t.record_directive, &[("id", &from.0), ("text", &short_text(text))])
        }
        (_, to) => record_words(to, other, mine, lang),
    }
}

/// A text cut to 70 characters for a line of the report.
fn short_text(text: &str) -> String {
    let mut out: String = text.chars().take(70).collect();
    if text.chars().count() > 70 {
        out.push('…');
    }
    out
}

/// A record in the official's words: "Nhiệm vụ 12: Rà soát lại các mỏ đá", "Đơn vị: Sở
/// Công Thương", as `dataset` names it (or `fallback` when it no longer has it).
pub fn record_words(key: &RecordKey, dataset: &Dataset, fallback: &Dataset, lang: Lang) -> String {
    let t = &lang.strings().merge;
    let short = short_text;
    let fill = crate::i18n::fill;
    let in_either = |f: &dyn Fn(&Dataset) -> Option<String>| {
        f(dataset).or_else(|| f(fallback)).unwrap_or_default()
    };
    match key {
        RecordKey::Directive(id) => {
            let text = in_either(&|d| d.directive(*id).map(|x: &Directive| short(&x.text)));
            fill(&t.record_directive, &[("id", &id.0), ("text", &text)])
        }
        RecordKey::Meeting(id) => {
            let text = in_either(&|d| {
                d.meeting(*id)
                    .map(|m| format!("{} — {}", crate::format::date(m.date), short(&m.title)))
            });
            fill(&t.record_meeting, &[("text", &text)])
        }
        RecordKey::Unit(id) => {
            fill(&t.record_unit, &[("text", &in_either(&|d| d.unit(*id).map(|u| u.name.clone())))])
        }
        RecordKey::Zone(id) => {
            let text = in_either(&|d| d.zones.iter().find(|z| z.id == *id).map(|z| z.name.clone()));
            fill(&t.record_zone, &[("text", &text)])
        }
        RecordKey::Indicator(id) => {
            let text = in_either(&|d| d.indicator(id).map(|i| i.name.clone()));
            fill(&t.record_indicator, &[("text", &text)])
        }
        RecordKey::Figure(id, period) => {
            let name = in_either(&|d| d.indicator(id).map(|i| i.name.clone()));
            let period = crate::format::period_short(*period, lang);
            fill(&t.record_figure, &[("text", &format!("{name}, {period}"))])
        }
        RecordKey::Settings => t.record_settings.clone(),
    }
}
