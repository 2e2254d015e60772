//! The follow-up view of the directives, without egui: which directives a filter keeps, in
//! what order, how many are overdue or due soon, and the per-unit completion table that
//! provincial offices publish.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::model::status::DirectiveStatus;
use crate::model::{Dataset, Directive, DirectiveId, MeetingId, UnitId};

/// Days before a deadline from which a directive counts as due soon (sắp đến hạn).
pub const DEFAULT_DUE_SOON_DAYS: i32 = 7;

pub use crate::model::fold::fold;
use crate::model::search::{FIELD_SEPARATOR, Query};
pub use crate::model::search::{Found, Strength};

/// Whether a directive not yet done is due within `days` days of `today` (deadline today
/// included, overdue excluded).
pub fn is_due_soon(directive: &Directive, today: Date, days: i32) -> bool {
    match (directive.completed_on, directive.deadline) {
        (None, Some(due)) => {
            let left = (due - today).get_days();
            (0..=days).contains(&left)
        }
        _ => false,
    }
}

/// What the checklist shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Words to find in the text, units, expected output or notes, diacritics ignored: each
    /// a whole word or a word's beginning, all in one of those fields (see
    /// [`crate::model::search`]).
    pub text: String,
    pub meeting: Option<MeetingId>,
    /// Lead, supporting or addressed unit.
    pub unit: Option<UnitId>,
    pub status: Option<StatusFilter>,
    /// Deadline on or after.
    pub due_from: Option<Date>,
    /// Deadline on or before.
    pub due_to: Option<Date>,
}

/// A status to filter by: one of the computed statuses, or "due soon".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusFilter {
    Is(DirectiveStatus),
    DueSoon,
}

/// Orders of the checklist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// As in the file (the order of the meetings' texts).
    #[default]
    FileOrder,
    /// Soonest deadline first; no deadline last.
    Deadline,
    /// Overdue first, then in progress, no deadline, done late, done on time.
    Status,
    /// By the lead unit's name; no lead last.
    Unit,
}

impl Filter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// Each directive's searchable text, folded: built once per revision of the data, so a
/// keystroke in the search box only compares strings.
pub fn search_index(dataset: &Dataset) -> Vec<String> {
    let mut index = SearchIndex::default();
    index.update(dataset);
    index.folded
}

/// [`search_index`] kept up to date across edits: after an edit only the directives whose
/// searchable words changed are folded again (folding all 10.000 of a province's file took
/// a frame of 12 ms after every tick while a search was typed).
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Each directive's id and searchable text as written, in the dataset's order.
    sources: Vec<(DirectiveId, String)>,
    /// The same texts folded, in the same order.
    folded: Vec<String>,
}

impl SearchIndex {
    /// Brings the index up to `dataset`.
    pub fn update(&mut self, dataset: &Dataset) {
        let mut earlier: HashMap<DirectiveId, (String, String)> = std::mem::take(&mut self.sources)
            .into_iter()
            .zip(std::mem::take(&mut self.folded))
            .map(|((id, source), folded)| (id, (source, folded)))
            .collect();
        let mut scratch = String::new();
        for directive in &dataset.directives {
            scratch.clear();
            searchable_source(dataset, directive, &mut scratch);
            let folded = match earlier.remove(&directive.id) {
                Some((source, folded)) if source == scratch => folded,
                _ => fold(&scratch),
            };
            self.sources.push((directive.id, scratch.clone()));
            self.folded.push(folded);
        }
    }

    /// The folded texts, one a directive in the dataset's order (what [`select`] takes).
    pub fn folded(&self) -> &[String] {
        &self.folded
    }
}

/// One directive a filter kept: its index into `dataset.directives`, and where the words
/// of the search were found (`None` when no words were searched).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub found: Option<Found>,
}

/// The indices into `dataset.directives` that `filter` keeps, in `sort` order. `index` is
/// [`search_index`] of the same dataset (it may be empty when the filter has no words).
pub fn select(
    dataset: &Dataset,
    index: &[String],
    filter: &Filter,
    sort: SortBy,
    today: Date,
    due_soon_days: i32,
) -> Vec<usize> {
    let hits = search(dataset, index, filter, sort, today, due_soon_days);
    shown(hits).into_iter().map(|h| h.index).collect()
}

