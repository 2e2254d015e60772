//! Merging two copies of a file: three-way from their common version, two-way by the
//! records' times, the conflicts, records added on both sides, what is kept because still
//! used, and the copies that must not be merged.

use industry_desk::files::builtin;
use industry_desk::files::lineage::{RecordKey, Stamps};
use industry_desk::i18n::Lang;
use industry_desk::interop::merge::{self, Choice, Clash, Copy, Side, Took};
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
    let base = builtin::dataset();
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
    let base = builtin::dataset();
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
    let base = builtin::dataset();
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
    let base = builtin::dataset();
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

/// Two officials reading notices that name the same new unit each add it under their own
/// id; the merge keeps one "Sở Xây dựng", not two, and the same directive added on both
/// sides is one directive, its differences shown.
#[test]
fn the_same_unit_or_directive_added_on_both_sides_is_one() {
    let base = builtin::dataset();
    let units = base.units.len();
    let (mut mine, mut other) = (base.clone(), base.clone());
    let unit =
        |id, name: &str| Unit { id: UnitId(id), name: name.into(), kind: UnitKind::Department };
    mine.units.extend([unit(5, "Sở Tài chính"), unit(6, "Sở Xây dựng")]);
    // The other's 5 is mine's 6 (case aside), its 7 mine's 5 (diacritics typed apart).
    other.units.extend([unit(5, "sở xây dựng"), unit(7, "Sở Tai chinh")]);
    let mut added = base.directives[0].clone();
    added.id = DirectiveId(11);
    added.text = "Giao Sở Tài chính chủ trì rà soát nguồn vốn".into();
    added.lead_unit = Some(UnitId(5));
    mine.directives.push(added.clone());
    let mut building = added.clone();
    building.text = "Giao Sở Xây dựng chủ trì thẩm định thiết kế".into();
    building.lead_unit = Some(UnitId(5));
    other.directives.push(building);
    let mut same = added.clone();
    same.id = DirectiveId(12);
    same.lead_unit = Some(UnitId(7));
    same.deadline = Some(date(2019, 12, 31));
    other.directives.push(same);
    let merged = three_way(&base, &mine, &other);
    assert_eq!(merged.united.len(), 3, "{:?}", merged.united);
    let out = merged.resolve();
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    let out = out.dataset;
    assert_eq!(out.units.len(), units + 2, "{:?}", out.units);
    assert_eq!(out.directives.len(), 12);
    let building = out.directives.iter().find(|d| d.text.contains("Xây dựng")).unwrap();
    assert_eq!(out.unit(building.lead_unit.unwrap()).unwrap().name, "Sở Xây dựng");
    let finance = out.directives.iter().find(|d| d.text.contains("Tài chính")).unwrap();
    assert_eq!(finance.lead_unit, Some(UnitId(5)));
    // Added on both without an ancestor of its own: the difference is a conflict to check.
    assert!(
        merged.conflicts.iter().any(|c| c.key == RecordKey::Directive(finance.id)),
        "{:?}",
        merged.conflicts
    );
}

