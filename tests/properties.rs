//! Property tests (proptest): any dataset the model allows survives save → load unchanged,
//! and any sequence of edits followed by as many undos gives the original back.

use industry_desk::editing::action::Action;
use industry_desk::editing::document::Document;
use industry_desk::model::{
    Change, Dataset, Directive, DirectiveId, FigureStatus, Meeting, MeetingId, ProgressNote,
    Qualifier, Unit, UnitId, UnitKind, ZoneId,
};
use industry_desk::{files::builtin, files::storage};
use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;

/// 256 cases (`PROPTEST_CASES` for more) from a fixed seed, so CI runs the same cases every
/// time; `PROPTEST_RNG_SEED=N` explores others.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig { failure_persistence: None, ..ProptestConfig::default() };
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = proptest::test_runner::RngSeed::Fixed(20_261_127);
    }
    config
}

/// Any text a dataset may hold: all of Unicode (quotes, `#`, CR, tabs, marks, invisible
/// marks…) but the control characters no text may hold, and often Vietnamese.
fn text() -> impl Strategy<Value = String> {
    let without_controls = |mut text: String| {
        text.retain(|c| !industry_desk::model::is_forbidden_control(c));
        text
    };
    prop_oneof![
        any::<String>().prop_map(without_controls),
        "[ a-zA-ZàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ\"#\\\\\r\n\t]{0,40}",
    ]
}

