//! The figures of one product as an editable table, under its chart: add a period's
//! figure, edit or delete one, each as one undo step. Values are typed the Vietnamese way
//! or the English way (`crate::format::input`); a bad field is refused with its reason and nothing
//! is applied. Beside each reported change the table shows the change its two periods
//! imply, flags a gap over half a point, and offers to fill a missing previous-year value as
//! derived; a derived value follows when the figure it was derived from is edited.

use egui_extras::{Column, TableBuilder};

use crate::editing::action::Action;
use crate::format::input::{parse_number, plain_number};
use crate::format::{self, Scale};
use crate::i18n::{Lang, fill};
use crate::model::{
    Basis, Change, FigureStatus, Indicator, Observation, Period, PeriodShape, Qualifier,
};
use crate::visual::chart::implied_change;
use crate::window::ui::theme;

/// A gap between the reported and the implied change above this (in points) is flagged.
const MISMATCH_POINTS: f64 = 0.5;

/// What the editor remembers between frames.
#[derive(Debug, Default)]
pub struct State {
    draft: Option<Draft>,
    /// Why the last save was refused, shown under the form.
    error: Option<String>,
    /// The form was just opened: bring it into view once.
    reveal: bool,
}

/// A figure being typed: the fields as text until it is saved.
#[derive(Clone, Debug)]
struct Draft {
    indicator: String,
    /// The period of the figure being edited; `None` for a new one.
    original: Option<Period>,
    kind: PeriodShape,
    year: String,
    /// The month, quarter or number of months, as the kind needs.
    part: u8,
    value: String,
    scale: Scale,
    qualifier: Qualifier,
    change: String,
    change_qualifier: Qualifier,
    basis: Basis,
    status: FigureStatus,
    source: String,
}

impl Draft {
    /// A new figure: the period after the latest one of the same kind, a year on.
    fn new(indicator: &Indicator) -> Draft {
        let latest = indicator.observations.iter().map(|o| o.period).max_by_key(|p| p.sort_key());
        let period = latest.map_or(Period::FirstMonths { year: 2020, months: 6 }, next_year);
        let mut draft = Draft::empty(indicator, period);
        draft.scale = latest_scale(indicator);
        draft
    }

    fn empty(indicator: &Indicator, period: Period) -> Draft {
        let (kind, part) = PeriodShape::of(period);
        Draft {
            indicator: indicator.id.clone(),
            original: None,
            kind,
            year: period.year().to_string(),
            part,
            value: String::new(),
            scale: Scale::ONE,
            qualifier: Qualifier::Exact,
            change: String::new(),
            change_qualifier: Qualifier::Exact,
            basis: Basis::Reported,
            status: FigureStatus::Estimate,
            source: String::new(),
        }
    }

    /// The form filled with an existing figure, its value in the scale it reads best in.
    fn edit(indicator: &Indicator, observation: &Observation, lang: Lang) -> Draft {
        let mut draft = Draft::empty(indicator, observation.period);
        draft.original = Some(observation.period);
        draft.scale = Scale::for_value(observation.value);
        draft.value = plain_number(observation.value / draft.scale.divisor, lang);
        draft.qualifier = observation.qualifier;
        if let Some(change) = observation.change {
            draft.change = plain_number(change.percent, lang);
            draft.change_qualifier = change.qualifier;
        }
        draft.basis = observation.basis;
        draft.status = observation.status;
        draft.source = observation.source_ref.clone();
        draft
    }

    fn period(&self, lang: Lang) -> Result<Period, String> {
        let t = &lang.strings().figures_editor;
        let year: i16 = self
            .year
            .trim()
            .parse()
            .ok()
            .filter(|y| (1900..=2100).contains(y))
            .ok_or_else(|| fill(&t.bad_year, &[("text", &self.year)]))?;
        let part = match self.kind.parts() {
            Some(parts) => self.part.clamp(*parts.start(), *parts.end()),
            None => 0,
        };
        Ok(self.kind.period(year, part))
    }

