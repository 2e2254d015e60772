//! The print and export dialog: what goes into the report (sections, meeting, only open
//! directives, paper orientation) or which chart in which format. It edits the choices in
//! place and says when the user confirms or cancels.

use crate::chart::indicator_name;
use crate::export_job::{ExportChoices, ExportPurpose, FormatChoice, MeetingChoice};
use crate::format;
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::paper::{ChartKind, DPI_RANGE};
use crate::ui::theme;

/// What the user did with the dialog this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Go,
    Cancel,
}

/// Draws the dialog's contents.
pub fn show(
    ui: &mut egui::Ui,
    purpose: ExportPurpose,
    choices: &mut ExportChoices,
    dataset: &Dataset,
    lang: Lang,
) -> Option<Outcome> {
    let t = &lang.strings().export;
    let title = match purpose {
        ExportPurpose::Print => &t.print_title,
        ExportPurpose::ReportPdf => &t.pdf_title,
        ExportPurpose::Chart | ExportPurpose::Xlsx => &t.chart_title,
    };
    ui.label(egui::RichText::new(title).font(theme::bold(18.0)));
    ui.add_space(4.0);
    match purpose {
        ExportPurpose::Print | ExportPurpose::ReportPdf => {
            report_choices(ui, choices, dataset, lang)
        }
        ExportPurpose::Chart | ExportPurpose::Xlsx => chart_choices(ui, choices, dataset, lang),
    }
    if purpose == ExportPurpose::Print {
        ui.add_space(4.0);
        ui.label(egui::RichText::new(&t.print_hint).small().color(theme::MUTED));
    }
    ui.add_space(8.0);
    let mut outcome = None;
    ui.horizontal(|ui| {
        let go = match purpose {
            ExportPurpose::Print => &t.print_button,
            ExportPurpose::ReportPdf | ExportPurpose::Chart | ExportPurpose::Xlsx => &t.save_button,
        };
        let report = matches!(purpose, ExportPurpose::Print | ExportPurpose::ReportPdf);
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

fn report_choices(ui: &mut egui::Ui, choices: &mut ExportChoices, dataset: &Dataset, lang: Lang) {
    let t = &lang.strings().export;
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
    egui::ComboBox::from_id_salt("export-meeting")
        .width(480.0)
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
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(&t.orientation);
        ui.radio_value(&mut choices.landscape, false, &t.portrait);
        ui.radio_value(&mut choices.landscape, true, &t.landscape);
    });
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
