//! "Nhập từ thông báo kết luận": the notice pasted or chosen as a file, then the preview
//! of what it would add — the meeting, every directive with its fields editable and the
//! notice's words each was read from beside it, the new units — before anything changes.
//! "Thêm N nhiệm vụ" adds it all as one undo step.

use jiff::civil::Date;

use crate::editing::action::Action;
use crate::format;
use crate::i18n::{Lang, fill};
use crate::interop::intake::proposal::{DirectiveDraft, Proposal};
use crate::interop::intake::{self, source};
use crate::model::{Dataset, MeetingId, UnitKind};
use crate::window::ui::theme;

/// Ctrl+Enter: read the notice, then add what it gave (the dialog's default button).
const GO: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Enter);

/// A paste larger than this is kept aside rather than shown in the text box (laying out
/// megabytes of text every frame would stall the window).
const SHOWN_PASTE_BYTES: usize = 256 * 1024;

/// The dialog's state, kept in the modal between frames.
#[derive(Debug, Default, PartialEq)]
pub struct Intake {
    pub stage: Stage,
}

/// Where the dialog is.
#[derive(Debug, PartialEq)]
pub enum Stage {
    /// Pasting the notice or choosing its file.
    Source(SourceStage),
    /// A file being read on a worker thread.
    Reading { file: String, back: SourceStage },
    /// The proposal, being checked.
    Preview(Box<Preview>),
}

impl Default for Stage {
    fn default() -> Self {
        Stage::Source(SourceStage::default())
    }
}

/// The paste box and what went wrong last.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceStage {
    pub text: String,
    /// A paste too large to show in the box, held as is.
    pub held: Option<String>,
    pub error: Option<String>,
}

impl SourceStage {
    /// The notice's text: the paste held aside, or the box's.
    fn notice(&self) -> &str {
        self.held.as_deref().unwrap_or(&self.text)
    }
}

/// The proposal and the text of the fields typed as text (dates).
#[derive(Debug)]
pub struct Preview {
    pub proposal: Proposal,
    /// "Đọc từ tệp 215.docx" or "Đọc từ nội dung dán vào".
    pub from: String,
    date_text: String,
    deadline_texts: Vec<String>,
    error: Option<String>,
    /// The paste it was read from, to go back to.
    back: SourceStage,
    /// Each directive's card height when last drawn: a long notice's preview draws only
    /// the cards in view and leaves the room of the others.
    heights: Vec<f32>,
}

/// A card's height before it is first drawn.
const CARD_HEIGHT: f32 = 250.0;

impl PartialEq for Preview {
    fn eq(&self, other: &Self) -> bool {
        self.from == other.from && self.proposal.directives == other.proposal.directives
    }
}

impl Preview {
    /// The preview of `proposal`.
    pub fn new(proposal: Proposal, from: String, back: SourceStage) -> Preview {
        let date_text = proposal.meeting.date.map(format::date).unwrap_or_default();
        let mut preview = Preview {
            proposal,
            from,
            date_text,
            deadline_texts: Vec::new(),
            error: None,
            back,
            heights: Vec::new(),
        };
        preview.sync_deadline_texts();
        preview
    }

    fn sync_deadline_texts(&mut self) {
        self.deadline_texts = self
            .proposal
            .directives
            .iter()
            .map(|d| d.deadline.map(format::date).unwrap_or_default())
            .collect();
    }
}

/// What the dialog asks the app for.
#[derive(Debug)]
pub enum Outcome {
    /// Show the system's file picker for a notice.
    PickFile,
    /// Add these: the one edit, how many directives, where from.
    Add { action: Action, count: usize, source: String },
    /// Closed without adding anything.
    Cancel,
}

impl Intake {
    /// Whether Escape or a click outside may close it: not once work would be lost.
    pub fn may_close_casually(&self) -> bool {
        matches!(&self.stage, Stage::Source(s) if s.text.trim().is_empty() && s.held.is_none())
    }

    /// The dialog for the text of a file just read (or the reason it could not be).
    pub fn read_file(
        &mut self,
        file: &str,
        outcome: Result<String, intake::IntakeError>,
        dataset: &Dataset,
        lang: Lang,
    ) {
        let back = match std::mem::take(&mut self.stage) {
            Stage::Reading { back, .. } | Stage::Source(back) => back,
            Stage::Preview(preview) => preview.back,
        };
        let t = &lang.strings().intake;
        self.stage = match outcome {
            Ok(text) => read_text(
                &text,
                Some(file.to_owned()),
                fill(&t.from_file, &[("file", &file)]),
                back,
                dataset,
                lang,
            ),
            Err(error) => Stage::Source(SourceStage {
                error: Some(format!("{file}: {}", error.describe(lang))),
                ..back
            }),
        };
    }
}

