//! The calendar beside every date field: a 📅 button that opens a month under it, named
//! in the UI's language ("Tháng 12 năm 2026", "December 2026"), weeks from Monday (Thứ
//! Hai) to Sunday, today and the field's day marked. A click on a day gives it back to
//! the field, which shows it as officials write it (`15/07/2019`); the field can still be
//! typed in.
//!
//! The month grid is worked out by [`month_grid`] (no egui), so it is tested on its own.

use egui::RichText;
use jiff::civil::{Date, Weekday};

use crate::i18n::{Lang, fill};
use crate::window::ui::theme;

/// The widest a date reads: dd/mm/yyyy with the widest digits of the font.
pub const WIDEST_DATE: &str = "00/00/0000";
/// What every date field shows while empty: the order officials type a date in.
pub const DATE_HINT: &str = "dd/mm/yyyy";

/// How wide a date field is drawn so that neither a date nor its hint is cut ("dd/mm/y…"
/// was, in the filter's fixed 96 px): the wider of [`WIDEST_DATE`] and `hint` in the body
/// font, with the field's margins, its frame and the cursor's room.
pub fn date_field_width(ui: &egui::Ui, hint: &str) -> f32 {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let width = |text: &str| {
        ui.fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), body.clone(), egui::Color32::BLACK).size().x
        })
    };
    let field_margins = 2.0 * ui.spacing().button_padding.x + 2.0 + 2.0;
    (width(WIDEST_DATE).max(width(hint)) + field_margins).ceil()
}

/// The days of a month's calendar, by weeks from Monday: `None` before the first and after
/// the last day.
pub fn month_grid(year: i16, month: i8) -> Vec<[Option<Date>; 7]> {
    let Ok(first) = Date::new(year, month, 1) else { return Vec::new() };
    let lead = usize::from(first.weekday().to_monday_zero_offset().unsigned_abs());
    let days = usize::from(first.days_in_month().unsigned_abs());
    let mut weeks = Vec::new();
    let mut week = [None; 7];
    for slot in 0..lead + days {
        if slot >= lead {
            let day = i8::try_from(slot - lead + 1).expect("a month has at most 31 days");
            week[slot % 7] = Date::new(year, month, day).ok();
        }
        if slot % 7 == 6 {
            weeks.push(std::mem::take(&mut week));
        }
    }
    if week.iter().any(Option::is_some) {
        weeks.push(week);
    }
    weeks
}

/// The month before or after (`step` −1 or +1) `year`/`month`.
pub fn step_month(year: i16, month: i8, step: i8) -> (i16, i8) {
    let index = i32::from(year) * 12 + i32::from(month) - 1 + i32::from(step);
    let year = i16::try_from(index.div_euclid(12)).unwrap_or(year);
    (year, (index.rem_euclid(12) + 1) as i8)
}

/// The month a calendar shows, kept while it is open.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Shown {
    year: i16,
    month: i8,
}

/// The calendar button of the date field named `field` ("Thời hạn nhiệm vụ 3": its name
/// for a screen reader, and what tells the calendars of a view apart); `shown` is the
/// field's date (the calendar opens on its month, else on today's). Returns the day picked
/// this frame.
pub fn button(
    ui: &mut egui::Ui,
    field: &str,
    shown: Option<Date>,
    today: Date,
    lang: Lang,
) -> Option<Date> {
    button_opening_on(ui, field, shown, shown.unwrap_or(today), today, lang)
}

/// The same, opening on `open_on`'s month when the field has no date (a deadline's
/// calendar on the meeting's month).
pub fn button_opening_on(
    ui: &mut egui::Ui,
    field: &str,
    shown: Option<Date>,
    open_on: Date,
    today: Date,
    lang: Lang,
) -> Option<Date> {
    let t = &lang.strings().calendar;
    let name = format!("{}: {field}", t.open);
    let response = calendar_icon(ui, &name).on_hover_text(&t.open);
    let id = ui.make_persistent_id(("calendar", field));
    let opened_now = response.clicked();
    if opened_now {
        let start = shown.unwrap_or(open_on);
        ui.data_mut(|d| d.insert_temp(id, Shown { year: start.year(), month: start.month() }));
    }
    let mut picked = None;
    egui::Popup::from_toggle_button_response(&response)
        .id(id.with("popup"))
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let mut month = ui
                .data(|d| d.get_temp::<Shown>(id))
                .unwrap_or(Shown { year: today.year(), month: today.month() });
            picked = calendar(ui, &mut month, shown, today, lang);
            ui.data_mut(|d| d.insert_temp(id, month));
            if picked.is_some() {
                ui.close();
            }
        });
    picked
}

/// A small button with a calendar drawn on it (no font here has 📅): a page with its
/// rings and a grid of days.
/// How wide the calendar button beside a date field is.
pub const CALENDAR_WIDTH: f32 = 24.0;

