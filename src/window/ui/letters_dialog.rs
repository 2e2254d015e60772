//! File › Văn bản đôn đốc…: before anything is written, the meeting followed up, each lead
//! unit with its unfinished work (led, overdue, supported) — the letters that will be
//! written — the reply date (checked as it is typed: a date, not past) and PDF or Word.
//! "Chọn thư mục và viết…" hands the choice to the app, which asks for the folder and
//! writes the letters on a worker.

use jiff::civil::Date;

use crate::i18n::{Lang, fill};
use crate::interop::paper::ReportFormat;
use crate::model::{Dataset, MeetingId};
use crate::window::ui::{date_picker, theme};

/// The dialog's state between frames.
#[derive(Clone, Debug, PartialEq)]
pub struct LettersDialog {
    pub meeting: Option<MeetingId>,
    /// As typed, dd/mm/yyyy.
    pub reply_by: String,
    pub format: ReportFormat,
}

impl LettersDialog {
    /// The latest meeting, a reply in ten days, PDF.
    pub fn new(dataset: &Dataset, today: Date) -> LettersDialog {
        LettersDialog {
            meeting: dataset.latest_meeting().map(|m| m.id),
            reply_by: crate::format::date(crate::interop::chase::default_reply_date(today)),
            format: ReportFormat::Pdf,
        }
    }
}

/// What the official chose.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Write { meeting: MeetingId, reply_by: Date, format: ReportFormat },
    Cancel,
}

/// Draws the dialog.
pub fn show(
    ui: &mut egui::Ui,
    dialog: &mut LettersDialog,
    dataset: &Dataset,
    (lang, today): (Lang, Date),
) -> Option<Outcome> {
    let t = &lang.strings().chase;
    let mut outcome = None;
    ui.label(egui::RichText::new(&t.dialog_title).font(theme::bold(18.0)));
    let meeting_name = |id: MeetingId| {
        dataset
            .meeting(id)
            .map_or_else(String::new, |m| format!("{} — {}", crate::format::date(m.date), m.title))
    };
    crate::window::ui::field_row(ui, |ui| {
        let selected = dialog.meeting.map(meeting_name).unwrap_or_default();
        // The label before its list, as in the other dialogs; the list no wider than the
        // dialog, a long meeting title cut short (it widened the dialog past the window).
        let label = ui.label(&t.dialog_meeting);
        egui::ComboBox::from_id_salt("letters-meeting")
            .selected_text(selected)
            .width(ui.available_width().min(420.0))
            .truncate()
            .show_ui(ui, |ui| {
                let mut meetings: Vec<_> = dataset.meetings.iter().collect();
                meetings.sort_by_key(|m| std::cmp::Reverse((m.date, m.id)));
                for meeting in meetings {
                    ui.selectable_value(
                        &mut dialog.meeting,
                        Some(meeting.id),
                        meeting_name(meeting.id),
                    );
                }
            })
            .response
            .labelled_by(label.id);
    });
    let work = crate::interop::chase::open_work(dataset, dialog.meeting, today);
    ui.add_space(4.0);
    if work.is_empty() {
        ui.label(egui::RichText::new(&t.no_letters).color(theme::MUTED));
    } else {
        ui.label(fill(&t.dialog_units, &[("count", &work.len())]));
        egui::ScrollArea::vertical().max_height(260.0).auto_shrink([false, true]).show(ui, |ui| {
            for unit in &work {
                let line = fill(
                    &t.dialog_unit_line,
                    &[("unit", &unit.unit.name), ("counts", &unit.counts(today, lang))],
                );
                ui.label(line);
            }
        });
    }
    ui.add_space(6.0);
    let reply = crate::interop::chase::reply_date(&dialog.reply_by, today);
    crate::window::ui::field_row(ui, |ui| {
        let label = ui.label(&t.dialog_reply_by);
        ui.add(
            egui::TextEdit::singleline(&mut dialog.reply_by)
                .desired_width(date_picker::date_field_width(ui, date_picker::DATE_HINT))
                .hint_text(date_picker::DATE_HINT),
        )
        .labelled_by(label.id);
        ui.radio_value(&mut dialog.format, ReportFormat::Pdf, "PDF");
        ui.radio_value(&mut dialog.format, ReportFormat::Docx, "Word (.docx)");
    });
    if let Err(error) = reply {
        let words = match error {
            crate::interop::chase::ReplyDateError::NotADate => {
                fill(&t.bad_reply, &[("text", &dialog.reply_by.trim())])
            }
            crate::interop::chase::ReplyDateError::Past(date) => fill(
                &t.past_reply,
                &[("date", &crate::format::date(date)), ("today", &crate::format::date(today))],
            ),
        };
        ui.label(egui::RichText::new(words).color(theme::ERROR));
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ready = !work.is_empty() && reply.is_ok() && dialog.meeting.is_some();
        let label = fill(&t.dialog_write, &[("count", &work.len())]);
        if ui.add_enabled(ready, egui::Button::new(label)).clicked()
            && let (Ok(reply_by), Some(meeting)) = (reply, dialog.meeting)
        {
            outcome = Some(Outcome::Write { meeting, reply_by, format: dialog.format });
        }
        if ui.button(&lang.strings().app.cancel).clicked() {
            outcome = Some(Outcome::Cancel);
        }
    });
    outcome
}