/// The hits a search shows: the phrases alone when some directive holds the query as a
/// phrase ("mo da" finds "các mỏ đá", not a row with "môi" and "đá" far apart), else every
/// directive that holds the words in one field. [`search`] keeps them all, so that a
/// narrower search can look among them.
pub fn shown(hits: Vec<Hit>) -> Vec<Hit> {
    let phrase = |hit: &Hit| hit.found.is_some_and(|f| f.strength == Strength::Phrase);
    if hits.iter().any(phrase) { hits.into_iter().filter(phrase).collect() } else { hits }
}

/// As [`select`], with where each directive's words were found, and before [`shown`]: every
/// directive with the words in one field. Those whose field holds them as a phrase come
/// first, each group in `sort` order.
pub fn search(
    dataset: &Dataset,
    index: &[String],
    filter: &Filter,
    sort: SortBy,
    today: Date,
    due_soon_days: i32,
) -> Vec<Hit> {
    let all = 0..dataset.directives.len();
    let kept = keep(dataset, index, filter, today, due_soon_days, all);
    order(dataset, kept, sort, today)
}

/// As [`search`], looking only among `rows`: what [`select`] gave for a filter this one
/// narrows (the same but for more words typed after its own).
pub fn search_among(
    dataset: &Dataset,
    index: &[String],
    filter: &Filter,
    sort: SortBy,
    today: Date,
    due_soon_days: i32,
    rows: &[usize],
) -> Vec<Hit> {
    let kept = keep(dataset, index, filter, today, due_soon_days, rows.iter().copied());
    // Ordered again: a row the wider search found as a phrase may now be words apart.
    order(dataset, kept, sort, today)
}

/// The kept directives in `sort` order, phrases first.
fn order(
    dataset: &Dataset,
    kept: Vec<(usize, Option<Found>)>,
    sort: SortBy,
    today: Date,
) -> Vec<Hit> {
    let mut hits: Vec<Hit> = kept.into_iter().map(|(index, found)| Hit { index, found }).collect();
    sort_rows(dataset, &mut hits, sort, today);
    // Stable: each strength keeps the order of `sort`.
    hits.sort_by_key(|hit| std::cmp::Reverse(hit.found.map(|f| f.strength)));
    hits
}

/// Whether the search `narrower` can only keep directives that `wider` keeps: its folded
/// words are those of `wider` with more typed after them.
pub fn narrows(narrower: &str, wider: &str) -> bool {
    fold(narrower).starts_with(&fold(wider))
}

/// The directives among `candidates` that `filter` keeps, each with where its words were
/// found (`None` with no words searched).
fn keep(
    dataset: &Dataset,
    index: &[String],
    filter: &Filter,
    today: Date,
    due_soon_days: i32,
    candidates: impl Iterator<Item = usize>,
) -> Vec<(usize, Option<Found>)> {
    let query = Query::new(&filter.text);
    candidates
        .filter(|&i| keeps(&dataset.directives[i], filter, today, due_soon_days))
        .filter_map(|i| {
            if query.is_empty() {
                return Some((i, None));
            }
            query.find(&index[i]).map(|found| (i, Some(found)))
        })
        .collect()
}

/// Puts `kept` in `sort` order.
fn sort_rows(dataset: &Dataset, kept: &mut [Hit], sort: SortBy, today: Date) {
    let directives = &dataset.directives;
    match sort {
        // Candidates are taken in the file's order, and kept in it.
        SortBy::FileOrder => {}
        SortBy::Deadline => kept.sort_by_key(|hit| {
            let deadline = directives[hit.index].deadline;
            (deadline.is_none(), deadline)
        }),
        SortBy::Status => {
            kept.sort_by_key(|hit| DirectiveStatus::of_directive(&directives[hit.index], today))
        }
        SortBy::Unit => {
            let name = |i: usize| {
                directives[i].lead_unit.and_then(|u| dataset.unit(u)).map(|u| fold(&u.name))
            };
            kept.sort_by_cached_key(|hit| {
                let name = name(hit.index);
                (name.is_none(), name)
            });
        }
    }
}

/// Whether the directive passes every part of the filter but the words.
fn keeps(directive: &Directive, filter: &Filter, today: Date, due_soon_days: i32) -> bool {
    if filter.meeting.is_some_and(|m| m != directive.meeting_id) {
        return false;
    }
    if let Some(unit) = filter.unit
        && !involves(directive, unit)
    {
        return false;
    }
    match filter.status {
        Some(StatusFilter::Is(status))
            if DirectiveStatus::of_directive(directive, today) != status =>
        {
            return false;
        }
        Some(StatusFilter::DueSoon) if !is_due_soon(directive, today, due_soon_days) => {
            return false;
        }
        _ => {}
    }
    if filter.due_from.is_some() || filter.due_to.is_some() {
        let Some(due) = directive.deadline else { return false };
        if filter.due_from.is_some_and(|from| due < from)
            || filter.due_to.is_some_and(|to| due > to)
        {
            return false;
        }
    }
    true
}