/// Reads `text` into a preview, or back to the paste box with the reason nothing was read.
fn read_text(
    text: &str,
    file: Option<String>,
    from: String,
    back: SourceStage,
    dataset: &Dataset,
    lang: Lang,
) -> Stage {
    if let Err(error) = source::check_text(text) {
        return Stage::Source(SourceStage { error: Some(error.describe(lang)), ..back });
    }
    let notice = intake::read(text, dataset);
    if notice.items.is_empty() {
        return Stage::Source(SourceStage {
            error: Some(lang.strings().intake.nothing_read.clone()),
            ..back
        });
    }
    let proposal = Proposal::new(notice, dataset, file);
    Stage::Preview(Box::new(Preview::new(proposal, from, back)))
}

/// Draws the dialog; an outcome once the user chose one.
/// `today` is the app's (fixed in tests): what the calendars mark as today.
pub fn show(
    ui: &mut egui::Ui,
    intake: &mut Intake,
    dataset: &Dataset,
    (lang, today): (Lang, Date),
) -> Option<Outcome> {
    let t = &lang.strings().intake;
    ui.label(egui::RichText::new(&t.title).font(theme::bold(18.0)));
    match &mut intake.stage {
        Stage::Source(stage) => {
            let (outcome, read) = source_stage(ui, stage, lang);
            if read {
                let back = std::mem::take(stage);
                let text = back.notice().to_owned();
                intake.stage = read_text(&text, None, t.from_paste.clone(), back, dataset, lang);
            }
            outcome
        }
        Stage::Reading { file, .. } => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(fill(&t.reading, &[("file", file)]));
            });
            let cancel = ui.button(&lang.strings().app.cancel).clicked();
            cancel.then_some(Outcome::Cancel)
        }
        Stage::Preview(preview) => {
            let (outcome, back) = preview_stage(ui, preview, dataset, (lang, today));
            if back {
                let mut source = std::mem::take(&mut preview.back);
                source.error = None;
                intake.stage = Stage::Source(source);
            }
            outcome
        }
    }
}

/// The paste box. Returns the outcome, and whether to read the text now.
fn source_stage(ui: &mut egui::Ui, stage: &mut SourceStage, lang: Lang) -> (Option<Outcome>, bool) {
    let t = &lang.strings().intake;
    // Taken before the text box sees it, which would make it a new line.
    let go = ui.input_mut(|i| i.consume_shortcut(&GO));
    // A huge paste never reaches the text box: held aside if a notice could be that long,
    // refused beyond that.
    let huge = ui.input_mut(|input| {
        let mut huge = None;
        input.events.retain(|event| match event {
            egui::Event::Paste(text) if text.len() > SHOWN_PASTE_BYTES => {
                huge = Some(text.clone());
                false
            }
            _ => true,
        });
        huge
    });
    if let Some(text) = huge {
        match source::check_text(&text) {
            Ok(()) => {
                stage.held = Some(text);
                stage.error = None;
            }
            Err(error) => stage.error = Some(error.describe(lang)),
        }
    }
    if let Some(held) = &stage.held {
        let label = fill(
            &t.held_paste,
            &[("size", &megabytes(held.len())), ("lines", &held.lines().count())],
        );
        let mut drop_it = false;
        ui.horizontal(|ui| {
            ui.label(label);
            drop_it = ui.button("✕").on_hover_text(&lang.strings().app.cancel).clicked();
        });
        if drop_it {
            stage.held = None;
        }
    } else {
        egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            let edit = egui::TextEdit::multiline(&mut stage.text)
                .desired_rows(16)
                .desired_width(f32::INFINITY)
                // The instruction, said once: it was also a label above the box.
                .hint_text(&t.paste_hint);
            let response = ui.add(edit).accessible_name(t.paste_label.clone());
            if ui.memory(|m| m.focused().is_none()) {
                response.request_focus();
            }
        });
    }
    if let Some(error) = &stage.error {
        ui.label(egui::RichText::new(error).color(theme::ERROR));
    }
    let mut outcome = None;
    let mut read = false;
    ui.horizontal(|ui| {
        if ui.button(&t.pick_file).clicked() {
            outcome = Some(Outcome::PickFile);
        }
        let has_text = !stage.notice().trim().is_empty();
        let button = egui::Button::new(egui::RichText::new(&t.read).font(theme::bold(15.0)))
            .shortcut_text(ui.ctx().format_shortcut(&GO));
        if ui.add_enabled(has_text, button).clicked() || (go && has_text) {
            read = true;
        }
        if ui.button(&lang.strings().app.cancel).clicked() {
            outcome = Some(Outcome::Cancel);
        }
    });
    (outcome, read)
}

