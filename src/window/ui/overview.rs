//! Tổng quan: one meeting (the latest unless another is chosen above it), its card (its
//! details editable), and the figures of the reporting period it reviewed — small charts
//! up to that period, the table of that period's figures and the same period a year
//! before, their sources — or, when the file has none for it, a plain word that says so.

use egui_extras::{Column, TableBuilder};

use crate::editing::action::Action;
use crate::format;
use crate::i18n::fill;
use crate::interop::paper::ChartKind;
use crate::model::{Basis, Dataset, Indicator, Meeting, MeetingId, Observation, Period};
use crate::visual::chart::indicator_name;
use crate::window::clipboard::ClipTable;
use crate::window::ui::charts::{self, PlotControls, Size};
use crate::window::ui::record_forms::{MeetingDraft, meeting_form};
use crate::window::ui::{View, card, heading, theme};

/// What the tab remembers between frames.
#[derive(Debug, Default)]
pub struct State {
    /// The meeting's details being edited.
    draft: Option<MeetingDraft>,
    error: Option<String>,
    /// The meeting chosen above the card; `None` follows the latest (a meeting added later
    /// then shows).
    pub meeting: Option<MeetingId>,
}

/// Below this width the card and the charts stack.
const SIDE_BY_SIDE_AT_LEAST: f32 = 860.0;
/// The narrowest a small chart gets when the charts wrap.
const SMALL_CHART_AT_LEAST: f32 = 300.0;

/// The meeting the tab shows: the one chosen, while the file has it, else the latest.
fn shown_meeting<'a>(dataset: &'a Dataset, state: &State) -> Option<&'a Meeting> {
    state.meeting.and_then(|id| dataset.meeting(id)).or_else(|| dataset.latest_meeting())
}

/// Whether the table shows a figure of `period` beside `meeting`: those of the period it
/// reviewed and of the same period a year before; when the file has no figures of the
/// period it reviewed, those that ended before it (said so above them).
fn shows(period: Period, reviewed: Option<Period>, meeting: Option<&Meeting>) -> bool {
    match (reviewed, meeting) {
        (Some(reviewed), _) => period == reviewed || period == reviewed.same_period_last_year(),
        (None, Some(meeting)) => ended_before(period, meeting),
        (None, None) => true,
    }
}

/// Whether `period` ended before the month of `meeting`.
fn ended_before(period: Period, meeting: &Meeting) -> bool {
    let ended = (i32::from(period.year()), i32::from(period.month_span().1));
    ended < (i32::from(meeting.date.year()), i32::from(meeting.date.month()))
}

/// Draws the overview tab.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut State, actions: &mut Vec<Action>) {
    let meeting = shown_meeting(view.dataset, state);
    let reviewed = meeting.and_then(|m| view.dataset.reviewed_period(m));
    let t = &view.lang.strings().overview;
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        meeting_choice(ui, view, state, meeting);
        if let (None, Some(meeting)) = (reviewed, meeting) {
            let date = format::date(meeting.date);
            ui.label(
                egui::RichText::new(fill(&t.no_reviewed_figures, &[("date", &date)]))
                    .color(theme::DUE_SOON),
            );
        }
        let width = ui.available_width();
        let top_down = egui::Layout::top_down(egui::Align::Min);
        let mut card_ui = |ui: &mut egui::Ui| match &mut state.draft {
            Some(draft) => {
                if meeting_form(ui, draft, &mut state.error, (view.lang, view.today), actions) {
                    state.draft = None;
                }
            }
            None => meeting_card(ui, view, meeting, &mut state.draft, &mut state.error),
        };
        if width < SIDE_BY_SIDE_AT_LEAST {
            // Half a screen: the card, then the charts below it, as many to a line as fit
            // (beside the card, the third was cut off).
            card_ui(ui);
            ui.add_space(8.0);
            let per_line = ((width - 16.0) / SMALL_CHART_AT_LEAST).floor().max(1.0);
            let chart_width = (width - 16.0) / per_line - ui.spacing().item_spacing.x;
            // Rows of charts with their tops in line: a wrapped layout centred each chart
            // on its row, so one a line shorter (a notice instead of bars) stood lower.
            let charts = view.charts.products.len();
            for row in (0..charts).step_by(per_line as usize) {
                ui.horizontal_top(|ui| {
                    for index in row..(row + per_line as usize).min(charts) {
                        ui.allocate_ui_with_layout(egui::vec2(chart_width, 0.0), top_down, |ui| {
                            ui.set_width(chart_width);
                            small_charts(ui, view, reviewed, meeting, index..index + 1);
                        });
                    }
                });
            }
        } else {
            ui.horizontal_top(|ui| {
                // The meeting on the left, the three product charts small on the right.
                let card_width = (width * 0.56).max(360.0);
                ui.allocate_ui_with_layout(egui::vec2(card_width, 0.0), top_down, |ui| {
                    ui.set_width(card_width);
                    card_ui(ui);
                });
                // Leave room for the scroll bar.
                let rest = ui.available_width() - 16.0;
                ui.allocate_ui_with_layout(egui::vec2(rest, 0.0), top_down, |ui| {
                    ui.set_width(rest);
                    small_charts(ui, view, reviewed, meeting, 0..view.charts.products.len());
                });
            });
        }
        ui.add_space(8.0);
        let title = match reviewed {
            Some(period) => {
                fill(&t.figures_of, &[("period", &format::period_long(period, view.lang))])
            }
            None => t.figures.clone(),
        };
        let shown = |period| shows(period, reviewed, meeting);
        ui.horizontal(|ui| {
            heading(ui, &title);
            crate::window::ui::copy_table(ui, &title, view, || figures_clip(view, &shown));
        });
        // Sideways when the window is narrower than its columns (half a screen).
        egui::ScrollArea::horizontal().id_salt("figures-sideways").show(ui, |ui| {
            figures_table(ui, view, &shown);
        });
        ui.add_space(4.0);
        ui.label(
            egui::RichText::new(format!("{}: {}", t.source, sources(view.dataset, &shown)))
                .small()
                .color(theme::MUTED),
        );
    });
}