fn calendar_icon(ui: &mut egui::Ui, name: &str) -> egui::Response {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(CALENDAR_WIDTH, 22.0), egui::Sense::click());
    let name = name.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let painter = ui.painter();
        painter.rect(
            rect,
            visuals.corner_radius,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
        let ink = visuals.fg_stroke.color;
        let page = egui::Rect::from_center_size(
            rect.center() + egui::vec2(0.0, 1.0),
            egui::vec2(14.0, 12.0),
        );
        painter.rect_stroke(page, 2.0, egui::Stroke::new(1.3, ink), egui::StrokeKind::Inside);
        let band = egui::Rect::from_min_max(page.min, egui::pos2(page.max.x, page.min.y + 3.5));
        painter.rect_filled(band, 1.0, ink);
        for x in [page.min.x + 4.0, page.max.x - 4.0] {
            painter.line_segment(
                [egui::pos2(x, page.min.y - 2.0), egui::pos2(x, page.min.y + 1.5)],
                egui::Stroke::new(1.5, ink),
            );
        }
        for row in 0..2 {
            for column in 0..3 {
                let at = egui::pos2(
                    page.min.x + 3.5 + column as f32 * 3.5,
                    page.min.y + 6.0 + row as f32 * 3.0,
                );
                painter.rect_filled(
                    egui::Rect::from_center_size(at, egui::vec2(1.8, 1.8)),
                    0.0,
                    ink,
                );
            }
        }
    }
    response
}

/// One month: its name between ◀ and ▶, the weekdays, the days; today and `selected`
/// marked. Returns the day clicked.
fn calendar(
    ui: &mut egui::Ui,
    shown: &mut Shown,
    selected: Option<Date>,
    today: Date,
    lang: Lang,
) -> Option<Date> {
    let t = &lang.strings().calendar;
    let mut picked = None;
    ui.horizontal(|ui| {
        if ui.button("◀").on_hover_text(&t.previous_month).clicked() {
            (shown.year, shown.month) = step_month(shown.year, shown.month, -1);
        }
        let name = t.months.get(usize::try_from(shown.month - 1).unwrap_or(0)).cloned();
        let title =
            fill(&t.month_year, &[("month", &name.unwrap_or_default()), ("year", &shown.year)]);
        ui.add_sized([170.0, 20.0], egui::Label::new(RichText::new(title).font(theme::bold(15.0))));
        if ui.button("▶").on_hover_text(&t.next_month).clicked() {
            (shown.year, shown.month) = step_month(shown.year, shown.month, 1);
        }
    });
    egui::Grid::new(ui.scope_id().with("days")).spacing([2.0, 2.0]).show(ui, |ui| {
        for (short, long) in t.weekdays_short.iter().zip(&t.weekdays) {
            ui.add_sized([30.0, 20.0], egui::Label::new(RichText::new(short).color(theme::MUTED)))
                .on_hover_text(long);
        }
        ui.end_row();
        for week in month_grid(shown.year, shown.month) {
            for day in week {
                let Some(day) = day else {
                    ui.label("");
                    continue;
                };
                let mut text = RichText::new(day.day().to_string());
                if day == today {
                    text = text.strong().underline();
                }
                if day.weekday() == Weekday::Sunday {
                    text = text.color(theme::ERROR);
                }
                let button = egui::Button::selectable(Some(day) == selected, text)
                    .min_size(egui::vec2(30.0, 24.0));
                if ui.add(button).on_hover_text(crate::format::date(day)).clicked() {
                    picked = Some(day);
                }
            }
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        if ui.button(&t.today).clicked() {
            picked = Some(today);
        }
    });
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weeks_start_on_monday() {
        // 1 December 2026 is a Tuesday: the first week starts with an empty Monday.
        let weeks = month_grid(2026, 12);
        assert_eq!(weeks[0][0], None);
        assert_eq!(weeks[0][1], Some(date(2026, 12, 1)));
        assert_eq!(weeks[0][6], Some(date(2026, 12, 6)), "Sunday closes the week");
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[4][3], Some(date(2026, 12, 31)));
        assert_eq!(weeks[4][4], None);
        // February 2021 starts on a Monday and fills four weeks exactly.
        let weeks = month_grid(2021, 2);
        assert_eq!(weeks.len(), 4);
        assert_eq!(weeks[0][0], Some(date(2021, 2, 1)));
        assert_eq!(weeks[3][6], Some(date(2021, 2, 28)));
        // A leap February.
        assert!(month_grid(2024, 2).iter().flatten().any(|d| *d == Some(date(2024, 2, 29))));
    }

    #[test]
    fn months_step_across_years() {
        assert_eq!(step_month(2026, 12, 1), (2027, 1));
        assert_eq!(step_month(2026, 1, -1), (2025, 12));
        assert_eq!(step_month(2026, 6, 1), (2026, 7));
    }
}