    /// The edit the form asks for, or why it can't be made. A changed period moves the
    /// figure; a derived previous-year figure is recomputed from the new value and change.
    fn to_action(&self, indicator: &Indicator, lang: Lang) -> Result<Action, String> {
        let t = &lang.strings().figures_editor;
        let period = self.period(lang)?;
        let value = parse_number(&self.value, lang)
            .map_err(|e| format!("{}: {}", t.value, e.describe(&self.value, lang)))?
            * self.scale.divisor;
        if value < 0.0 {
            return Err(format!("{}: {}", t.value, t.negative));
        }
        let change = match self.change.trim().trim_end_matches('%').trim() {
            "" => None,
            text => Some(Change {
                percent: parse_number(text, lang)
                    .map_err(|e| format!("{}: {}", t.change, e.describe(text, lang)))?,
                qualifier: self.change_qualifier,
            }),
        };
        if self.original != Some(period) && indicator.observation(period).is_some() {
            let period = format::period_in_sentence(period, lang);
            return Err(fill(&t.duplicate_period, &[("period", &period)]));
        }
        let observation = Observation {
            period,
            value,
            qualifier: self.qualifier,
            change,
            basis: self.basis,
            status: self.status,
            source_ref: self.source.trim().to_owned(),
        };
        let mut actions = Vec::new();
        if let Some(original) = self.original.filter(|p| *p != period) {
            actions.push(Action::RemoveObservation {
                indicator: indicator.id.clone(),
                period: original,
            });
        }
        let before = indicator.observation(period.same_period_last_year());
        if let Some(previous) = before.filter(|o| o.basis == Basis::Derived)
            && let Some(derived) = derive_previous(&observation, previous.status, lang)
        {
            // Its input changed: the derived figure follows.
            actions.push(put(&indicator.id, derived));
        }
        actions.push(put(&indicator.id, observation));
        Ok(if actions.len() == 1 { actions.remove(0) } else { Action::Batch(actions) })
    }
}

fn put(indicator: &str, observation: Observation) -> Action {
    Action::PutObservation { indicator: indicator.to_owned(), observation: Box::new(observation) }
}

fn next_year(period: Period) -> Period {
    match period {
        Period::Month { year, month } => Period::Month { year: year + 1, month },
        Period::Quarter { year, quarter } => Period::Quarter { year: year + 1, quarter },
        Period::FirstMonths { year, months } => Period::FirstMonths { year: year + 1, months },
        Period::Year { year } => Period::Year { year: year + 1 },
    }
}

fn latest_scale(indicator: &Indicator) -> Scale {
    let latest = indicator.observations.iter().max_by_key(|o| o.period.sort_key());
    latest.map_or(Scale::ONE, |o| Scale::for_value(o.value))
}

/// Last year's figure implied by this year's value and its change, marked derived.
fn derive_previous(after: &Observation, status: FigureStatus, lang: Lang) -> Option<Observation> {
    let change = after.change?;
    let factor = 1.0 + change.percent / 100.0;
    if factor <= 0.0 {
        return None;
    }
    let t = &lang.strings().figures_editor;
    let source = fill(
        &t.derived_source,
        &[
            ("period", &format::period_long(after.period, lang)),
            ("change", &format::change(change, lang)),
        ],
    );
    Some(Observation {
        period: after.period.same_period_last_year(),
        value: (after.value / factor * 10.0).round() / 10.0,
        qualifier: Qualifier::About,
        change: None,
        basis: Basis::Derived,
        status,
        source_ref: source,
    })
}

/// Draws the table and, when one is open, the form; edits go to `actions`.
pub fn show(
    ui: &mut egui::Ui,
    indicator: &Indicator,
    state: &mut State,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    let t = &lang.strings().figures_editor;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(&t.title).font(theme::bold(17.0)));
        if ui.button(&t.add).clicked() {
            state.draft = Some(Draft::new(indicator));
            state.error = None;
            state.reveal = true;
        }
    });
    if let Some(draft) = state.draft.as_mut().filter(|d| d.indicator == indicator.id) {
        let mut close = false;
        crate::window::ui::card(ui, |ui| match form(ui, draft, &indicator.unit, lang) {
            Some(true) => match draft.to_action(indicator, lang) {
                Ok(action) => {
                    actions.push(action);
                    close = true;
                }
                Err(message) => {
                    state.error = Some(message);
                    // Scrolled to below: under a long form it was out of view.
                    state.reveal = true;
                }
            },
            Some(false) => close = true,
            None => {}
        });
        if close {
            state.draft = None;
            state.error = None;
        } else if let Some(error) = &state.error {
            ui.label(egui::RichText::new(error).color(theme::ERROR));
        }
        if std::mem::take(&mut state.reveal) {
            ui.scroll_to_cursor(Some(egui::Align::Max));
        }
    }
    // Sideways too: in half a screen the right-hand columns were cut off, out of reach.
    egui::ScrollArea::horizontal()
        .id_salt(("figures-table-sideways", &indicator.id))
        .show(ui, |ui| table(ui, indicator, state, lang, actions));
}