/// Whether `unit` leads, supports or was addressed by the directive.
pub fn involves(directive: &Directive, unit: UnitId) -> bool {
    directive.lead_unit == Some(unit)
        || directive.supporting_units.contains(&unit)
        || directive.addressees.contains(&unit)
}

/// A field of a directive the search looks in, each searched on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchField {
    /// The directive's text (shown in the row, where its words are marked).
    Text,
    /// The lead unit's name (shown in the row too).
    Lead,
    /// What is to be delivered.
    ExpectedOutput,
    /// A supporting unit's name.
    Supporting,
    /// The name of a unit the meeting addressed it to.
    Addressee,
    /// A progress note.
    Note,
}

/// The fields of `directive` the search looks in, in the order of its index entry (a
/// [`Found::field`] is a position in this list).
pub fn search_fields<'a>(
    dataset: &'a Dataset,
    directive: &'a Directive,
) -> Vec<(SearchField, &'a str)> {
    let unit = |id: &UnitId| dataset.unit(*id).map(|u| u.name.as_str());
    let mut fields = vec![(SearchField::Text, directive.text.as_str())];
    fields.extend(directive.lead_unit.iter().filter_map(unit).map(|n| (SearchField::Lead, n)));
    fields.push((SearchField::ExpectedOutput, directive.expected_output.as_str()));
    fields.extend(
        directive.supporting_units.iter().filter_map(unit).map(|n| (SearchField::Supporting, n)),
    );
    fields
        .extend(directive.addressees.iter().filter_map(unit).map(|n| (SearchField::Addressee, n)));
    fields.extend(directive.progress.iter().map(|note| (SearchField::Note, note.text.as_str())));
    fields
}

/// A directive's searchable fields as written, joined by the search's field separator
/// (replaced by a space where a field holds one, so fields stay apart).
fn searchable_source(dataset: &Dataset, directive: &Directive, text: &mut String) {
    for (number, (_, field)) in search_fields(dataset, directive).into_iter().enumerate() {
        if number > 0 {
            text.push(FIELD_SEPARATOR);
        }
        if field.contains(FIELD_SEPARATOR) {
            text.push_str(&field.replace(FIELD_SEPARATOR, " "));
        } else {
            text.push_str(field);
        }
    }
}

/// How many directives are overdue and how many due soon: what the banner says.
pub fn alerts(dataset: &Dataset, today: Date, due_soon_days: i32) -> (usize, usize) {
    let overdue = dataset
        .directives
        .iter()
        .filter(|d| DirectiveStatus::of_directive(d, today) == DirectiveStatus::Overdue)
        .count();
    let due_soon =
        dataset.directives.iter().filter(|d| is_due_soon(d, today, due_soon_days)).count();
    (overdue, due_soon)
}

/// One row of the per-unit summary.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitSummary {
    pub unit: UnitId,
    pub name: String,
    pub total: usize,
    pub done_on_time: usize,
    pub done_late: usize,
    pub in_progress: usize,
    pub overdue: usize,
    pub no_deadline: usize,
}

/// The statuses in the order summary tables list them.
pub const SUMMARY_ORDER: [DirectiveStatus; 5] = [
    DirectiveStatus::DoneOnTime,
    DirectiveStatus::DoneLate,
    DirectiveStatus::InProgress,
    DirectiveStatus::Overdue,
    DirectiveStatus::NoDeadline,
];

impl UnitSummary {
    /// How many of the unit's directives have `status`.
    pub fn count(&self, status: DirectiveStatus) -> usize {
        match status {
            DirectiveStatus::DoneOnTime => self.done_on_time,
            DirectiveStatus::DoneLate => self.done_late,
            DirectiveStatus::InProgress => self.in_progress,
            DirectiveStatus::Overdue => self.overdue,
            DirectiveStatus::NoDeadline => self.no_deadline,
        }
    }

    /// Done (on time or late) over total, in percent; `None` with nothing assigned.
    pub fn completion_rate(&self) -> Option<f64> {
        (self.total > 0)
            .then(|| (self.done_on_time + self.done_late) as f64 * 100.0 / self.total as f64)
    }
}

