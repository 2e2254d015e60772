//! The merge view: what comes from each copy, and every conflict side by side with "Giữ
//! bản này / Giữ bản kia" (and a box to write a text by hand), before anything changes.
//! "Gộp vào tệp" puts the merge in the document as one undo step; the document is then
//! unsaved until the official saves it.

use std::path::PathBuf;

use crate::files::lineage::{RecordKey, Revision, Stamps};
use crate::i18n::{Lang, fill};
use crate::interop::merge::{self, Choice, Clash, Merge, Side, Taken, Took};
use crate::model::Dataset;
use crate::window::ui::theme;

/// Where the other copy came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A file chosen or found beside the open one; a conflict copy is moved aside once the
    /// merge is saved.
    File { path: PathBuf, conflict_copy: bool },
    /// The open file as it is now on disk, changed by someone else since it was opened.
    Disk { stamp: Option<crate::files::storage::DiskStamp> },
}

/// The view's state.
#[derive(Debug)]
pub struct MergeView {
    pub merge: Merge,
    /// The other copy's name, for the words.
    pub other_name: String,
    pub source: Source,
    /// The other copy's revision: the merged file descends from it too.
    pub other_revision: Option<Revision>,
    /// What each conflict's hand-written text holds.
    texts: Vec<String>,
    /// Why the merge can't be applied with the choices as they are.
    problem: Option<String>,
}

impl PartialEq for MergeView {
    fn eq(&self, other: &Self) -> bool {
        self.other_name == other.other_name && self.merge.conflicts == other.merge.conflicts
    }
}

impl MergeView {
    /// The view of `merge`.
    pub fn new(
        merge: Merge,
        other_name: String,
        source: Source,
        other_revision: Option<Revision>,
    ) -> MergeView {
        let texts = merge.conflicts.iter().map(|c| c.mine.clone()).collect();
        MergeView { merge, other_name, source, other_revision, texts, problem: None }
    }
}

/// What the view asks the app for.
#[derive(Debug)]
pub enum Outcome {
    /// Put the merged file in the document.
    Apply {
        dataset: Box<Dataset>,
        stamps: Stamps,
        changes: usize,
    },
    Cancel,
}

/// Ctrl+Enter applies, as the dialog's default button.
const GO: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Enter);