/// The form; `Some(true)` when saved, `Some(false)` when cancelled.
fn form(ui: &mut egui::Ui, draft: &mut Draft, unit: &str, lang: Lang) -> Option<bool> {
    let t = &lang.strings().figures_editor;
    let words = &lang.strings().words;
    let title = match draft.original {
        Some(period) => {
            fill(&t.edit_title, &[("period", &format::period_in_sentence(period, lang))])
        }
        None => t.new_title.clone(),
    };
    ui.label(egui::RichText::new(title).font(theme::bold(15.0)));
    egui::Grid::new(("figure-form", &draft.indicator)).num_columns(2).spacing([12.0, 6.0]).show(
        ui,
        |ui| {
            let label = ui.label(&t.period_kind);
            egui::ComboBox::from_id_salt("figure-kind")
                .selected_text(format::period_shape(draft.kind, lang))
                .show_ui(ui, |ui| {
                    for kind in PeriodShape::ALL {
                        let name = format::period_shape(kind, lang);
                        if ui.selectable_value(&mut draft.kind, kind, name).clicked() {
                            // Half-years are what new figures most often are.
                            draft.part = match kind {
                                PeriodShape::FirstMonths => 6,
                                _ => kind.parts().map_or(0, |parts| *parts.start()),
                            };
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(&t.year);
            ui.add(egui::TextEdit::singleline(&mut draft.year).desired_width(80.0))
                .labelled_by(label.id);
            ui.end_row();

            let part_name = match draft.kind {
                PeriodShape::Month => &t.month,
                PeriodShape::Quarter => &t.quarter,
                PeriodShape::FirstMonths | PeriodShape::Year => &t.first_months,
            };
            let part = draft.kind.parts().map(|range| (part_name, range));
            if let Some((name, range)) = part {
                let label = ui.label(name);
                ui.add(egui::DragValue::new(&mut draft.part).range(range)).labelled_by(label.id);
                ui.end_row();
            }

            let label = ui.label(&t.value);
            crate::window::ui::beside(ui, |ui| {
                ui.add(egui::TextEdit::singleline(&mut draft.value).desired_width(140.0))
                    .labelled_by(label.id);
                egui::ComboBox::from_id_salt("figure-scale")
                    .selected_text(draft.scale.unit(unit, lang))
                    .show_ui(ui, |ui| {
                        for scale in Scale::ALL {
                            let name = scale.unit(unit, lang);
                            ui.selectable_value(&mut draft.scale, scale, name);
                        }
                    })
                    .response
                    .on_hover_text(&t.scale);
            });
            ui.end_row();

            qualifier_row(ui, &t.qualifier, "figure-qualifier", &mut draft.qualifier, lang);

            let label = ui.label(&t.change);
            crate::window::ui::beside(ui, |ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut draft.change)
                        .desired_width(260.0)
                        .hint_text(&t.change_hint),
                )
                .labelled_by(label.id);
                ui.label("%");
            });
            ui.end_row();
            qualifier_row(
                ui,
                &t.change_qualifier,
                "figure-change-qualifier",
                &mut draft.change_qualifier,
                lang,
            );

            let label = ui.label(&t.basis);
            crate::window::ui::beside(ui, |ui| {
                ui.radio_value(&mut draft.basis, Basis::Reported, &words.reported)
                    .labelled_by(label.id);
                ui.radio_value(&mut draft.basis, Basis::Derived, &words.derived);
            });
            ui.end_row();

            let label = ui.label(&t.status);
            crate::window::ui::beside(ui, |ui| {
                for status in
                    [FigureStatus::Estimate, FigureStatus::Preliminary, FigureStatus::Official]
                {
                    ui.radio_value(&mut draft.status, status, format::figure_status(status, lang))
                        .labelled_by(label.id);
                }
            });
            ui.end_row();

            let label = ui.label(&t.source);
            ui.add(egui::TextEdit::singleline(&mut draft.source).desired_width(420.0))
                .labelled_by(label.id);
            ui.end_row();
        },
    );
    let mut outcome = None;
    ui.horizontal(|ui| {
        if ui.button(&t.save).clicked() {
            outcome = Some(true);
        }
        if ui.button(&lang.strings().app.cancel).clicked() {
            outcome = Some(false);
        }
    });
    outcome
}

/// A grid row: `name`, then a choice of qualifier.
pub fn qualifier_row(ui: &mut egui::Ui, name: &str, id: &str, value: &mut Qualifier, lang: Lang) {
    let label = ui.label(name);
    egui::ComboBox::from_id_salt(id)
        .selected_text(format::qualifier_name(*value, lang))
        .show_ui(ui, |ui| {
            for qualifier in Qualifier::ALL {
                ui.selectable_value(value, qualifier, format::qualifier_name(qualifier, lang));
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
}

fn table(
    ui: &mut egui::Ui,
    indicator: &Indicator,
    state: &mut State,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    let t = &lang.strings().figures_editor;
    let f = &lang.strings().figures;
    if indicator.observations.is_empty() {
        ui.label(&f.no_figures);
        return;
    }
    // Newest first, as officials read a series.
    let rows: Vec<&Observation> = indicator.observations.iter().rev().collect();
    let titles = [&f.period, &f.value, &f.change, &t.implied, &f.basis, &f.status, &t.actions];
    // Each column opens at least as wide as its title, so none reads "Tình trạng số …"
    // (the titles are longer in Vietnamese); it can still be narrowed by hand.
    let title_width = |title: &str| {
        let font = theme::bold(14.0);
        let width = ui
            .fonts_mut(|f| f.layout_no_wrap(title.to_owned(), font, egui::Color32::BLACK).size().x);
        (width + 2.0 * ui.spacing().item_spacing.x + 4.0).ceil()
    };
    let widths: Vec<f32> = titles.iter().map(|title| title_width(title)).collect();
    let opening = |index: usize, initial: f32| initial.max(widths[index]);
    TableBuilder::new(ui)
        .id_salt(("figures-table", &indicator.id))
        .striped(true)
        .vscroll(true)
        .max_scroll_height(360.0)
        .column(Column::initial(opening(0, 170.0)).at_least(120.0).clip(true).resizable(true))
        .column(Column::initial(opening(1, 190.0)).at_least(120.0).clip(true).resizable(true))
        .column(Column::initial(opening(2, 100.0)).at_least(80.0).clip(true).resizable(true))
        .column(Column::initial(opening(3, 230.0)).at_least(120.0).clip(true).resizable(true))
        .column(Column::initial(opening(4, 190.0)).at_least(100.0).clip(true).resizable(true))
        .column(Column::initial(opening(5, 110.0)).at_least(80.0).clip(true).resizable(true))
        .column(Column::remainder().at_least(opening(6, 120.0)))
        .header(24.0, |mut header| {
            for title in titles {
                header.col(|ui| {
                    let text = egui::RichText::new(title).font(theme::bold(14.0));
                    ui.add(egui::Label::new(text).truncate()).on_hover_text(title);
                });
            }
        })
        .body(|body| {
            body.rows(26.0, rows.len(), |mut row| {
                let observation = rows[row.index()];
                let period_name = format::period_long(observation.period, lang);
                let derived = observation.basis == Basis::Derived;
                let styled = |text: String| {
                    let text = egui::RichText::new(text);
                    if derived { text.italics().color(theme::DERIVED) } else { text }
                };
                row.col(|ui| {
                    ui.add(egui::Label::new(styled(period_name.clone())).truncate());
                });
                row.col(|ui| {
                    let value = format::qualified_quantity(
                        observation.value,
                        observation.qualifier,
                        &indicator.unit,
                        lang,
                    );
                    ui.add(egui::Label::new(styled(value)).truncate())
                        .on_hover_text(&observation.source_ref);
                });
                row.col(|ui| {
                    let change = observation.change.map(|c| format::change(c, lang));
                    ui.label(styled(change.unwrap_or_default()));
                });
                row.col(|ui| consistency(ui, indicator, observation, lang, actions));
                row.col(|ui| {
                    let basis = styled(format::basis(observation.basis, lang).to_owned());
                    ui.add(egui::Label::new(basis).truncate());
                });
                row.col(|ui| {
                    let status = styled(format::figure_status(observation.status, lang).to_owned());
                    ui.add(egui::Label::new(status).truncate());
                });
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        let in_sentence = format::period_in_sentence(observation.period, lang);
                        let edit = fill(&t.edit_label, &[("period", &in_sentence)]);
                        let button = ui.small_button(&t.edit).on_hover_text(&edit);
                        if button.accessible_name(edit).clicked() {
                            state.draft = Some(Draft::edit(indicator, observation, lang));
                            state.error = None;
                            // The form opens above the table, out of view under a long one.
                            state.reveal = true;
                        }
                        let delete = fill(&t.delete_label, &[("period", &in_sentence)]);
                        let button = ui.small_button(&t.delete).on_hover_text(&delete);
                        if button.accessible_name(delete).clicked() {
                            actions.push(Action::RemoveObservation {
                                indicator: indicator.id.clone(),
                                period: observation.period,
                            });
                        }
                    });
                });
            });
        });
}