#[test]
fn progress_notes_merge_as_a_set() {
    let mut base = builtin::dataset();
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
    let base = builtin::dataset();
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
    let base = builtin::dataset();
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
    let base = builtin::dataset();
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
    let mine = builtin::dataset();
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

mod in_the_window {
    use std::path::{Path, PathBuf};

    use egui_kittest::kittest::Queryable;
    use industry_desk::files::lineage::{FileMeta, Revision};
    use industry_desk::model::{Dataset, DirectiveId};
    use industry_desk::{files::builtin, files::storage};

    use crate::support::{self, ScriptedDialogs};

    /// A file saved as revision `revision` (what a save in the app writes).
    fn save(path: &Path, data: &Dataset, revision: &Revision) {
        let meta = FileMeta { revision: Some(revision.clone()), ..FileMeta::default() };
        storage::save_with_meta(path, data, &meta).unwrap();
    }

    /// The file, and a sync engine's conflict copy of it made from the same version with
    /// directive 2's text changed on the other computer.
    /// The built-in data saved as `theo-doi.ron` in `folder`, with a fresh revision.
    fn saved_file(folder: &Path) -> (PathBuf, Revision) {
        let file = folder.join("theo-doi.ron");
        let opened = Revision::after(None);
        save(&file, &builtin::dataset(), &opened);
        (file, opened)
    }

    /// The window started on `file` (data folder `data`), the file open.
    fn window_on(file: &Path, data: &Path) -> egui_kittest::Harness<'static, industry_desk::App> {
        let dialogs = ScriptedDialogs::default();
        let mut harness = support::harness_on_file_with_recovery(&dialogs, file, data);
        support::wait_for_open(&mut harness);
        harness
    }

    fn file_and_conflict_copy(folder: &Path) -> (PathBuf, PathBuf, Revision) {
        let (file, opened) = saved_file(folder);
        let mut theirs = builtin::dataset();
        theirs.directive_mut(DirectiveId(2)).unwrap().text =
            "Rà soát dự án chậm tiến độ (máy Văn phòng)".into();
        let copy = folder.join("theo-doi.sync-conflict-20261201-103000-ABCDEF1.ron");
        save(&copy, &theirs, &Revision::after(Some(&opened)));
        (file, copy, opened)
    }

    /// Steps until no merge is being read.
    fn wait_for_merge(harness: &mut egui_kittest::Harness<'static, industry_desk::App>) {
        harness.step();
        support::step_until(harness, |h| !h.state().is_merging(), "the merge to be read");
        let _ = harness.try_run();
    }

    #[test]
    fn a_conflict_copy_is_found_merged_saved_and_put_aside() {
        let folder = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let (file, copy, _) = file_and_conflict_copy(folder.path());
        let mut harness = window_on(&file, data.path());
        // Found on opening: the banner says so.
        harness.get_by_label("⚠ Có 1 bản xung đột của tệp này (từ thư mục đồng bộ).");
        // Meanwhile this window ticks directive 1 done.
        support::click(&mut harness, "Chỉ đạo");
        support::click(&mut harness, "Hoàn thành nhiệm vụ 1");
        support::click(&mut harness, "Gộp…");
        wait_for_merge(&mut harness);
        harness.get_by_label_contains("So với bản chung");
        harness.get_by_label("Lấy từ bản kia: 1 · Của tệp này: 1 · Xung đột: 0");
        harness.get_by_label_contains(
            "Nhiệm vụ 2: Rà soát dự án chậm tiến độ (máy Văn phòng) — sửa: nội dung",
        );
        // Nothing changed before the official says so.
        assert_eq!(
            harness.state().document().dataset().directive(DirectiveId(2)).unwrap().text,
            builtin::dataset().directives[1].text
        );
        support::click(&mut harness, "Gộp vào tệp Ctrl+Enter");
        let merged = harness.state().document().dataset();
        assert!(
            merged.directive(DirectiveId(1)).unwrap().completed_on.is_some(),
            "this window's edit kept"
        );
        assert_eq!(
            merged.directive(DirectiveId(2)).unwrap().text,
            "Rà soát dự án chậm tiến độ (máy Văn phòng)"
        );
        assert!(harness.state().document().is_dirty());
        assert!(harness.query_by_label_contains("bản xung đột của tệp này").is_none());
        // Saved: the copy may now go aside, into a folder beside the file, never deleted.
        support::save_with_ctrl_s(&mut harness);
        harness.get_by_label_contains("Chuyển 1 bản xung đột vào thư mục «đã gộp»");
        support::click(&mut harness, "Chuyển vào «đã gộp»");
        assert!(!copy.exists());
        assert!(folder.path().join("đã gộp").join(copy.file_name().unwrap()).exists());
        let (saved, meta) = storage::load_with_meta(&file).unwrap();
        assert_eq!(&saved, harness.state().document().dataset());
        // The saved file descends from both copies.
        let (_, copy_meta) =
            storage::load_with_meta(&folder.path().join("đã gộp").join(copy.file_name().unwrap()))
                .unwrap();
        assert!(meta.revision.unwrap().ancestors.contains(&copy_meta.revision.unwrap().id));
        // One Ctrl+Z takes the merge back.
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        harness.run();
        assert_eq!(
            harness.state().document().dataset().directive(DirectiveId(2)).unwrap().text,
            builtin::dataset().directives[1].text
        );
    }

    #[test]
    fn a_copy_found_when_the_window_gets_the_focus_back_and_a_conflict_chosen() {
        let folder = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let (file, opened) = saved_file(folder.path());
        let mut harness = window_on(&file, data.path());
        assert!(harness.query_by_label_contains("bản xung đột").is_none());
        // This window changes directive 3's text; so did another computer, which left a
        // Dropbox conflict copy while the official was away.
        support::click(&mut harness, "Chỉ đạo");
        support::click(&mut harness, "Thẩm định kỹ các dự án chuẩn bị đầu tư");
        support::type_then_leave(&mut harness, "Nội dung nhiệm vụ", " (Sở)");
        let mut theirs = builtin::dataset();
        theirs.directive_mut(DirectiveId(3)).unwrap().text =
            "Thẩm định kỹ các dự án chuẩn bị đầu tư (Văn phòng)".into();
        save(
            &folder.path().join("theo-doi (Minh's conflicted copy 2026-12-01).ron"),
            &theirs,
            &Revision::after(Some(&opened)),
        );
        harness.input_mut().focused = false;
        harness.step();
        harness.input_mut().focused = true;
        harness.step();
        harness.run();
        harness.get_by_label("⚠ Có 1 bản xung đột của tệp này (từ thư mục đồng bộ).");
        support::click(&mut harness, "Gộp…");
        wait_for_merge(&mut harness);
        harness.get_by_label("Lấy từ bản kia: 0 · Của tệp này: 0 · Xung đột: 1");
        harness.get_by_label_contains(
            "Nhiệm vụ 3: Thẩm định kỹ các dự án chuẩn bị đầu tư (Sở) — nội dung",
        );
        // Escape keeps the choices being made.
        harness.key_press(egui::Key::Escape);
        harness.run();
        assert!(harness.state().modal().is_some());
        support::click(&mut harness, "Giữ bản kia (Bản kia)");
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
        harness.run();
        let text = &harness.state().document().dataset().directive(DirectiveId(3)).unwrap().text;
        assert_eq!(text, "Thẩm định kỹ các dự án chuẩn bị đầu tư (Văn phòng)");
    }

    #[test]
    fn the_save_guard_merges_the_disks_version_into_mine() {
        let folder = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let (file, _) = saved_file(folder.path());
        let mut harness = window_on(&file, data.path());
        support::click(&mut harness, "Chỉ đạo");
        support::click(&mut harness, "Hoàn thành nhiệm vụ 4");
        // A colleague saves the same file meanwhile (a shared folder), with an older build
        // that writes no revision.
        let mut theirs = builtin::dataset();
        theirs.directive_mut(DirectiveId(5)).unwrap().deadline =
            Some(jiff::civil::date(2019, 12, 31));
        theirs.directives.push({
            let mut added = theirs.directives[0].clone();
            added.id = DirectiveId(11);
            added.text = "Nhiệm vụ do đồng nghiệp thêm".into();
            added
        });
        support::save_as_a_colleague(&file, &theirs);
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
        harness.run();
        support::click(&mut harness, "Gộp bản trên đĩa vào bản của tôi");
        wait_for_merge(&mut harness);
        harness.get_by_label("Lấy từ bản kia: 2 · Của tệp này: 1 · Xung đột: 0");
        support::click(&mut harness, "Gộp vào tệp Ctrl+Enter");
        // Saved without asking again: the disk's version is in the document now.
        support::save_with_ctrl_s(&mut harness);
        assert!(harness.state().modal().is_none(), "{:?}", harness.state().modal());
        let saved = storage::load(&file).unwrap();
        assert!(saved.directive(DirectiveId(4)).unwrap().completed_on.is_some());
        assert_eq!(
            saved.directive(DirectiveId(5)).unwrap().deadline,
            Some(jiff::civil::date(2019, 12, 31))
        );
        assert_eq!(saved.directive(DirectiveId(11)).unwrap().text, "Nhiệm vụ do đồng nghiệp thêm");
    }

    #[test]
    fn copies_that_cannot_be_merged_are_refused_with_the_reason() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("theo-doi.ron");
        storage::save(&file, &builtin::dataset()).unwrap();
        let damaged = folder.path().join("hong.ron");
        std::fs::write(&damaged, "(format: \"industry-desk\", version: 1, dataset: (province: ")
            .unwrap();
        let province = folder.path().join("cao-bang.ron");
        let mut other = builtin::dataset();
        other.province = "Cao Bằng".into();
        storage::save(&province, &other).unwrap();
        let dialogs = ScriptedDialogs::default();
        let mut harness = support::harness(&dialogs, Some(file.clone()));
        support::wait_for_open(&mut harness);
        for (path, words) in [
            (&damaged, "hong.ron"),
            (&province, "Bản kia là dữ liệu của tỉnh khác (Cao Bằng)"),
            (&file, "Đó chính là tệp đang mở"),
        ] {
            dialogs.will_pick(path);
            support::menu(&mut harness, "Tệp", "Gộp một bản khác…");
            wait_for_merge(&mut harness);
            harness.get_by_label_contains(words);
            support::click(&mut harness, "Đồng ý");
        }
        assert_eq!(harness.state().document().dataset(), &builtin::dataset());
        assert!(!harness.state().document().is_dirty());
    }

    #[test]
    fn the_banner_and_the_merge_view_look_as_reviewed() {
        // A folder of a fixed name: the status bar shows the file's path.
        let place = std::env::temp_dir().join("industry-desk-merge-snapshots");
        let _ = std::fs::remove_dir_all(&place);
        std::fs::create_dir_all(place.join("files")).unwrap();
        let (folder, data) = (place.join("files"), place.join("data"));
        let (file, _, opened) = file_and_conflict_copy(&folder);
        // A second copy that conflicts with this window's edit of directive 6.
        let mut theirs = builtin::dataset();
        theirs.directive_mut(DirectiveId(6)).unwrap().text =
            "Tập trung nguồn lực đầu tư khu công nghiệp Hữu Lũng (bản Văn phòng)".into();
        theirs.directive_mut(DirectiveId(7)).unwrap().deadline =
            Some(jiff::civil::date(2019, 12, 31));
        save(&folder.join("theo-doi-DESKTOP-VP01.ron"), &theirs, &Revision::after(Some(&opened)));
        let mut harness = support::snapshot_harness_on(&file, &data);
        support::wait_for_open(&mut harness);
        support::click(&mut harness, "Chỉ đạo");
        harness.snapshot("conflict-banner-vi");
        support::click(
            &mut harness,
            "Tiếp tục tập trung nguồn lực để đầu tư vào khu công nghiệp Hữu Lũng, khu công nghiệp Đồng Bành, qua đó thu hút doanh nghiệp vào hoạt động",
        );
        support::type_then_leave(&mut harness, "Nội dung nhiệm vụ", " (bản Sở)");
        support::click(&mut harness, "Gộp…");
        wait_for_merge(&mut harness);
        harness.snapshot("merge-view-vi");
        support::click(&mut harness, "Huỷ");
        support::click(&mut harness, "English");
        support::click(&mut harness, "Merge…");
        wait_for_merge(&mut harness);
        harness.snapshot("merge-view-en");
    }
}

