//! Merging two copies of a file: three-way from their common version, two-way by the
//! records' times, the conflicts, records added on both sides, what is kept because still
//! used, and the copies that must not be merged.

use industry_desk::dataset;
use industry_desk::i18n::Lang;
use industry_desk::lineage::{RecordKey, Stamps};
use industry_desk::merge::{self, Choice, Clash, Copy, Side, Took};
use industry_desk::model::{Dataset, Directive, DirectiveId, ProgressNote, Unit, UnitId, UnitKind};
use jiff::civil::date;

fn directive_mut(data: &mut Dataset, id: u32) -> &mut Directive {
    data.directive_mut(DirectiveId(id)).unwrap()
}

fn three_way(base: &Dataset, mine: &Dataset, other: &Dataset) -> merge::Merge {
    let none = Stamps::new();
    merge::merge(
        Some(base),
        Copy { dataset: mine, stamps: &none },
        Copy { dataset: other, stamps: &none },
        Lang::Vi,
    )
    .unwrap()
}

#[test]
fn edits_of_different_fields_and_records_all_come_through() {
    let base = dataset::builtin();
    let mut mine = base.clone();
    directive_mut(&mut mine, 1).deadline = Some(date(2019, 9, 30));
    let mut other = base.clone();
    directive_mut(&mut other, 1)
        .progress
        .push(ProgressNote { date: date(2019, 8, 1), text: "Đã họp rà soát".into() });
    directive_mut(&mut other, 2).text = "Rà soát các dự án chậm tiến độ".into();
    let merged = three_way(&base, &mine, &other);
    assert!(merged.three_way);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let resolved = merged.resolve();
    assert!(resolved.problems.is_empty());
    let out = &resolved.dataset;
    assert_eq!(out.directive(DirectiveId(1)).unwrap().deadline, Some(date(2019, 9, 30)));
    assert_eq!(out.directive(DirectiveId(1)).unwrap().progress.len(), 1);
    assert_eq!(out.directive(DirectiveId(2)).unwrap().text, "Rà soát các dự án chậm tiến độ");
    assert_eq!(merged.count(Side::Other), 2);
    assert!(merged.taken.iter().any(|t| t.side == Side::Other
        && t.key == RecordKey::Directive(DirectiveId(1))
        && t.took == Took::Changed(vec!["progress"])));
}

#[test]
fn a_field_changed_differently_on_both_sides_is_a_conflict_with_both_versions() {
    let base = dataset::builtin();
    let (mut mine, mut other) = (base.clone(), base.clone());
    directive_mut(&mut mine, 3).text = "Thẩm định kỹ các dự án (bản của Sở)".into();
    directive_mut(&mut other, 3).text = "Thẩm định kỹ các dự án (bản của Văn phòng)".into();
    directive_mut(&mut mine, 3).deadline = Some(date(2019, 10, 1));
    directive_mut(&mut other, 3).deadline = Some(date(2019, 10, 1));
    let mut merged = three_way(&base, &mine, &other);
    assert_eq!(merged.conflicts.len(), 1, "a change made alike is no conflict");
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.key, RecordKey::Directive(DirectiveId(3)));
    assert_eq!(conflict.clash, Clash::Field("text"));
    assert_eq!(conflict.mine, "Thẩm định kỹ các dự án (bản của Sở)");
    assert_eq!(conflict.other, "Thẩm định kỹ các dự án (bản của Văn phòng)");
    assert!(conflict.editable);
    let text =
        |m: &merge::Merge| m.resolve().dataset.directive(DirectiveId(3)).unwrap().text.clone();
    assert_eq!(text(&merged), "Thẩm định kỹ các dự án (bản của Sở)", "mine by default");
    merged.conflicts[0].choice = Choice::Other;
    assert_eq!(text(&merged), "Thẩm định kỹ các dự án (bản của Văn phòng)");
    merged.conflicts[0].choice = Choice::Text("Thẩm định kỹ các dự án".into());
    assert_eq!(text(&merged), "Thẩm định kỹ các dự án");
    assert_eq!(
        merged.resolve().dataset.directive(DirectiveId(3)).unwrap().deadline,
        Some(date(2019, 10, 1))
    );
}

#[test]
fn a_deletion_goes_through_unless_the_other_side_edited_the_record() {
    let base = dataset::builtin();
    let (mut mine, mut other) = (base.clone(), base.clone());
    mine.directives.retain(|d| d.id != DirectiveId(4));
    other.directives.retain(|d| d.id != DirectiveId(5));
    directive_mut(&mut mine, 5).text = "Cân đối vốn (đã sửa)".into();
    let mut merged = three_way(&base, &mine, &other);
    let out = merged.resolve().dataset;
    assert!(out.directive(DirectiveId(4)).is_none(), "deleted here, untouched there");
    assert_eq!(
        out.directive(DirectiveId(5)).unwrap().text,
        "Cân đối vốn (đã sửa)",
        "an edit beats a deletion by default"
    );
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].clash, Clash::Deleted(Side::Other));
    merged.conflicts[0].choice = Choice::Other;
    assert!(merged.resolve().dataset.directive(DirectiveId(5)).is_none());
}