fn megabytes(bytes: usize) -> String {
    source::megabytes(bytes as u64)
}

/// A change to the list asked for by a directive's buttons, made after the list is drawn.
enum ListEdit {
    Join(usize),
    Split(usize),
}

/// The preview. Returns the outcome, and whether to go back to the paste box.
fn preview_stage(
    ui: &mut egui::Ui,
    preview: &mut Preview,
    dataset: &Dataset,
    (lang, today): (Lang, Date),
) -> (Option<Outcome>, bool) {
    let t = &lang.strings().intake;
    // Taken before any text box sees it, which would make it a new line.
    let go = ui.input_mut(|i| i.consume_shortcut(&GO));
    let duplicates = preview.proposal.directives.iter().filter(|d| d.duplicate.is_some()).count();
    let counts = crate::i18n::nonzero_counts(
        &[
            (&t.count_read, preview.proposal.directives.len()),
            (&t.count_new_units, preview.proposal.new_units().len()),
            (&t.count_duplicates, duplicates),
        ],
        " · ",
    );
    let summary = fill(&t.summary, &[("counts", &counts)]);
    ui.label(egui::RichText::new(format!("{} · {summary}", preview.from)).color(theme::MUTED));
    kind_notes(ui, &preview.proposal, lang);
    ui.add_space(4.0);
    meeting_section(ui, preview, dataset, (lang, today));
    ui.separator();
    let height = (ui.ctx().content_rect().height() - 330.0).max(220.0);
    let mut edit = None;
    let scroll = egui::ScrollArea::vertical().max_height(height).auto_shrink([false, true]);
    scroll.show_viewport(ui, |ui, viewport| {
        let count = preview.proposal.directives.len();
        preview.heights.resize(count, CARD_HEIGHT);
        // Cards a screen away from the view are not drawn, only their room kept.
        let near = viewport.expand2(egui::vec2(0.0, viewport.height()));
        let mut top = 0.0;
        for index in 0..count {
            let bottom = top + preview.heights[index];
            if bottom < near.top() || top > near.bottom() {
                ui.allocate_space(egui::vec2(ui.available_width(), preview.heights[index]));
            } else {
                let drawn = ui.scope(|ui| {
                    let change = directive_card(ui, preview, index, dataset, (lang, today));
                    ui.separator();
                    change
                });
                if let Some(change) = drawn.inner {
                    edit = Some(change);
                }
                preview.heights[index] = drawn.response.rect.height();
            }
            top = bottom + ui.spacing().item_spacing.y;
        }
        new_units_section(ui, preview, lang);
    });
    match edit {
        Some(ListEdit::Join(index)) => {
            preview.heights.clear();
            preview.proposal.join_with_previous(index);
            preview.sync_deadline_texts();
        }
        Some(ListEdit::Split(index)) => {
            preview.heights.clear();
            preview.proposal.split(dataset, index);
            preview.sync_deadline_texts();
        }
        None => {}
    }
    if let Some(error) = &preview.error {
        ui.label(egui::RichText::new(error).color(theme::ERROR));
    }
    let mut outcome = None;
    let mut back = false;
    ui.horizontal(|ui| {
        let count = preview.proposal.chosen();
        let add = egui::Button::new(
            egui::RichText::new(fill(&t.add, &[("count", &count)])).font(theme::bold(15.0)),
        )
        .shortcut_text(ui.ctx().format_shortcut(&GO));
        if ui.add_enabled(count > 0, add).clicked() || (go && count > 0) {
            match checked_action(preview, dataset, lang) {
                Ok(action) => {
                    let source = preview
                        .proposal
                        .file_name
                        .clone()
                        .unwrap_or_else(|| preview.proposal.source_ref());
                    outcome = Some(Outcome::Add { action, count, source });
                }
                Err(reason) => preview.error = Some(reason),
            }
        }
        if ui.button(&t.back).clicked() {
            back = true;
        }
        if ui.button(&lang.strings().app.cancel).clicked() {
            outcome = Some(Outcome::Cancel);
        }
    });
    (outcome, back)
}