mod on_the_command_line {
    use std::path::Path;

    use industry_desk::files::lineage::{FileMeta, Revision};
    use industry_desk::model::DirectiveId;
    use industry_desk::{files::builtin, files::storage};

    use crate::support::run_cli;

    fn save(path: &Path, data: &industry_desk::model::Dataset, revision: &Revision) {
        let meta = FileMeta { revision: Some(revision.clone()), ..FileMeta::default() };
        storage::save_with_meta(path, data, &meta).unwrap();
    }

    fn text(out: &std::process::Output) -> (String, String) {
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    #[test]
    fn two_copies_merge_into_out_and_a_conflict_needs_a_side() {
        let dir = tempfile::tempdir().unwrap();
        let [mine, other, base, out] =
            ["mine.ron", "other.ron", "base.ron", "out.ron"].map(|n| dir.path().join(n));
        let root = Revision::after(None);
        save(&base, &builtin::dataset(), &root);
        let mut a = builtin::dataset();
        a.directive_mut(DirectiveId(1)).unwrap().deadline = Some(jiff::civil::date(2019, 9, 30));
        a.directive_mut(DirectiveId(3)).unwrap().text = "Thẩm định (Sở)".into();
        save(&mine, &a, &Revision::after(Some(&root)));
        let mut b = builtin::dataset();
        b.directive_mut(DirectiveId(2)).unwrap().text = "Rà soát (Văn phòng)".into();
        b.directive_mut(DirectiveId(3)).unwrap().text = "Thẩm định (Văn phòng)".into();
        save(&other, &b, &Revision::after(Some(&root)));
        let before = [std::fs::read(&mine).unwrap(), std::fs::read(&other).unwrap()];
        let args = |extra: &[&str]| -> Vec<String> {
            let mut args: Vec<String> = [
                "merge",
                mine.to_str().unwrap(),
                other.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ]
            .map(str::to_owned)
            .to_vec();
            args.extend(extra.iter().map(|s| (*s).to_owned()));
            args
        };
        let run = |extra: &[&str]| {
            let owned = args(extra);
            let refs: Vec<&str> = owned.iter().map(String::as_str).collect();
            run_cli(&refs)
        };
        // A conflict and no side chosen: every conflict printed, nothing written.
        let result = run(&["--base", base.to_str().unwrap()]);
        let (said, err) = text(&result);
        assert!(!result.status.success());
        assert!(said.contains("Từ other.ron (1):"), "{said}");
        assert!(said.contains("Nhiệm vụ 2: Rà soát (Văn phòng) — sửa: nội dung"), "{said}");
        assert!(said.contains("Xung đột — Nhiệm vụ 3: Thẩm định (Sở), nội dung: mine.ron: «Thẩm định (Sở)» | other.ron: «Thẩm định (Văn phòng)»"), "{said}");
        assert!(
            err.contains(
                "1 xung đột: chạy lại với --prefer mine hoặc --prefer other. Không ghi gì."
            ),
            "{err}"
        );
        assert!(!out.exists());
        // The other's side for every conflict: written, the inputs untouched.
        let result = run(&["--base", base.to_str().unwrap(), "--prefer", "other"]);
        assert!(result.status.success(), "{:?}", text(&result));
        let merged = storage::load(&out).unwrap();
        assert_eq!(
            merged.directive(DirectiveId(1)).unwrap().deadline,
            Some(jiff::civil::date(2019, 9, 30))
        );
        assert_eq!(merged.directive(DirectiveId(2)).unwrap().text, "Rà soát (Văn phòng)");
        assert_eq!(merged.directive(DirectiveId(3)).unwrap().text, "Thẩm định (Văn phòng)");
        assert_eq!([std::fs::read(&mine).unwrap(), std::fs::read(&other).unwrap()], before);
        // Without --base, the common version is found when one copy descends from the other.
        let mut c = a.clone();
        c.directive_mut(DirectiveId(4)).unwrap().text = "Rà soát mỏ đá (lần 2)".into();
        let descendant = dir.path().join("later.ron");
        save(
            &descendant,
            &c,
            &Revision::after(storage::load_with_meta(&mine).unwrap().1.revision.as_ref()),
        );
        let out2 = dir.path().join("out2.ron");
        let result = run_cli(&[
            "merge",
            mine.to_str().unwrap(),
            descendant.to_str().unwrap(),
            "-o",
            out2.to_str().unwrap(),
        ]);
        let (said, _) = text(&result);
        assert!(result.status.success(), "{said}");
        assert!(said.starts_with("Bản chung: "), "{said}");
        assert_eq!(storage::load(&out2).unwrap(), c);
    }

    /// Two colleagues take the same file, each on their own machine (their own data
    /// folder), and each adds a notice's directives from the command line; the merge on
    /// the first machine finds the version they both started from and keeps both
    /// notices' directives, the ones added under the same ids renumbered.
    #[test]
    fn edits_from_the_command_line_keep_the_lineage_a_merge_needs() {
        let dir = tempfile::tempdir().unwrap();
        let [mine, other, out] = ["mine.ron", "other.ron", "out.ron"].map(|n| dir.path().join(n));
        let root = Revision::after(None);
        save(&mine, &builtin::dataset(), &root);
        std::fs::copy(&mine, &other).unwrap();
        let notices = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/notices");
        let run_on = |machine: &str, args: &[&Path]| {
            let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_industry-desk"));
            command.env("XDG_DATA_HOME", dir.path().join(machine));
            command.args(args).output().unwrap()
        };
        let intake = Path::new("intake");
        let into = Path::new("--into");
        let first = run_on("a", &[intake, &notices.join("01-numbered.txt"), into, &mine]);
        assert!(first.status.success(), "{:?}", text(&first));
        let second = run_on("b", &[intake, &notices.join("02-unit-lettered.txt"), into, &other]);
        assert!(second.status.success(), "{:?}", text(&second));
        let (mine_data, mine_meta) = storage::load_with_meta(&mine).unwrap();
        let (other_data, other_meta) = storage::load_with_meta(&other).unwrap();
        // Each save descends from the file it changed, and stamps what it added.
        for meta in [&mine_meta, &other_meta] {
            let revision = meta.revision.as_ref().unwrap();
            assert_ne!(revision.id, root.id);
            assert_eq!(revision.ancestors.first(), Some(&root.id));
            assert!(!meta.stamps.is_empty());
        }
        let builtin = builtin::dataset().directives.len();
        let added = |data: &industry_desk::model::Dataset| data.directives.len() - builtin;
        let (added_mine, added_other) = (added(&mine_data), added(&other_data));
        assert!(added_mine > 0 && added_other > 0);
        let merged = run_on("a", &[Path::new("merge"), &mine, &other, Path::new("-o"), &out]);
        let (said, err) = text(&merged);
        assert!(merged.status.success(), "{said}{err}");
        assert!(said.starts_with(&format!("Bản chung: {}", root.id)), "{said}");
        let result = storage::load(&out).unwrap();
        assert_eq!(result.directives.len(), builtin + added_mine + added_other, "{said}");
        for directive in mine_data.directives.iter().chain(&other_data.directives) {
            assert!(
                result.directives.iter().any(|d| d.text == directive.text),
                "{} is missing",
                directive.text
            );
        }
    }

    #[test]
    fn copies_that_cannot_be_merged_are_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("mine.ron");
        storage::save(&mine, &builtin::dataset()).unwrap();
        let out = dir.path().join("out.ron");
        let mut other = builtin::dataset();
        other.province = "Cao Bằng".into();
        let province = dir.path().join("cb.ron");
        storage::save(&province, &other).unwrap();
        let damaged = dir.path().join("hong.ron");
        std::fs::write(&damaged, b"(format: \"industry-desk\", version: 1, dataset: (").unwrap();
        let newer = dir.path().join("moi.ron");
        std::fs::write(&newer, b"(format: \"industry-desk\", version: 9, dataset: ())").unwrap();
        for (other, words) in [
            (&province, "Bản kia là dữ liệu của tỉnh khác (Cao Bằng)"),
            (&damaged, "hong.ron"),
            (&newer, "9"),
            (&mine, "Đó chính là tệp đang mở"),
        ] {
            let result = run_cli(&[
                "merge",
                mine.to_str().unwrap(),
                other.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ]);
            let (_, err) = text(&result);
            assert!(!result.status.success());
            assert!(err.contains(words), "{words}: {err}");
            assert!(!out.exists());
        }
        // OUT may not be one of the inputs.
        let copy = dir.path().join("copy.ron");
        storage::save(&copy, &builtin::dataset()).unwrap();
        let result = run_cli(&[
            "merge",
            mine.to_str().unwrap(),
            copy.to_str().unwrap(),
            "-o",
            mine.to_str().unwrap(),
        ]);
        assert!(!result.status.success());
    }

    #[test]
    fn the_conflict_copies_beside_a_file_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("theo-doi.ron");
        storage::save(&file, &builtin::dataset()).unwrap();
        for name in [
            "theo-doi.sync-conflict-20261201-103000-ABCDEF1.ron",
            "theo-doi (conflicted copy 2026-12-01 103000).ron",
            "khac.ron",
        ] {
            std::fs::copy(&file, dir.path().join(name)).unwrap();
        }
        let result = run_cli(&["--lang", "en", "conflicts", file.to_str().unwrap()]);
        let (said, _) = text(&result);
        assert!(said.starts_with("Conflict copies of"), "{said}");
        assert_eq!(said.lines().count(), 3, "{said}");
        assert!(!said.contains("khac.ron"));
    }
}