/// For each unit in charge, its directives by status. A directive counts for its lead unit;
/// one with no lead yet counts for the units it was addressed to. Units with nothing in
/// charge are left out.
pub fn unit_summaries(dataset: &Dataset, today: Date) -> Vec<UnitSummary> {
    unit_summaries_of(dataset, &dataset.directives, today)
}

/// [`unit_summaries`] of some of the dataset's directives (one meeting's, say).
pub fn unit_summaries_of<'a>(
    dataset: &Dataset,
    directives: impl IntoIterator<Item = &'a Directive>,
    today: Date,
) -> Vec<UnitSummary> {
    let mut rows: Vec<UnitSummary> = dataset
        .units
        .iter()
        .map(|u| UnitSummary {
            unit: u.id,
            name: u.name.clone(),
            total: 0,
            done_on_time: 0,
            done_late: 0,
            in_progress: 0,
            overdue: 0,
            no_deadline: 0,
        })
        .collect();
    let index: std::collections::HashMap<UnitId, usize> =
        dataset.units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
    for directive in directives {
        let in_charge: &[UnitId] = match &directive.lead_unit {
            Some(lead) => std::slice::from_ref(lead),
            None => &directive.addressees,
        };
        let status = DirectiveStatus::of_directive(directive, today);
        for unit in in_charge {
            let Some(row) = index.get(unit).map(|&i| &mut rows[i]) else { continue };
            row.total += 1;
            *match status {
                DirectiveStatus::DoneOnTime => &mut row.done_on_time,
                DirectiveStatus::DoneLate => &mut row.done_late,
                DirectiveStatus::InProgress => &mut row.in_progress,
                DirectiveStatus::Overdue => &mut row.overdue,
                DirectiveStatus::NoDeadline => &mut row.no_deadline,
            } += 1;
        }
    }
    rows.retain(|r| r.total > 0);
    rows
}