#[test]
fn records_added_on_both_sides_under_one_id_stay_two_and_references_follow() {
    let base = dataset::builtin();
    let (mut mine, mut other) = (base.clone(), base.clone());
    mine.units.push(Unit {
        id: UnitId(5),
        name: "Sở Tài chính".into(),
        kind: UnitKind::Department,
    });
    other
        .units
        .push(Unit { id: UnitId(5), name: "Cục Thuế tỉnh".into(), kind: UnitKind::Sector });
    let mut added = base.directives[0].clone();
    added.id = DirectiveId(11);
    added.text = "Giao Sở Tài chính chủ trì".into();
    added.lead_unit = Some(UnitId(5));
    mine.directives.push(added.clone());
    added.text = "Cục Thuế tỉnh rà soát".into();
    other.directives.push(added);
    let merged = three_way(&base, &mine, &other);
    assert_eq!(merged.renamed.len(), 2);
    let out = merged.resolve();
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    let out = out.dataset;
    assert_eq!(out.directives.len(), 12);
    let theirs = out.directives.iter().find(|d| d.text == "Cục Thuế tỉnh rà soát").unwrap();
    assert_eq!(theirs.id, DirectiveId(12));
    let unit = out.unit(theirs.lead_unit.unwrap()).unwrap();
    assert_eq!(unit.name, "Cục Thuế tỉnh", "the reference followed the unit's new id");
    assert_eq!(out.unit(UnitId(5)).unwrap().name, "Sở Tài chính");
}

#[test]
fn progress_notes_merge_as_a_set() {
    let mut base = dataset::builtin();
    let note = |day: i8, text: &str| ProgressNote { date: date(2019, 8, day), text: text.into() };
    directive_mut(&mut base, 6).progress = vec![note(1, "A")];
    let (mut mine, mut other) = (base.clone(), base.clone());
    directive_mut(&mut mine, 6).progress.push(note(2, "B"));
    directive_mut(&mut other, 6).progress = vec![note(3, "C")];
    let merged = three_way(&base, &mine, &other);
    assert!(merged.conflicts.is_empty());
    let notes = merged.resolve().dataset.directive(DirectiveId(6)).unwrap().progress.clone();
    assert_eq!(notes, [note(2, "B"), note(3, "C")], "A deleted there, B and C added");
}

#[test]
fn without_a_common_version_the_later_change_of_each_record_is_taken_and_shown() {
    let base = dataset::builtin();
    let (mut mine, mut other) = (base.clone(), base.clone());
    directive_mut(&mut mine, 1).text = "Sửa ở máy A".into();
    directive_mut(&mut other, 1).text = "Sửa ở máy B".into();
    directive_mut(&mut mine, 2).text = "Sửa ở máy A lúc sau".into();
    directive_mut(&mut other, 2).text = "Sửa ở máy B lúc trước".into();
    let at = |s: &str| s.parse::<jiff::Timestamp>().unwrap();
    let key = |id| RecordKey::Directive(DirectiveId(id));
    let mine_stamps: Stamps =
        [(key(1), at("2026-11-01T08:00:00Z")), (key(2), at("2026-11-03T08:00:00Z"))].into();
    let other_stamps: Stamps =
        [(key(1), at("2026-11-02T08:00:00Z")), (key(2), at("2026-11-02T09:00:00Z"))].into();
    let merged = merge::merge(
        None,
        Copy { dataset: &mine, stamps: &mine_stamps },
        Copy { dataset: &other, stamps: &other_stamps },
        Lang::Vi,
    )
    .unwrap();
    assert!(!merged.three_way);
    assert_eq!(merged.conflicts.len(), 2, "both are shown to check");
    let out = merged.resolve();
    assert_eq!(out.dataset.directive(DirectiveId(1)).unwrap().text, "Sửa ở máy B");
    assert_eq!(out.dataset.directive(DirectiveId(2)).unwrap().text, "Sửa ở máy A lúc sau");
    assert_eq!(out.stamps[&key(1)], at("2026-11-02T08:00:00Z"));
}

#[test]
fn a_record_deleted_on_one_side_but_still_used_on_the_other_is_kept() {
    let base = dataset::builtin();
    let (mut mine, mut other) = (base.clone(), base.clone());
    // The other removes unit 4 (no directive of its own uses it); mine makes it a lead.
    other.units.retain(|u| u.id != UnitId(4));
    directive_mut(&mut mine, 7).lead_unit = Some(UnitId(4));
    let merged = three_way(&base, &mine, &other);
    let out = merged.resolve();
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    assert!(out.dataset.unit(UnitId(4)).is_some());
    assert_eq!(merged.kept, [RecordKey::Unit(UnitId(4))]);
}

#[test]
fn a_copy_merged_with_itself_or_with_no_change_gives_the_other() {
    let base = dataset::builtin();
    let mut edited = base.clone();
    directive_mut(&mut edited, 8).completed_on = Some(date(2019, 9, 1));
    let same = three_way(&base, &edited, &edited);
    assert!(same.is_empty());
    assert_eq!(same.resolve().dataset, edited);
    let from_other = three_way(&base, &base, &edited);
    assert_eq!(from_other.resolve().dataset, edited);
    let from_mine = three_way(&base, &edited, &base);
    assert_eq!(from_mine.resolve().dataset, edited);
}

#[test]
fn another_provinces_data_or_a_file_sharing_nothing_is_not_merged() {
    let mine = dataset::builtin();
    let mut other = mine.clone();
    other.province = "Cao Bằng".into();
    let none = Stamps::new();
    let error = merge::merge(
        None,
        Copy { dataset: &mine, stamps: &none },
        Copy { dataset: &other, stamps: &none },
        Lang::Vi,
    )
    .unwrap_err();
    assert_eq!(
        error.describe(Lang::Vi),
        "Bản kia là dữ liệu của tỉnh khác (Cao Bằng), tệp này của Lạng Sơn: không gộp."
    );
    let mut stranger = Dataset::empty();
    stranger.province = "Lạng Sơn".into();
    stranger.units.push(Unit { id: UnitId(99), name: "X".into(), kind: UnitKind::Group });
    let error = merge::merge(
        None,
        Copy { dataset: &mine, stamps: &none },
        Copy { dataset: &stranger, stamps: &none },
        Lang::En,
    )
    .unwrap_err();
    assert_eq!(error, merge::MergeError::NothingShared);
}