/// "Cuộc họp: [15/07/2019 — …]": the latest by default, any other of the file's meetings.
fn meeting_choice(ui: &mut egui::Ui, view: &View, state: &mut State, shown: Option<&Meeting>) {
    let t = &view.lang.strings().overview;
    if view.dataset.meetings.len() < 2 {
        return;
    }
    let name = |m: &Meeting| format!("{} — {}", format::date(m.date), m.title);
    ui.horizontal(|ui| {
        let caption = ui.label(egui::RichText::new(&t.meeting).font(theme::bold(15.0)));
        let latest = view.dataset.latest_meeting().map(name).unwrap_or_default();
        let latest = fill(&t.latest_meeting, &[("meeting", &latest)]);
        let selected = match state.meeting {
            None => latest.clone(),
            Some(_) => shown.map(name).unwrap_or_default(),
        };
        let mut meetings: Vec<&Meeting> = view.dataset.meetings.iter().collect();
        meetings.sort_by_key(|m| std::cmp::Reverse((m.date, m.id)));
        egui::ComboBox::from_id_salt("overview-meeting")
            .selected_text(selected)
            .width((ui.available_width() - 16.0).min(520.0))
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.meeting, None, latest);
                for meeting in meetings {
                    ui.selectable_value(&mut state.meeting, Some(meeting.id), name(meeting));
                }
            })
            .response
            .labelled_by(caption.id);
    });
}

/// Where the figures shown come from: their sources as reported (figures computed from
/// others name none of their own), else the file's.
fn sources(dataset: &Dataset, shown: &dyn Fn(Period) -> bool) -> String {
    let mut sources: Vec<&str> = Vec::new();
    for observation in dataset.indicators.iter().flat_map(|i| &i.observations) {
        let source = observation.source_ref.trim();
        if shown(observation.period)
            && observation.basis == Basis::Reported
            && !source.is_empty()
            && !sources.contains(&source)
        {
            sources.push(source);
        }
    }
    if sources.is_empty() { dataset.source.clone() } else { sources.join("; ") }
}

fn meeting_card(
    ui: &mut egui::Ui,
    view: &View,
    meeting: Option<&Meeting>,
    draft: &mut Option<MeetingDraft>,
    error: &mut Option<String>,
) {
    let t = &view.lang.strings().overview;
    let Some(meeting) = meeting else {
        ui.label(&t.no_meeting);
        return;
    };
    card(ui, |ui| {
        let width = ui.available_width();
        ui.label(egui::RichText::new(&meeting.title).font(theme::bold(20.0)));
        let edit = &view.lang.strings().record_forms.edit_meeting;
        if ui.small_button(edit).clicked() {
            *draft = Some(MeetingDraft::edit(meeting));
            *error = None;
        }
        ui.add_space(4.0);
        egui::Grid::new("meeting").num_columns(2).spacing([16.0, 6.0]).show(ui, |ui| {
            let mut row = |label: &str, value: String| {
                ui.label(egui::RichText::new(label).font(theme::bold(15.0)));
                // Long values wrap inside the card instead of pushing the charts away.
                ui.scope(|ui| {
                    ui.set_max_width(width * 0.72);
                    ui.add(egui::Label::new(value).wrap());
                });
                ui.end_row();
            };
            row(&t.date, format::date(meeting.date));
            row(&t.chair, meeting.chair.clone());
            row(&t.attendees, meeting.attendees.join("\n"));
            if !meeting.reporting_body.is_empty() {
                row(&t.reporting_body, meeting.reporting_body.clone());
            }
        });
        bullets(ui, &t.topics, &meeting.topics);
        bullets(ui, &t.assessment, &meeting.assessment);
    });
}

