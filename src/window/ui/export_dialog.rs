//! The print and export dialog: the report's layout (the administrative one or the quick
//! print), its format (PDF or Word), what goes into it (sections, meeting, only open
//! directives, orientation of the quick print) and its letterhead; or which chart in which
//! format. It edits the choices in place and says when the user confirms or cancels, or
//! saves the letterhead.

use crate::format;
use crate::i18n::Lang;
use crate::interop::paper::{ChartKind, DPI_RANGE, Layout, ReportFormat};
use crate::model::{Dataset, Letterhead};
use crate::visual::chart::indicator_name;
use crate::window::jobs::export::{ExportChoices, ExportPurpose, FormatChoice, MeetingChoice};
use crate::window::ui::{letterhead_form, theme};

/// What the user did with the dialog this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Go,
    Cancel,
    /// Keep this letterhead in the file (`None`: back to the default); the dialog stays.
    Letterhead(Option<Box<Letterhead>>),
}

/// Draws the dialog's contents.
pub fn show(
    ui: &mut egui::Ui,
    purpose: ExportPurpose,
    choices: &mut ExportChoices,
    letterhead: &mut Option<letterhead_form::Form>,
    dataset: &Dataset,
    lang: Lang,
) -> Option<Outcome> {
    let t = &lang.strings().export;
    let title = match purpose {
        ExportPurpose::Print => &t.print_title,
        ExportPurpose::Report => &t.pdf_title,
        ExportPurpose::Chart | ExportPurpose::Xlsx => &t.chart_title,
    };
    ui.label(egui::RichText::new(title).font(theme::bold(18.0)));
    ui.add_space(4.0);
    // The letterhead form takes the dialog's place while it is open, so the dialog stays
    // the height of a small window.
    if let Some(form) = letterhead {
        let o = &lang.strings().official;
        ui.label(egui::RichText::new(&o.form_title).font(theme::bold(15.0)));
        let saved = letterhead_form::show(ui, form, dataset, lang);
        ui.add_space(6.0);
        // Back to the dialog it was opened from, by that dialog's own name ("Xuất báo cáo"
        // said "Quay lại hộp thoại in").
        let back = crate::i18n::fill(&o.form_back, &[("dialog", title)]);
        if ui.button(back).clicked() {
            *letterhead = None;
        }
        return saved.map(|letterhead_form::Outcome::Save(saved)| Outcome::Letterhead(saved));
    }
    let mut outcome = None;
    match purpose {
        ExportPurpose::Print | ExportPurpose::Report => {
            report_choices(ui, purpose, choices, dataset, lang);
            if choices.layout == Layout::Official {
                ui.add_space(6.0);
                if ui.button(&lang.strings().official.form_open).clicked() {
                    *letterhead = Some(letterhead_form::Form::new(dataset));
                }
            }
        }
        ExportPurpose::Chart | ExportPurpose::Xlsx => chart_choices(ui, choices, dataset, lang),
    }
    if purpose == ExportPurpose::Print {
        ui.add_space(4.0);
        ui.label(egui::RichText::new(&t.print_hint).small().color(theme::MUTED));
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let go = match purpose {
            ExportPurpose::Print => &t.print_button,
            ExportPurpose::Report | ExportPurpose::Chart | ExportPurpose::Xlsx => &t.save_button,
        };
        let report = matches!(purpose, ExportPurpose::Print | ExportPurpose::Report);
        let nothing_chosen = report && !any_section(choices);
        if ui.add_enabled(!nothing_chosen, egui::Button::new(go)).clicked() {
            outcome = Some(Outcome::Go);
        }
        if ui.button(&lang.strings().app.cancel).clicked() {
            outcome = Some(Outcome::Cancel);
        }
    });
    outcome
}

fn any_section(choices: &ExportChoices) -> bool {
    let s = choices.sections;
    s.figures || s.charts || s.directives || s.units
}