/// What the text was taken for when it is no notice, and how sure; how many items are
/// left unticked as doubtful.
fn kind_notes(ui: &mut egui::Ui, proposal: &Proposal, lang: Lang) {
    let t = &lang.strings().intake;
    if let Some(kind) = intake::genre::described(proposal.kind, lang) {
        ui.label(egui::RichText::new(kind).color(theme::ERROR));
    }
    let doubtful = proposal.directives.iter().filter(|d| d.doubtful && !d.include).count();
    if doubtful > 0 {
        ui.label(
            egui::RichText::new(fill(&t.doubtful, &[("count", &doubtful)])).color(theme::MUTED),
        );
    }
}

/// The edit, once every date typed reads as one.
fn checked_action(preview: &mut Preview, dataset: &Dataset, lang: Lang) -> Result<Action, String> {
    let t = &lang.strings().intake;
    for (draft, text) in preview.proposal.directives.iter().zip(&preview.deadline_texts) {
        if draft.include && !text.trim().is_empty() && format::parse_date(text).is_none() {
            return Err(fill(&t.bad_date, &[("text", &text.trim())]));
        }
    }
    if preview.proposal.target.is_none()
        && !preview.date_text.trim().is_empty()
        && format::parse_date(&preview.date_text).is_none()
    {
        return Err(fill(&t.bad_date, &[("text", &preview.date_text.trim())]));
    }
    preview.proposal.action(dataset).map_err(|e| e.describe(lang))
}

/// Which meeting the directives go to; the new meeting's fields.
fn meeting_section(
    ui: &mut egui::Ui,
    preview: &mut Preview,
    dataset: &Dataset,
    (lang, today): (Lang, Date),
) {
    let t = &lang.strings().intake;
    ui.label(egui::RichText::new(&t.meeting).font(theme::bold(15.0)));
    let meeting_label = |id: Option<MeetingId>| match id.and_then(|id| dataset.meeting(id)) {
        Some(m) => {
            fill(&t.meeting_existing, &[("date", &format::date(m.date)), ("title", &m.title)])
        }
        None => t.meeting_new.clone(),
    };
    let mut target = preview.proposal.target;
    ui.horizontal(|ui| {
        ui.label(&t.meeting_target);
        // Within the dialog however narrow the window: long titles are cut with "…" (the
        // list was wider than the window).
        egui::ComboBox::from_id_salt("intake-meeting")
            .width((ui.available_width() - 8.0).min(620.0))
            .truncate()
            .selected_text(meeting_label(target))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut target, None, t.meeting_new.as_str());
                for meeting in dataset.meetings.iter().rev() {
                    ui.selectable_value(
                        &mut target,
                        Some(meeting.id),
                        meeting_label(Some(meeting.id)),
                    );
                }
            })
            .response
            .accessible_name(t.meeting_target.clone());
    });
    if target != preview.proposal.target {
        preview.proposal.set_target(dataset, target);
    }
    if preview.proposal.target.is_some() {
        if preview.proposal.target == preview.proposal.matched_meeting {
            ui.label(egui::RichText::new(&t.meeting_matched).color(theme::MUTED));
        }
        return;
    }
    let meeting = &mut preview.proposal.meeting;
    ui.horizontal_top(|ui| {
        ui.label(&t.meeting_title);
        let title = egui::TextEdit::multiline(&mut meeting.title)
            .desired_rows(2)
            .desired_width(ui.available_width());
        ui.add(title).accessible_name(t.meeting_title.clone());
    });
    ui.horizontal(|ui| {
        ui.label(&t.meeting_date);
        use crate::window::ui::date_picker::{DATE_HINT, date_field_width};
        let date = egui::TextEdit::singleline(&mut preview.date_text)
            .desired_width(date_field_width(ui, DATE_HINT))
            .hint_text(DATE_HINT);
        let date = ui.add(date).accessible_name(t.meeting_date.clone());
        if date.changed() {
            meeting.date = format::parse_date(&preview.date_text);
        }
        let calendar = crate::window::ui::date_picker::button;
        if let Some(picked) = calendar(ui, &t.meeting_date, meeting.date, today, lang) {
            meeting.date = Some(picked);
            preview.date_text = format::date(picked);
        }
        ui.label(&t.meeting_chair);
        let chair = egui::TextEdit::singleline(&mut meeting.chair)
            .desired_width(ui.available_width() - 260.0);
        ui.add(chair).accessible_name(t.meeting_chair.clone());
        ui.label(&t.meeting_number);
        let number =
            egui::TextEdit::singleline(&mut meeting.number).desired_width(ui.available_width());
        ui.add(number).accessible_name(t.meeting_number.clone());
    });
    if meeting.date.is_none() {
        let text = if let (true, Some((day, month))) =
            (preview.date_text.trim().is_empty(), preview.proposal.date_without_year)
        {
            fill(&t.date_needs_year, &[("day", &day), ("month", &month)])
        } else if preview.date_text.trim().is_empty() {
            t.meeting_no_date.clone()
        } else {
            fill(&t.bad_date, &[("text", &preview.date_text.trim())])
        };
        ui.label(egui::RichText::new(text).color(theme::ERROR));
    }
}