/// The change the two periods' values imply, flagged when it differs from the reported
/// one; or the offer to fill last year's missing value from this year's change.
fn consistency(
    ui: &mut egui::Ui,
    indicator: &Indicator,
    observation: &Observation,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    let t = &lang.strings().figures_editor;
    let before = indicator.observation(observation.period.same_period_last_year());
    match (before, observation.change) {
        (Some(before), reported) => {
            let Some(implied) = implied_change(before, observation) else { return };
            let implied_text =
                format::change(Change { percent: implied, qualifier: Qualifier::Exact }, lang);
            match reported {
                Some(change) if (change.percent - implied).abs() > MISMATCH_POINTS => {
                    let gap = format::number((change.percent - implied).abs(), 1, lang);
                    let text = fill(&t.mismatch, &[("implied", &implied_text), ("gap", &gap)]);
                    ui.label(egui::RichText::new(format!("⚠ {text}")).color(theme::DUE_SOON));
                }
                // Agrees with the reported change: a tick, so the eye need not compare.
                Some(_) => {
                    ui.label(egui::RichText::new(format!("✓ {implied_text}")).color(theme::MUTED));
                }
                None => {
                    ui.label(egui::RichText::new(implied_text).color(theme::MUTED));
                }
            }
        }
        (None, Some(_)) => {
            let period = format::period_long(observation.period.same_period_last_year(), lang);
            let label = fill(&t.fill_previous, &[("period", &period)]);
            if ui.small_button(label).clicked()
                && let Some(derived) = derive_previous(observation, observation.status, lang)
            {
                actions.push(put(&indicator.id, derived));
            }
        }
        (None, None) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;

    fn electricity() -> Indicator {
        builtin::dataset().indicator("electricity").unwrap().clone()
    }

    #[test]
    fn a_new_figure_is_typed_the_vietnamese_way() {
        let indicator = electricity();
        let mut draft = Draft::new(&indicator);
        assert_eq!(draft.period(Lang::Vi), Ok(Period::FirstMonths { year: 2020, months: 6 }));
        draft.value = "395,5".into();
        assert_eq!(draft.scale, Scale::for_value(365e6), "in triệu, as the latest figure");
        draft.change = "8,4%".into();
        // 2019 is reported, so nothing derived follows: one plain figure.
        let Action::PutObservation { observation, .. } =
            draft.to_action(&indicator, Lang::Vi).unwrap()
        else {
            panic!("one figure is put")
        };
        assert_eq!(observation.value, 395.5e6);
        assert_eq!(observation.change.map(|c| c.percent), Some(8.4));
    }

    #[test]
    fn bad_fields_are_refused_with_their_reason() {
        let indicator = electricity();
        let mut draft = Draft::new(&indicator);
        draft.value = "3 9 5 a".into();
        let message = draft.to_action(&indicator, Lang::Vi).unwrap_err();
        assert!(message.contains("Giá trị") && message.contains("\"a\""), "{message}");
        draft.value = "395".into();
        draft.year = "20x0".into();
        assert!(draft.to_action(&indicator, Lang::Vi).unwrap_err().contains("20x0"));
        draft.year = "2019".into();
        let message = draft.to_action(&indicator, Lang::Vi).unwrap_err();
        assert!(message.contains("6 tháng đầu năm 2019"), "an existing period: {message}");
    }

    #[test]
    fn editing_a_figure_updates_the_figure_derived_from_it() {
        let mut data = builtin::dataset();
        let indicator = data.indicator("electricity").unwrap().clone();
        let h1_2019 = indicator.observation(Period::FirstMonths { year: 2019, months: 6 }).unwrap();
        let mut draft = Draft::edit(&indicator, h1_2019, Lang::Vi);
        assert_eq!(draft.value, "365");
        draft.change = "10".into();
        let _undo = draft.to_action(&indicator, Lang::Vi).unwrap().apply(&mut data).unwrap();
        let derived = data
            .indicator("electricity")
            .unwrap()
            .observation(Period::FirstMonths { year: 2018, months: 6 })
            .unwrap();
        assert_eq!(derived.basis, Basis::Derived);
        assert!((derived.value - 365e6 / 1.1).abs() < 1.0, "{}", derived.value);
    }

    #[test]
    fn the_implied_change_of_the_builtin_figures_matches_the_reported_one() {
        let indicator = electricity();
        let after = indicator.observation(Period::FirstMonths { year: 2019, months: 6 }).unwrap();
        let before = indicator.observation(Period::FirstMonths { year: 2018, months: 6 }).unwrap();
        let implied = implied_change(before, after).unwrap();
        assert!((implied - 9.5).abs() < 0.05, "{implied}");
    }
}