/// Draws the view; an outcome once the official chose.
pub fn show(ui: &mut egui::Ui, view: &mut MergeView, lang: Lang) -> Option<Outcome> {
    let t = &lang.strings().merge;
    let go = ui.input_mut(|i| i.consume_shortcut(&GO));
    ui.label(egui::RichText::new(&t.title).font(theme::bold(18.0)));
    ui.label(fill(&t.from_file, &[("file", &view.other_name)]));
    let how = if view.merge.three_way { &t.three_way } else { &t.two_way };
    ui.label(egui::RichText::new(how).color(theme::MUTED));
    let counts = fill(
        &t.counts,
        &[
            ("other", &view.merge.count(Side::Other)),
            ("mine", &view.merge.count(Side::Mine)),
            ("conflicts", &view.merge.conflicts.len()),
        ],
    );
    ui.label(egui::RichText::new(counts).font(theme::bold(15.0)));
    ui.separator();
    let height = (ui.ctx().content_rect().height() - 300.0).max(200.0);
    egui::ScrollArea::vertical().max_height(height).auto_shrink([false, true]).show(ui, |ui| {
        conflicts_section(ui, view, lang);
        let (mine, other) = taken_lines(&view.merge, lang);
        list_section(
            ui,
            "merge-other",
            &fill(&t.section_other, &[("count", &other.len())]),
            &other,
            !other.is_empty() && view.merge.conflicts.is_empty(),
        );
        list_section(
            ui,
            "merge-mine",
            &fill(&t.section_mine, &[("count", &mine.len())]),
            &mine,
            false,
        );
        let renamed: Vec<String> = view
            .merge
            .renamed
            .iter()
            .map(|r| {
                let record = merge::renamed_words(r, &view.merge, lang);
                fill(&t.renamed_line, &[("from", &record), ("to", &key_number(&r.to))])
            })
            .collect();
        list_section(
            ui,
            "merge-renamed",
            &fill(&t.section_renamed, &[("count", &renamed.len())]),
            &renamed,
            true,
        );
        let united: Vec<String> =
            view.merge.united.iter().map(|r| united_words(r, &view.merge, lang)).collect();
        list_section(
            ui,
            "merge-united",
            &fill(&t.section_united, &[("count", &united.len())]),
            &united,
            true,
        );
        let (mine_data, other_data) = view.merge.copies();
        let kept: Vec<String> = view
            .merge
            .kept
            .iter()
            .map(|k| merge::record_words(k, mine_data, other_data, lang))
            .collect();
        list_section(
            ui,
            "merge-kept",
            &fill(&t.section_kept, &[("count", &kept.len())]),
            &kept,
            true,
        );
    });
    if let Some(problem) = &view.problem {
        ui.label(egui::RichText::new(problem).color(theme::ERROR));
    }
    let mut outcome = None;
    ui.horizontal(|ui| {
        let apply = egui::Button::new(egui::RichText::new(&t.apply).font(theme::bold(15.0)))
            .shortcut_text(ui.ctx().format_shortcut(&GO));
        if ui.add(apply).clicked() || go {
            let resolved = view.merge.resolve();
            match resolved.problems.first() {
                Some(problem) => {
                    view.problem = Some(fill(&t.problem, &[("problem", &problem.describe(lang))]))
                }
                None => {
                    let changes = view.merge.count(Side::Other) + view.merge.conflicts.len();
                    outcome = Some(Outcome::Apply {
                        dataset: Box::new(resolved.dataset),
                        stamps: resolved.stamps,
                        changes,
                    });
                }
            }
        }
        if ui.button(&lang.strings().app.cancel).clicked() {
            outcome = Some(Outcome::Cancel);
        }
    });
    outcome
}

/// A collapsible list of lines, left out when empty.
fn list_section(ui: &mut egui::Ui, id: &str, title: &str, lines: &[String], open: bool) {
    if lines.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(egui::RichText::new(title).font(theme::bold(15.0)))
        .id_salt(id)
        .default_open(open)
        .show(ui, |ui| {
            // A merge of two big files can list thousands; the first are enough to see.
            for line in lines.iter().take(300) {
                ui.label(line);
            }
            if lines.len() > 300 {
                ui.label(
                    egui::RichText::new(format!("… +{}", lines.len() - 300)).color(theme::MUTED),
                );
            }
        });
}