/// The words a field was read from, muted, beside it.
fn source_words(ui: &mut egui::Ui, text: Option<String>) {
    if let Some(text) = text {
        ui.label(egui::RichText::new(text).italics().color(theme::MUTED));
    }
}

/// The choices of a unit field: the proposal's units, then the file's others.
#[derive(Clone, Copy, PartialEq)]
enum UnitChoice {
    None,
    Proposed(usize),
    File(crate::model::UnitId),
}

fn unit_choices(preview: &Preview, dataset: &Dataset) -> Vec<(UnitChoice, String)> {
    let mut choices: Vec<(UnitChoice, String)> = preview
        .proposal
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (UnitChoice::Proposed(i), u.name.clone()))
        .collect();
    for unit in &dataset.units {
        if !preview.proposal.units.iter().any(|u| u.existing == Some(unit.id)) {
            choices.push((UnitChoice::File(unit.id), unit.name.clone()));
        }
    }
    choices
}

/// A unit's name, with "new: department" or "nearly … in the file" after it.
fn unit_label(preview: &Preview, index: usize, lang: Lang) -> (String, Option<String>) {
    let t = &lang.strings().intake;
    let unit = &preview.proposal.units[index];
    let note = if unit.existing.is_none() {
        Some(fill(&t.unit_new, &[("kind", &format::unit_kind(unit.kind, lang))]))
    } else if unit.approximate {
        Some(fill(&t.unit_approximate, &[("name", &unit.name)]))
    } else {
        None
    };
    (unit.name.clone(), note)
}

/// One directive: include, text, lead, supporting, deadline, output, the duplicate it may
/// be; join and split.
fn directive_card(
    ui: &mut egui::Ui,
    preview: &mut Preview,
    index: usize,
    dataset: &Dataset,
    (lang, today): (Lang, Date),
) -> Option<ListEdit> {
    let t = &lang.strings().intake;
    let mut edit = None;
    let choices = unit_choices(preview, dataset);
    ui.push_id(("intake-directive", index), |ui| {
        ui.horizontal_top(|ui| {
            let draft = &mut preview.proposal.directives[index];
            ui.checkbox(&mut draft.include, "").on_hover_text(&t.include).accessible_name(format!(
                "{} {}",
                t.include,
                index + 1
            ));
            ui.label(egui::RichText::new(format!("{}.", index + 1)).font(theme::bold(15.0)));
            ui.vertical(|ui| {
                let text = egui::TextEdit::multiline(&mut draft.text)
                    .desired_rows(2)
                    .desired_width(ui.available_width() - 90.0);
                ui.add(text).accessible_name(format!("{} {}", t.title, index + 1));
            });
            ui.label(
                egui::RichText::new(fill(&t.line, &[("line", &draft.line)]))
                    .small()
                    .color(theme::MUTED),
            );
        });
        ui.indent("fields", |ui| {
            let enabled = preview.proposal.directives[index].include;
            ui.add_enabled_ui(enabled, |ui| {
                lead_row(ui, preview, index, &choices, dataset, lang);
                supporting_row(ui, preview, index, &choices, dataset, lang);
                let meeting = preview.proposal.meeting_date(dataset);
                deadline_row(ui, preview, index, meeting, (lang, today));
                ui.horizontal(|ui| {
                    ui.label(&t.output);
                    let output = &mut preview.proposal.directives[index].output;
                    ui.add(egui::TextEdit::singleline(output).desired_width(420.0))
                        .accessible_name(t.output.clone());
                });
            });
            let draft = &preview.proposal.directives[index];
            if let Some(duplicate) = &draft.duplicate {
                let percent = (duplicate.similarity * 100.0).round() as u32;
                ui.label(
                    egui::RichText::new(format!(
                        "⚠ {}",
                        fill(&t.duplicate, &[("percent", &percent), ("text", &duplicate.text)])
                    ))
                    .color(theme::DUE_SOON),
                );
            }
            ui.horizontal(|ui| {
                if ui.add_enabled(index > 0, egui::Button::new(&t.join).small()).clicked() {
                    edit = Some(ListEdit::Join(index));
                }
                if ui
                    .add_enabled(
                        preview.proposal.can_split(index),
                        egui::Button::new(&t.split).small(),
                    )
                    .clicked()
                {
                    edit = Some(ListEdit::Split(index));
                }
            });
        });
    });
    edit
}