/// The products' charts, up to the period the meeting reviewed (or, with none, to the
/// meeting's month).
fn small_charts(
    ui: &mut egui::Ui,
    view: &View,
    reviewed: Option<Period>,
    meeting: Option<&Meeting>,
    which: std::ops::Range<usize>,
) {
    // Small charts never move: drag and zoom live in the Sản lượng tab.
    let still = PlotControls::default();
    let until = |period: Period| match (reviewed, meeting) {
        (Some(reviewed), _) => period.sort_key() <= reviewed.sort_key(),
        (None, Some(meeting)) => ended_before(period, meeting),
        (None, None) => true,
    };
    for chart in &view.charts.products[which] {
        let chart = chart.until(until);
        let colour = theme::product_colour(&chart.indicator_id);
        let kind = ChartKind::Product(chart.indicator_id.clone());
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&chart.title).font(theme::bold(14.0)).color(colour));
            if !chart.bars.is_empty() {
                crate::window::ui::copy_chart_button(ui, kind.clone(), &chart.title, view);
            }
        });
        if chart.bars.is_empty() {
            ui.label(
                egui::RichText::new(chart.notice.as_deref().unwrap_or_default())
                    .small()
                    .color(theme::MUTED),
            );
            continue;
        }
        // As many of the latest periods as their labels have room for (about 110 points
        // each); the Sản lượng tab shows them all.
        let room = ((ui.available_width() / 110.0) as usize).clamp(2, 8);
        let shown = chart.latest(room);
        let small = Size::Small { height: 130.0 };
        let plot = charts::product_bars(ui, &shown, small, &still, view.lang);
        crate::window::ui::copy_chart_menu(&plot, kind, &chart.title, view);
    }
}

fn bullets(ui: &mut egui::Ui, title: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(title).font(theme::bold(15.0)));
    for line in lines {
        ui.horizontal_wrapped(|ui| {
            ui.label("•");
            ui.label(line);
        });
    }
}

/// The observations `shown` keeps, one row each: value with its qualifier, change,
/// period, basis and status. Derived rows are greyed and say so.
fn figures_table(ui: &mut egui::Ui, view: &View, shown: &dyn Fn(Period) -> bool) {
    let rows: Vec<(&Indicator, &Observation)> = view
        .dataset
        .indicators
        .iter()
        .flat_map(|indicator| indicator.observations.iter().map(move |o| (indicator, o)))
        .filter(|(_, o)| shown(o.period))
        .collect();
    TableBuilder::new(ui)
        .id_salt("figures")
        .striped(true)
        .vscroll(false)
        // Widths that fit the built-in figures, so the columns do not jump as rows scroll
        // into view (only visible rows are measured); longer texts still widen them.
        .column(Column::auto().at_least(265.0))
        .column(Column::auto().at_least(80.0))
        .column(Column::auto().at_least(170.0))
        .column(Column::auto().at_least(108.0))
        .column(Column::auto().at_least(92.0))
        .column(Column::auto().at_least(163.0))
        .column(Column::remainder())
        .header(24.0, |mut header| {
            for title in figure_headers(view.lang) {
                header.col(|ui| {
                    ui.add(
                        egui::Label::new(egui::RichText::new(title).font(theme::bold(15.0)))
                            .extend(),
                    );
                });
            }
        })
        .body(|body| {
            // Only the rows inside the window are laid out: decades of monthly figures are
            // thousands of rows, and the tab must stay one frame's work.
            body.rows(24.0, rows.len(), |mut row| {
                let (indicator, observation) = rows[row.index()];
                let lang = view.lang;
                let derived = observation.basis == Basis::Derived;
                let text = |s: String| {
                    let text = egui::RichText::new(s);
                    if derived { text.italics().color(theme::DERIVED) } else { text }
                };
                for cell in figure_cells(indicator, observation, lang) {
                    row.col(|ui| {
                        ui.add(egui::Label::new(text(cell)).extend())
                            .on_hover_text(&observation.source_ref);
                    });
                }
            });
        });
}

/// The figures table's column titles.
fn figure_headers(lang: crate::i18n::Lang) -> [&'static String; 7] {
    let t = &lang.strings().figures;
    [&t.indicator, &t.period, &t.value, &t.qualifier, &t.change, &t.basis, &t.status]
}

/// One figure's cells, as the table shows them and "Sao chép bảng" copies them.
fn figure_cells(
    indicator: &Indicator,
    observation: &Observation,
    lang: crate::i18n::Lang,
) -> [String; 7] {
    [
        indicator_name(indicator, lang).to_owned(),
        format::period_short(observation.period, lang),
        format::qualified_quantity(observation.value, observation.qualifier, &indicator.unit, lang),
        format::qualifier_name(observation.qualifier, lang).to_owned(),
        observation.change.map(|c| format::change(c, lang)).unwrap_or_default(),
        format::basis(observation.basis, lang).to_owned(),
        format::figure_status(observation.status, lang).to_owned(),
    ]
}

/// The figures shown, as "Sao chép bảng" copies the table.
fn figures_clip(view: &View, shown: &dyn Fn(Period) -> bool) -> ClipTable {
    ClipTable {
        headers: figure_headers(view.lang).map(String::clone).to_vec(),
        rows: view
            .dataset
            .indicators
            .iter()
            .flat_map(|indicator| {
                indicator
                    .observations
                    .iter()
                    .filter(|o| shown(o.period))
                    .map(move |o| figure_cells(indicator, o, view.lang).to_vec())
            })
            .collect(),
    }
}