/// Every conflict with its two versions and the choice.
fn conflicts_section(ui: &mut egui::Ui, view: &mut MergeView, lang: Lang) {
    let t = &lang.strings().merge;
    if view.merge.conflicts.is_empty() {
        return;
    }
    ui.label(
        egui::RichText::new(fill(&t.section_conflicts, &[("count", &view.merge.conflicts.len())]))
            .font(theme::bold(15.0))
            .color(theme::DUE_SOON),
    );
    let (mine_data, other_data) = {
        let (m, o) = view.merge.copies();
        (m.clone(), o.clone())
    };
    for (index, conflict) in view.merge.conflicts.iter_mut().enumerate() {
        ui.push_id(("merge-conflict", index), |ui| {
            let record = merge::record_words(&conflict.key, &mine_data, &other_data, lang);
            ui.label(
                egui::RichText::new(format!("{record} — {}", clash_words(&conflict.clash, lang)))
                    .font(theme::bold(14.0)),
            );
            // Long texts wrap in their column rather than widen the dialog past the screen.
            let grid = egui::Grid::new("versions")
                .num_columns(2)
                .spacing([12.0, 4.0])
                .max_col_width(620.0);
            grid.show(ui, |ui| {
                let mut choice = match conflict.choice {
                    Choice::Mine => 0,
                    Choice::Other => 1,
                    Choice::Text(_) => 2,
                };
                let before = choice;
                ui.radio_value(&mut choice, 0, format!("{} ({})", t.keep_mine, t.mine_label));
                ui.add(egui::Label::new(&conflict.mine).wrap());
                ui.end_row();
                ui.radio_value(&mut choice, 1, format!("{} ({})", t.keep_other, t.other_label));
                ui.add(egui::Label::new(&conflict.other).wrap());
                ui.end_row();
                if conflict.editable {
                    ui.radio_value(&mut choice, 2, t.write_own.as_str());
                    let edit = egui::TextEdit::multiline(&mut view.texts[index])
                        .desired_rows(2)
                        .desired_width(560.0);
                    let edited = ui
                        .add(edit)
                        .accessible_name(format!("{} {}", t.write_own, index + 1))
                        .changed();
                    if edited {
                        choice = 2;
                    }
                    ui.end_row();
                }
                if choice != before || choice == 2 {
                    conflict.choice = match choice {
                        0 => Choice::Mine,
                        1 => Choice::Other,
                        _ => Choice::Text(view.texts[index].clone()),
                    };
                    view.problem = None;
                }
            });
            ui.separator();
        });
    }
}

/// The lines of what each side gave: (this file's, the other's).
fn taken_lines(merge: &Merge, lang: Lang) -> (Vec<String>, Vec<String>) {
    let (mut mine, mut other) = (Vec::new(), Vec::new());
    for taken in &merge.taken {
        let line = taken_words(taken, merge, lang);
        match taken.side {
            Side::Mine => mine.push(line),
            Side::Other => other.push(line),
        }
    }
    (mine, other)
}

/// One record's part in the merge: "Nhiệm vụ 12: Rà soát … — sửa: thời hạn, tiến độ".
pub fn taken_words(taken: &Taken, merge: &Merge, lang: Lang) -> String {
    let t = &lang.strings().merge;
    let (mine, other) = merge.copies();
    let (first, second) = match taken.side {
        Side::Mine => (mine, other),
        Side::Other => (other, mine),
    };
    let record = merge::record_words(&taken.key, first, second, lang);
    let what = match &taken.took {
        Took::Added => t.took_added.clone(),
        Took::Deleted => t.took_deleted.clone(),
        Took::Changed(fields) => {
            let fields: Vec<String> = fields.iter().map(|f| merge::field_word(f, lang)).collect();
            fill(&t.took_changed, &[("fields", &fields.join(", "))])
        }
    };
    format!("{record} — {what}")
}

/// What a conflict is about, in words.
pub fn clash_words(clash: &Clash, lang: Lang) -> String {
    let t = &lang.strings().merge;
    match clash {
        Clash::Field(name) => merge::field_word(name, lang),
        Clash::Deleted(Side::Mine) => t.clash_deleted_mine.clone(),
        Clash::Deleted(Side::Other) => t.clash_deleted_other.clone(),
        Clash::Record => t.clash_record.clone(),
    }
}

/// A record both sides added, now one: "Đơn vị: Sở Tài chính: bản kia cũng thêm (ở đó là
/// số 9), nay là một".
pub fn united_words(united: &merge::Renamed, merged: &merge::Merge, lang: Lang) -> String {
    let (mine, other) = merged.copies();
    let record = merge::record_words(&united.to, mine, other, lang);
    fill(
        &lang.strings().merge.united_line,
        &[("record", &record), ("from", &key_number(&united.from))],
    )
}

/// A record's number, as its new id reads ("12").
pub fn key_number(key: &RecordKey) -> String {
    match key {
        RecordKey::Meeting(id) => id.0.to_string(),
        RecordKey::Unit(id) => id.0.to_string(),
        RecordKey::Directive(id) => id.0.to_string(),
        RecordKey::Zone(id) => id.0.to_string(),
        other => other.to_string(),
    }
}