fn day() -> impl Strategy<Value = Date> {
    (1990i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

fn qualifier() -> impl Strategy<Value = Qualifier> {
    prop::sample::select(Qualifier::ALL.to_vec())
}

fn unit_kind() -> impl Strategy<Value = UnitKind> {
    prop::sample::select(vec![
        UnitKind::Department,
        UnitKind::Sector,
        UnitKind::District,
        UnitKind::Enterprise,
        UnitKind::Group,
    ])
}

/// A dataset the model allows: the built-in one's indicators and zones with any values and
/// texts, and any meetings, units and directives whose references and dates hold together.
fn any_dataset() -> impl Strategy<Value = Dataset> {
    let meetings =
        prop::collection::vec((text(), day(), text(), prop::collection::vec(text(), 0..3)), 1..4);
    let units = prop::collection::vec((text(), unit_kind()), 0..5);
    let directives = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            text(),
            text(),
            prop::option::of(any::<prop::sample::Index>()),
            prop::collection::vec(any::<prop::sample::Index>(), 0..3),
            prop::option::of(0i32..2000),
            prop::collection::vec((0i32..2000, text()), 0..3),
            prop::option::of(0i32..2000),
        ),
        0..8,
    );
    let values = prop::collection::vec(
        (0.0f64..1e13, qualifier(), prop::option::of(-100.0f64..500.0), text()),
        6,
    );
    let zones =
        prop::collection::vec((text(), prop::option::of(0.0f64..1e5), 0u32..100, text()), 5);
    (text(), text(), meetings, units, directives, values, zones).prop_map(
        |(province, source, meetings, units, directives, values, zones)| {
            let mut data = builtin::dataset();
            data.province = province;
            data.source = source;
            data.meetings = meetings
                .into_iter()
                .enumerate()
                .map(|(i, (title, day, chair, attendees))| Meeting {
                    id: MeetingId(i as u32 + 1),
                    title,
                    date: day,
                    chair,
                    attendees,
                    reporting_body: String::new(),
                    topics: Vec::new(),
                    assessment: Vec::new(),
                    source_ref: String::new(),
                })
                .collect();
            data.units = units
                .into_iter()
                .enumerate()
                .map(|(i, (name, kind))| Unit { id: UnitId(i as u32 + 1), name, kind })
                .collect();
            let unit_ids: Vec<UnitId> = data.units.iter().map(|u| u.id).collect();
            let pick_unit = |index: &prop::sample::Index| {
                (!unit_ids.is_empty()).then(|| unit_ids[index.index(unit_ids.len())])
            };
            let mut directives_out = Vec::new();
            for (i, (meeting, text, expected, lead, support, deadline, notes, done)) in
                directives.into_iter().enumerate()
            {
                let meeting = &data.meetings[meeting.index(data.meetings.len())];
                let after = |days: i32| meeting.date.checked_add(days.days()).unwrap();
                let mut supporting: Vec<UnitId> = support.iter().filter_map(pick_unit).collect();
                supporting.sort();
                supporting.dedup();
                let lead_unit = lead.as_ref().and_then(pick_unit);
                supporting.retain(|u| Some(*u) != lead_unit);
                directives_out.push(Directive {
                    id: DirectiveId(i as u32 + 1),
                    meeting_id: meeting.id,
                    text,
                    addressees: Vec::new(),
                    lead_unit,
                    supporting_units: supporting,
                    deadline: deadline.map(after),
                    expected_output: expected,
                    progress: notes
                        .into_iter()
                        .map(|(days, text)| ProgressNote { date: after(days), text })
                        .collect(),
                    completed_on: done.map(after),
                });
            }
            data.directives = directives_out;
            let observations = data.indicators.iter_mut().flat_map(|i| i.observations.iter_mut());
            for (observation, (value, qualifier, change, source_ref)) in observations.zip(values) {
                observation.value = value;
                observation.qualifier = qualifier;
                observation.change = change.map(|percent| Change { percent, qualifier });
                observation.status = FigureStatus::Official;
                observation.source_ref = source_ref;
            }
            for (zone, (name, area, count, note)) in data.zones.iter_mut().zip(zones) {
                zone.name = name;
                zone.area_ha = area;
                zone.count = count;
                zone.note = note;
            }
            // The model keeps texts in NFC with \n line ends: what any edit or load makes.
            data.normalize();
            data
        },
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_allowed_dataset_survives_save_and_load(data in any_dataset()) {
        let problems = data.validate();
        prop_assume!(problems.is_empty(), "not allowed: {:?}", problems);
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("data.ron");
        storage::save(&path, &data).unwrap();
        let loaded = storage::load(&path).unwrap();
        prop_assert_eq!(loaded, data);
    }
}

/// An edit of the built-in dataset, valid or not (refused edits change nothing and are not
/// undone).
fn any_action() -> impl Strategy<Value = Action> {
    let id = (1u32..13).prop_map(DirectiveId);
    let leaf = prop_oneof![
        (id.clone(), prop::option::of(day())).prop_map(|(id, on)| Action::SetCompleted { id, on }),
        (id.clone(), prop::option::of(day()))
            .prop_map(|(id, deadline)| Action::SetDeadline { id, deadline }),
        (id.clone(), text()).prop_map(|(id, text)| Action::SetText { id, text }),
        (id.clone(), 0usize..12).prop_map(|(id, to)| Action::MoveDirective { id, to }),
        id.clone().prop_map(|id| Action::RemoveDirective { id }),
        (1u32..7).prop_map(|id| Action::RemoveUnit { id: UnitId(id) }),
        (1u32..8, text(), unit_kind()).prop_map(|(id, name, kind)| Action::AddUnit(Unit {
            id: UnitId(id),
            name,
            kind
        })),
        (1u32..8).prop_map(|id| Action::RemoveZone { id: ZoneId(id) }),
        (0usize..6, 0.0f64..1e12).prop_map(|(which, value)| {
            let data = builtin::dataset();
            let (indicator, observation) = data
                .indicators
                .iter()
                .flat_map(|i| i.observations.iter().map(move |o| (i.id.clone(), o.clone())))
                .nth(which)
                .unwrap();
            Action::PutObservation {
                indicator,
                observation: Box::new(industry_desk::model::Observation { value, ..observation }),
            }
        }),
        (0usize..6).prop_map(|which| {
            let data = builtin::dataset();
            let (indicator, period) = data
                .indicators
                .iter()
                .flat_map(|i| i.observations.iter().map(move |o| (i.id.clone(), o.period)))
                .nth(which)
                .unwrap();
            Action::RemoveObservation { indicator, period }
        }),
    ];
    leaf.prop_recursive(1, 6, 3, |inner| prop::collection::vec(inner, 1..3).prop_map(Action::Batch))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_edits_then_as_many_undos_give_the_original_back(
        actions in prop::collection::vec(any_action(), 0..12)
    ) {
        let original = builtin::dataset();
        let mut document = Document::new(original.clone(), None);
        let mut applied = 0;
        for action in actions {
            let before = document.dataset().clone();
            match document.apply(action) {
                Ok(()) => applied += 1,
                Err(_) => prop_assert_eq!(document.dataset(), &before, "a refused edit changes nothing"),
            }
        }
        let edited = document.dataset().clone();
        for _ in 0..applied {
            prop_assert!(document.undo());
        }
        prop_assert!(!document.undo(), "nothing more to undo");
        prop_assert_eq!(document.dataset(), &original);
        for _ in 0..applied {
            prop_assert!(document.redo());
        }
        prop_assert_eq!(document.dataset(), &edited);
    }
}

/// Pieces a notice is made of, to make notices of any shape from: markers, headings, unit
/// names whole and short, verbs, deadlines of every form, and stray marks.
fn notice_piece() -> impl Strategy<Value = String> {
    let pieces = [
        "THÔNG BÁO",
        "Số: 12/TB-UBND",
        "Ngày 19/8/2019, đồng chí Lê Văn A, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp",
        "kết luận như sau:",
        "I. ĐÁNH GIÁ CHUNG",
        "II. NHIỆM VỤ",
        "1.",
        "2.",
        "1.1.",
        "a)",
        "b.",
        "-",
        "–",
        "•",
        "+",
        "Giao",
        "Giao cho",
        "Đề nghị",
        "Yêu cầu",
        "Sở Công Thương",
        "Sở KH&ĐT",
        "Sở TN&MT",
        "UBND huyện Chi Lăng",
        "Ủy ban nhân dân thị xã Đông Triều",
        "UBND các huyện, thành phố",
        "các cơ quan, đơn vị liên quan",
        "Các sở, ngành",
        "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
        "Công ty TNHH A",
        "chủ trì",
        "phối hợp với",
        "phối hợp",
        "và",
        ",",
        ";",
        ".",
        ":",
        "(",
        ")",
        "rà soát",
        "báo cáo UBND tỉnh",
        "trình UBND tỉnh xem xét, quyết định",
        "trước ngày 30/9/2019",
        "trước 31/2/2020",
        "trước ngày 15/5",
        "trong tháng 02/2020",
        "trong quý IV/2019",
        "quý III năm 2022",
        "chậm nhất trong ngày 18/12/2019",
        "trước ngày 15 tháng 11 năm 2019",
        "thường xuyên",
        "tỷ lệ 1/500",
        "Nơi nhận:",
        "TL. CHỦ TỊCH",
        "\n",
        "\n\n",
        "  ",
        "đồng chí",
        "Đối với",
        "Về",
        // Other kinds of text: a report's dateline, speech, byline; a Công văn's header.
        "LSO-Chiều nay (15/7),",
        "Thứ sáu, 29/05/2020",
        "phát biểu tại cuộc họp",
        "chỉ rõ:",
        "cần",
        "Thời gian tới,",
        "Trong đó,",
        "…",
        "6 tháng đầu năm 2019",
        "TRÍ DŨNG",
        "UBND tỉnh yêu cầu",
        "Chủ tịch UBND tỉnh giao",
        "Số: 1234/UBND-KT Lạng Sơn, ngày 5 tháng 3 năm 2024",
        "Công văn số 56/UBND-KT",
        "V/v",
        "Kính gửi:",
        "có ý kiến chỉ đạo như sau:",
    ];
    prop_oneof![
        4 => proptest::sample::select(pieces.to_vec()).prop_map(str::to_owned),
        1 => text(),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Any text, read as a notice and proposed into the built-in file: no panic, every
    /// directive with words, and the edit it makes (when it can make one) applies and leaves
    /// a valid file that one undo takes back.
    #[test]
    fn any_text_read_as_a_notice_proposes_an_edit_that_keeps_the_file_valid(
        pieces in proptest::collection::vec(notice_piece(), 0..80),
    ) {
        let text = pieces.join(" ");
        let builtin = builtin::dataset();
        let notice = industry_desk::interop::intake::read(&text, &builtin);
        for item in &notice.items {
            prop_assert!(!item.text.trim().is_empty());
        }
        let mut proposal = industry_desk::interop::intake::Proposal::new(notice, &builtin, None);
        for index in (0..proposal.directives.len()).rev() {
            if proposal.can_split(index) && index % 3 == 0 {
                proposal.split(&builtin, index);
            } else if index % 4 == 1 {
                proposal.join_with_previous(index);
            }
        }
        if proposal.meeting.date.is_none() {
            proposal.meeting.date = Some(date(2019, 8, 19));
        }
        if proposal.meeting.title.trim().is_empty() {
            proposal.meeting.title = "Cuộc họp".to_owned();
        }
        let outcome = proposal.action(&builtin);
        if let Ok(action) = outcome {
            let mut document = Document::new(builtin.clone(), None);
            document.apply(action).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(document.dataset().validate(), Vec::new());
            prop_assert!(document.undo());
            prop_assert_eq!(document.dataset(), &builtin);
        }
    }
}

/// An edit of a copy, made against the copy as it is when it comes: an edit of the
/// checklist (as above), a directive added under an id either copy may also use, a note
/// added, a lead changed.
#[derive(Clone, Debug)]
enum CopyEdit {
    Action(Action),
    AddDirective { id: u32, text: String, lead: u32 },
    AddNote { id: u32, days: i32, text: String },
    SetLead { id: u32, lead: Option<u32> },
}

fn copy_edit() -> impl Strategy<Value = CopyEdit> {
    prop_oneof![
        3 => any_action().prop_map(CopyEdit::Action),
        1 => (11u32..14, text(), 1u32..6).prop_map(|(id, text, lead)| CopyEdit::AddDirective { id, text, lead }),
        1 => (1u32..11, 0i32..400, text()).prop_map(|(id, days, text)| CopyEdit::AddNote { id, days, text }),
        1 => (1u32..11, prop::option::of(1u32..5)).prop_map(|(id, lead)| CopyEdit::SetLead { id, lead }),
    ]
}

/// `base` with `edits` made (refused ones change nothing).
fn edited(base: &Dataset, edits: &[CopyEdit]) -> Dataset {
    let mut document = Document::new(base.clone(), None);
    for edit in edits {
        let data = document.dataset();
        let action = match edit.clone() {
            CopyEdit::Action(action) => Some(action),
            CopyEdit::AddDirective { id, text, lead } => {
                let mut directive =
                    data.directives.first().cloned().unwrap_or_else(|| base.directives[0].clone());
                directive.id = DirectiveId(id);
                directive.text = text;
                directive.lead_unit = Some(UnitId(lead));
                directive.supporting_units.clear();
                directive.progress.clear();
                directive.deadline = None;
                directive.completed_on = None;
                Some(Action::InsertDirective { index: usize::MAX, directive: Box::new(directive) })
            }
            CopyEdit::AddNote { id, days, text } => data.directive(DirectiveId(id)).map(|d| {
                let mut d = d.clone();
                let meeting = data.meeting(d.meeting_id).map_or(date(2019, 7, 15), |m| m.date);
                d.progress
                    .push(ProgressNote { date: meeting.checked_add(days.days()).unwrap(), text });
                Action::ReplaceDirective(Box::new(d))
            }),
            CopyEdit::SetLead { id, lead } => data.directive(DirectiveId(id)).map(|d| {
                let mut d = d.clone();
                d.lead_unit = lead.map(UnitId);
                d.supporting_units.retain(|u| Some(*u) != d.lead_unit);
                Action::ReplaceDirective(Box::new(d))
            }),
        };
        if let Some(action) = action {
            let _ = document.apply(action);
        }
    }
    document.dataset().clone()
}

/// For every record on all three sides: a field one side changed and the other did not is
/// the changer's in the merge; a conflict is reported exactly where both changed a field
/// (taken whole) differently.
fn fields_follow_the_side_that_changed_them<R: industry_desk::interop::merge::Record>(
    base: &[R],
    mine: &[R],
    other: &[R],
    merged: &[R],
    merge: &industry_desk::interop::merge::Merge,
) -> Result<(), TestCaseError> {
    use industry_desk::interop::merge::Clash;
    for b in base {
        let id = b.id();
        let (Some(m), Some(o)) =
            (mine.iter().find(|r| r.id() == id), other.iter().find(|r| r.id() == id))
        else {
            continue;
        };
        let out = merged.iter().find(|r| r.id() == id);
        prop_assert!(out.is_some(), "{id:?} on every side is in the merge");
        let out = out.unwrap();
        for field in R::fields() {
            let mine_changed = !(field.same)(m, b);
            let other_changed = !(field.same)(o, b);
            let conflict = merge
                .conflicts
                .iter()
                .any(|c| c.key == R::key(&id) && c.clash == Clash::Field(field.name));
            if mine_changed && !other_changed {
                prop_assert!((field.same)(out, m), "{id:?}.{}: mine's edit kept", field.name);
            }
            if other_changed && !mine_changed {
                prop_assert!((field.same)(out, o), "{id:?}.{}: the other's edit taken", field.name);
            }
            let clash =
                mine_changed && other_changed && !(field.same)(m, o) && field.union.is_none();
            prop_assert_eq!(
                conflict,
                clash,
                "{:?}.{}: a conflict exactly where both changed it differently",
                id,
                field.name
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn two_edited_copies_merge_with_every_one_sided_edit_and_conflicts_only_where_both_differ(
        mine_edits in prop::collection::vec(copy_edit(), 0..10),
        other_edits in prop::collection::vec(copy_edit(), 0..10),
    ) {
        use industry_desk::files::lineage::Stamps;
        use industry_desk::interop::merge::{self, Copy};
        use industry_desk::model::Problem;
        let base = builtin::dataset();
        let (mine, other) = (edited(&base, &mine_edits), edited(&base, &other_edits));
        let none = Stamps::new();
        let merge = |b: &Dataset, m: &Dataset, o: &Dataset| {
            merge::merge(Some(b), Copy { dataset: m, stamps: &none }, Copy { dataset: o, stamps: &none }, industry_desk::i18n::Lang::Vi).unwrap()
        };
        let merged = merge(&base, &mine, &other);
        let resolved = merged.resolve();
        let out = &resolved.dataset;
        // Ids stay unique and every reference resolves; only dates one side moved against
        // the other's may clash, for the official to mend.
        for problem in &resolved.problems {
            prop_assert!(
                matches!(problem, Problem::DeadlineBeforeMeeting { .. } | Problem::CompletedBeforeMeeting { .. } | Problem::NoteBeforeMeeting { .. }),
                "{problem:?}"
            );
        }
        fields_follow_the_side_that_changed_them(&base.directives, &mine.directives, &other.directives, &out.directives, &merged)?;
        fields_follow_the_side_that_changed_them(&base.units, &mine.units, &other.units, &out.units, &merged)?;
        fields_follow_the_side_that_changed_them(&base.meetings, &mine.meetings, &other.meetings, &out.meetings, &merged)?;
        fields_follow_the_side_that_changed_them(&base.zones, &mine.zones, &other.zones, &out.zones, &merged)?;
        // What either side added is there (the other's maybe under a new id).
        for added in mine.directives.iter().filter(|d| base.directive(d.id).is_none()) {
            prop_assert!(out.directives.iter().any(|d| d == added), "mine's {:?}", added.id);
        }
        for added in other.directives.iter().filter(|d| base.directive(d.id).is_none()) {
            prop_assert!(out.directives.iter().any(|d| d.text == added.text), "the other's {:?}", added.id);
        }
        // A copy merged with itself is itself; a side with no changes gives the other.
        prop_assert_eq!(&merge(&base, &mine, &mine).resolve().dataset, &mine);
        prop_assert_eq!(&merge(&base, &base, &other).resolve().dataset, &other);
        prop_assert_eq!(&merge(&base, &mine, &base).resolve().dataset, &mine);
    }
}