fn report_choices(
    ui: &mut egui::Ui,
    purpose: ExportPurpose,
    choices: &mut ExportChoices,
    dataset: &Dataset,
    lang: Lang,
) {
    let t = &lang.strings().export;
    let o = &lang.strings().official;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(&o.layout).font(theme::bold(15.0)));
        ui.radio_value(&mut choices.layout, Layout::Official, &o.layout_official);
        ui.radio_value(&mut choices.layout, Layout::Quick, &o.layout_quick);
    });
    if purpose == ExportPurpose::Report {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&o.format).font(theme::bold(15.0)));
            ui.radio_value(&mut choices.report_format, ReportFormat::Pdf, &o.format_pdf);
            // The quick print is a PDF only.
            ui.add_enabled_ui(choices.layout == Layout::Official, |ui| {
                ui.radio_value(&mut choices.report_format, ReportFormat::Docx, &o.format_docx);
            });
        });
    }
    ui.add_space(4.0);
    ui.label(egui::RichText::new(&t.sections).font(theme::bold(15.0)));
    let sections = &mut choices.sections;
    ui.checkbox(&mut sections.figures, &t.section_figures);
    ui.checkbox(&mut sections.charts, &t.section_charts);
    ui.checkbox(&mut sections.directives, &t.section_directives);
    ui.checkbox(&mut sections.units, &t.section_units);
    ui.add_space(6.0);

    let meeting_label = |choice: MeetingChoice| match choice {
        MeetingChoice::All => lang.strings().directives.all_meetings.clone(),
        MeetingChoice::Latest => match dataset.latest_meeting() {
            Some(meeting) => meeting_line(meeting),
            None => lang.strings().overview.no_meeting.clone(),
        },
        MeetingChoice::Meeting(id) => dataset.meeting(id).map(meeting_line).unwrap_or_default(),
    };
    let label = ui.label(&t.meeting);
    // As wide as the dialog: a meeting's title is long, and it was cut with room to spare.
    egui::ComboBox::from_id_salt("export-meeting")
        .width(ui.available_width().max(200.0))
        .truncate()
        .selected_text(meeting_label(choices.meeting))
        .show_ui(ui, |ui| {
            ui.selectable_value(
                &mut choices.meeting,
                MeetingChoice::All,
                meeting_label(MeetingChoice::All),
            );
            let mut meetings: Vec<_> = dataset.meetings.iter().collect();
            meetings.sort_by_key(|m| std::cmp::Reverse(m.date));
            for meeting in meetings {
                let choice = MeetingChoice::Meeting(meeting.id);
                let selected = choices.meeting == choice
                    || (choices.meeting == MeetingChoice::Latest
                        && dataset.latest_meeting().map(|m| m.id) == Some(meeting.id));
                if ui.selectable_label(selected, meeting_line(meeting)).clicked() {
                    choices.meeting = choice;
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.checkbox(&mut choices.open_only, &t.open_only);
    // The administrative layout sets its appendix on its side by itself.
    if choices.layout == Layout::Quick {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label(&t.orientation);
            ui.radio_value(&mut choices.landscape, false, &t.portrait);
            ui.radio_value(&mut choices.landscape, true, &t.landscape);
        });
    }
}

fn meeting_line(meeting: &crate::model::Meeting) -> String {
    format!("{} — {}", format::date(meeting.date), meeting.title)
}

/// The name of a chart in the dialog: the product's own name from the file.
fn chart_name(kind: &ChartKind, dataset: &Dataset, lang: Lang) -> String {
    let charts = &lang.strings().charts;
    match kind {
        ChartKind::Product(id) => dataset
            .indicator(id)
            .map_or_else(|| id.to_owned(), |i| indicator_name(i, lang).to_owned()),
        ChartKind::Growth => charts.growth_title.clone(),
        ChartKind::Zones => charts.zones_title.clone(),
    }
}

fn chart_choices(ui: &mut egui::Ui, choices: &mut ExportChoices, dataset: &Dataset, lang: Lang) {
    let t = &lang.strings().export;
    let label = ui.label(&t.chart);
    egui::ComboBox::from_id_salt("export-chart")
        .width(420.0)
        .selected_text(chart_name(&choices.chart, dataset, lang))
        .show_ui(ui, |ui| {
            for kind in ChartKind::all(dataset) {
                let name = chart_name(&kind, dataset, lang);
                ui.selectable_value(&mut choices.chart, kind, name);
            }
        })
        .response
        .labelled_by(label.id);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(&t.format);
        ui.radio_value(&mut choices.format, FormatChoice::Pdf, "PDF");
        ui.radio_value(&mut choices.format, FormatChoice::Svg, "SVG");
        ui.radio_value(&mut choices.format, FormatChoice::Png, "PNG");
    });
    if choices.format == FormatChoice::Png {
        ui.horizontal(|ui| {
            let label = ui.label(&t.dpi);
            ui.add(egui::DragValue::new(&mut choices.dpi).range(DPI_RANGE).speed(5))
                .labelled_by(label.id);
        });
    }
}