/// The directive at a position of the dataset, by id (for selections that survive edits).
pub fn position(dataset: &Dataset, id: DirectiveId) -> Option<usize> {
    dataset.directives.iter().position(|d| d.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;
    use jiff::civil::date;

    #[test]
    fn search_without_diacritics_finds_the_quarries() {
        let data = builtin::dataset();
        let today = date(2019, 10, 1);
        let filter = Filter { text: "ra soat mo da".into(), ..Filter::default() };
        let kept = select(&data, &search_index(&data), &filter, SortBy::FileOrder, today, 7);
        assert_eq!(kept, [3], "directive 4, Rà soát lại các mỏ đá");
        let by_unit = Filter { text: "huyen".into(), ..Filter::default() };
        assert_eq!(select(&data, &search_index(&data), &by_unit, SortBy::FileOrder, today, 7), [8]);
    }

    #[test]
    fn words_are_found_at_word_beginnings_within_one_field() {
        let data = builtin::dataset();
        let today = date(2019, 10, 1);
        let find = |text: &str| {
            let filter = Filter { text: text.into(), ..Filter::default() };
            search(&data, &search_index(&data), &filter, SortBy::FileOrder, today, 7)
        };
        // Rows 9 and 10 hold "môi" in their text and "đang" in a unit's name: no "mỏ đá".
        for query in ["mo da", "mỏ đá", "MỎ ĐÁ"] {
            let hits = shown(find(query));
            assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), [3], "{query}");
            assert_eq!(hits[0].found, Some(Found { field: 0, strength: Strength::Phrase }));
        }
        // Found in an addressed unit's name ("Các huyện, thành phố …"), and told so.
        let hits = find("huyen thanh pho");
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), [8]);
        let field = hits[0].found.unwrap().field;
        let fields = search_fields(&data, &data.directives[8]);
        assert_eq!(fields[field].0, SearchField::Addressee);
    }

    #[test]
    fn phrases_come_before_words_found_apart() {
        let mut data = builtin::dataset();
        data.directives[0].text = "Nghiệp vụ quản lý đá của các mỏ".into();
        data.directives[1].text = "Đóng cửa các mỏ đá trái phép".into();
        let filter = Filter { text: "mo da".into(), ..Filter::default() };
        let today = date(2019, 10, 1);
        let hits = search(&data, &search_index(&data), &filter, SortBy::FileOrder, today, 7);
        let order: Vec<_> = hits.iter().map(|h| (h.index, h.found.map(|f| f.strength))).collect();
        assert_eq!(
            order[..3],
            [(1, Some(Strength::Phrase)), (3, Some(Strength::Phrase)), (0, Some(Strength::Words))]
        );
        let kept = select(&data, &search_index(&data), &filter, SortBy::FileOrder, today, 7);
        assert_eq!(kept, [1, 3], "the phrases alone are shown");
        // No phrase anywhere: the words apart are shown.
        let apart = Filter { text: "nghiep cac mo".into(), ..Filter::default() };
        assert_eq!(select(&data, &search_index(&data), &apart, SortBy::FileOrder, today, 7), [0]);
    }

    #[test]
    fn due_soon_counts_the_deadline_day_and_the_seventh_day() {
        let mut data = builtin::dataset();
        let today = date(2019, 10, 1);
        data.directives[0].deadline = Some(today);
        data.directives[1].deadline = Some(date(2019, 10, 8));
        data.directives[2].deadline = Some(date(2019, 10, 9));
        data.directives[3].deadline = Some(date(2019, 9, 30));
        data.directives[4].deadline = Some(date(2019, 10, 2));
        data.directives[4].completed_on = Some(date(2019, 10, 1));
        let soon: Vec<bool> =
            data.directives[..5].iter().map(|d| is_due_soon(d, today, 7)).collect();
        assert_eq!(soon, [true, true, false, false, false]);
        assert_eq!(alerts(&data, today, 7), (1, 2));
    }

    #[test]
    fn summary_counts_lead_units_then_addressees() {
        let mut data = builtin::dataset();
        let today = date(2019, 10, 1);
        data.directives[0].lead_unit = Some(UnitId(1));
        data.directives[0].deadline = Some(date(2019, 9, 1));
        data.directives[0].completed_on = Some(date(2019, 9, 5));
        let rows = unit_summaries(&data, today);
        let lead = rows.iter().find(|r| r.unit == UnitId(1)).unwrap();
        assert_eq!((lead.total, lead.done_late, lead.completion_rate()), (1, 1, Some(100.0)));
        let group = rows.iter().find(|r| r.unit == UnitId(2)).unwrap();
        assert_eq!((group.total, group.no_deadline), (7, 7), "8 addressed, 1 now led by the Sở");
    }

    #[test]
    fn sorting_by_deadline_puts_no_deadline_last() {
        let mut data = builtin::dataset();
        data.directives[5].deadline = Some(date(2019, 12, 1));
        data.directives[2].deadline = Some(date(2019, 11, 1));
        let kept = select(
            &data,
            &search_index(&data),
            &Filter::default(),
            SortBy::Deadline,
            date(2019, 10, 1),
            7,
        );
        assert_eq!(&kept[..3], [2, 5, 0]);
    }

    #[test]
    fn the_index_kept_across_edits_equals_one_made_afresh() {
        let mut data = builtin::dataset();
        let mut index = SearchIndex::default();
        index.update(&data);
        assert_eq!(index.folded(), search_index(&data).as_slice());
        data.directives[3].text = "Rà soát lại các mỏ đá và bãi thải".into();
        data.directives.swap(0, 1);
        data.units[0].name = "Sở Công Thương tỉnh".into();
        data.directives.remove(5);
        index.update(&data);
        assert_eq!(index.folded(), search_index(&data).as_slice());
        assert!(index.folded().iter().any(|t| t.contains("bai thai")));
    }

    #[test]
    fn a_narrower_search_among_the_wider_ones_rows_finds_the_same() {
        let today = date(2019, 10, 1);
        let data = crate::synth::with_directives(builtin::dataset(), 20, 400, today, 7);
        let index = search_index(&data);
        for (wider, narrower) in
            [("", "ra"), ("ra", "ra soat"), ("ra soat", "ra soatx"), ("d", "dau tu")]
        {
            assert!(narrows(narrower, wider));
            for sort in [SortBy::FileOrder, SortBy::Deadline, SortBy::Status, SortBy::Unit] {
                let filter = |text: &str| Filter { text: text.to_owned(), ..Filter::default() };
                let rows = select(&data, &index, &filter(wider), sort, today, 7);
                let among = search_among(&data, &index, &filter(narrower), sort, today, 7, &rows);
                assert_eq!(among, search(&data, &index, &filter(narrower), sort, today, 7));
            }
        }
        assert!(!narrows("ra", "ra soat") && !narrows("ra  soat", "ra soat"));
    }
}