/// Applies a unit choice: its index in the proposal (a file unit added to it).
fn chosen_index(preview: &mut Preview, dataset: &Dataset, choice: UnitChoice) -> Option<usize> {
    match choice {
        UnitChoice::None => None,
        UnitChoice::Proposed(i) => Some(i),
        UnitChoice::File(id) => preview.proposal.existing_unit_index(dataset, id),
    }
}

fn lead_row(
    ui: &mut egui::Ui,
    preview: &mut Preview,
    index: usize,
    choices: &[(UnitChoice, String)],
    dataset: &Dataset,
    lang: Lang,
) {
    let t = &lang.strings().intake;
    let draft: &DirectiveDraft = &preview.proposal.directives[index];
    let current = draft.lead.map_or(UnitChoice::None, UnitChoice::Proposed);
    let (shown, note) = match draft.lead {
        Some(i) => unit_label(preview, i, lang),
        None => (t.no_unit.clone(), None),
    };
    let source = draft.sources.lead.as_ref().map(|words| {
        let template = if draft.sources.lead_inherited { &t.source_heading } else { &t.source };
        fill(template, &[("words", words)])
    });
    let mut picked = current;
    ui.horizontal(|ui| {
        ui.label(&t.lead);
        egui::ComboBox::from_id_salt("lead")
            .width(320.0)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut picked, UnitChoice::None, t.no_unit.as_str());
                for (choice, name) in choices {
                    ui.selectable_value(&mut picked, *choice, name.as_str());
                }
            })
            .response
            .accessible_name(format!("{} {}", t.lead, index + 1));
        if let Some(note) = note {
            ui.label(egui::RichText::new(note).small().color(theme::CHANGE));
        }
        source_words(ui, source);
    });
    if picked != current {
        let lead = chosen_index(preview, dataset, picked);
        let draft = &mut preview.proposal.directives[index];
        draft.lead = lead;
        draft.supporting.retain(|s| Some(*s) != lead);
    }
}

fn supporting_row(
    ui: &mut egui::Ui,
    preview: &mut Preview,
    index: usize,
    choices: &[(UnitChoice, String)],
    dataset: &Dataset,
    lang: Lang,
) {
    let t = &lang.strings().intake;
    let draft = &preview.proposal.directives[index];
    let mut remove = None;
    let mut add = None;
    let supporting = draft.supporting.clone();
    let lead = draft.lead;
    let source =
        draft.sources.supporting.as_ref().map(|words| fill(&t.source, &[("words", words)]));
    ui.horizontal_wrapped(|ui| {
        ui.label(&t.supporting);
        for &unit in &supporting {
            let (name, note) = unit_label(preview, unit, lang);
            let chip = ui.add(egui::Button::new(format!("{name} ✕"))).on_hover_text(&t.remove_unit);
            if chip.clicked() {
                remove = Some(unit);
            }
            if let Some(note) = note {
                // Whole on the next row rather than cut in two ("new: Group | of units").
                ui.add(
                    egui::Label::new(egui::RichText::new(note).small().color(theme::CHANGE))
                        .extend(),
                );
            }
        }
        ui.menu_button(&t.add_unit, |ui| {
            egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                for (choice, name) in choices {
                    let taken = match choice {
                        UnitChoice::Proposed(i) => supporting.contains(i) || lead == Some(*i),
                        _ => false,
                    };
                    if !taken && ui.button(name.as_str()).clicked() {
                        add = Some(*choice);
                        ui.close();
                    }
                }
            });
        });
        source_words(ui, source);
    });
    let draft = &mut preview.proposal.directives[index];
    if let Some(unit) = remove {
        draft.supporting.retain(|s| *s != unit);
    }
    if let Some(choice) = add
        && let Some(unit) = chosen_index(preview, dataset, choice)
    {
        let draft = &mut preview.proposal.directives[index];
        if !draft.supporting.contains(&unit) && draft.lead != Some(unit) {
            draft.supporting.push(unit);
        }
    }
}

fn deadline_row(
    ui: &mut egui::Ui,
    preview: &mut Preview,
    index: usize,
    meeting: Option<Date>,
    (lang, today): (Lang, Date),
) {
    let t = &lang.strings().intake;
    let text = &mut preview.deadline_texts[index];
    let draft = &mut preview.proposal.directives[index];
    ui.horizontal(|ui| {
        ui.label(&t.deadline);
        // As wide as "không có hạn", which a fixed 100 px cut to "không có …".
        let width = crate::window::ui::date_picker::date_field_width(ui, &t.no_deadline);
        let field =
            ui.add(egui::TextEdit::singleline(text).desired_width(width).hint_text(&t.no_deadline));
        let field = field.accessible_name(format!("{} {}", t.deadline, index + 1));
        if field.changed() {
            draft.deadline = parse_deadline(text);
        }
        // The calendar opens on the deadline, else on the meeting's month.
        let (shown, open_on) = (draft.deadline, meeting.unwrap_or(today));
        let calendar = crate::window::ui::date_picker::button_opening_on;
        let field = format!("{} {}", t.deadline, index + 1);
        if let Some(picked) = calendar(ui, &field, shown, open_on, today, lang) {
            draft.deadline = Some(picked);
            *text = format::date(picked);
        }
        let bad = !text.trim().is_empty() && format::parse_date(text).is_none();
        let early =
            draft.deadline.zip(meeting).is_some_and(|(deadline, meeting)| deadline < meeting);
        if early {
            ui.label(egui::RichText::new(format!("⚠ {}", t.deadline_early)).color(theme::ERROR));
        }
        if bad {
            ui.label(
                egui::RichText::new(fill(&t.bad_date, &[("text", &text.trim())]))
                    .color(theme::ERROR),
            );
        } else if let Some(words) = &draft.sources.deadline {
            source_words(ui, Some(fill(&t.source, &[("words", words)])));
        } else if let Some(words) = &draft.sources.standing
            && draft.deadline.is_none()
        {
            source_words(ui, Some(fill(&t.standing, &[("words", words)])));
        }
    });
}

fn parse_deadline(text: &str) -> Option<Date> {
    format::parse_date(text)
}

/// The units the chosen directives would add to the file, their names and kinds editable.
fn new_units_section(ui: &mut egui::Ui, preview: &mut Preview, lang: Lang) {
    let t = &lang.strings().intake;
    let new = preview.proposal.new_units();
    if new.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(&t.new_units).font(theme::bold(15.0)));
    for index in new {
        ui.push_id(("intake-new-unit", index), |ui| {
            ui.horizontal(|ui| {
                let unit = &mut preview.proposal.units[index];
                let label = unit.name.clone();
                ui.add(egui::TextEdit::singleline(&mut unit.name).desired_width(460.0))
                    .accessible_name(label.clone());
                egui::ComboBox::from_id_salt("kind")
                    .selected_text(format::unit_kind(unit.kind, lang))
                    .show_ui(ui, |ui| {
                        for kind in [
                            UnitKind::Department,
                            UnitKind::Sector,
                            UnitKind::District,
                            UnitKind::Enterprise,
                            UnitKind::Group,
                        ] {
                            ui.selectable_value(
                                &mut unit.kind,
                                kind,
                                format::unit_kind(kind, lang),
                            );
                        }
                    })
                    .response
                    .accessible_name(fill(&t.unit_kind_of, &[("name", &label)]));
            });
        });
    }
}
