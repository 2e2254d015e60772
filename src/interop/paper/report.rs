//! What the A4 report says, in order: the letterhead and the meeting, the figures table,
//! the charts, the directives table and the per-unit summary, each section optional. It
//! writes [`Block`]s; `layout` puts them on pages and `pdf` draws them.

use std::sync::Arc;

use jiff::civil::Date;

use super::layout::{self, Align, Block, Cell, Column, FontMeasure, Marginal, Page, Style, Table};
use super::{ChartKind, ExportError};
use crate::format;
use crate::i18n::{Lang, fill};
use crate::model::followup::{self, SUMMARY_ORDER};
use crate::model::status::DirectiveStatus;
use crate::model::{Dataset, Directive, Meeting, MeetingId};
use crate::visual::chart::ProductChart;
use crate::visual::palette;

/// Which parts the report has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections {
    pub figures: bool,
    pub charts: bool,
    pub directives: bool,
    pub units: bool,
}

impl Default for Sections {
    fn default() -> Sections {
        Sections { figures: true, charts: true, directives: true, units: true }
    }
}

/// What the official chose to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// The meeting whose directives are listed; `None` lists every meeting's.
    pub meeting: Option<MeetingId>,
    pub sections: Sections,
    /// Leave out directives already done.
    pub open_only: bool,
    /// A4 on its side.
    pub landscape: bool,
    /// The date the report is printed, and statuses are computed, on.
    pub today: Date,
}

impl ReportOptions {
    /// Everything, for the latest meeting, upright, printed `today`.
    pub fn new(dataset: &Dataset, today: Date) -> ReportOptions {
        ReportOptions {
            meeting: dataset.latest_meeting().map(|m| m.id),
            sections: Sections::default(),
            open_only: false,
            landscape: false,
            today,
        }
    }
}

/// The report on its pages, with the blocks they were laid out from (the PDF's
/// structure follows them).
pub struct LaidOut {
    pub pages: Vec<Page>,
    pub blocks: Vec<Block>,
    /// The document title (for the PDF's properties).
    pub title: String,
}

const BODY: f32 = 10.0;
const TABLE: f32 = 8.5;
const FOOTER: f32 = 8.0;

/// Lays the report of `dataset` out on A4 pages.
pub fn lay_out(
    dataset: &Dataset,
    options: &ReportOptions,
    lang: Lang,
) -> Result<LaidOut, ExportError> {
    let meeting = match options.meeting {
        Some(id) => Some(dataset.meeting(id).ok_or(ExportError::NoSuchMeeting { id: id.0 })?),
        None => None,
    };
    let t = &lang.strings().report;
    let mut blocks = Vec::new();
    letterhead(&mut blocks, dataset, meeting, options, lang);
    let mut number = 0;
    let mut section = |blocks: &mut Vec<Block>, title: &str| {
        number += 1;
        blocks.push(Block::Space(8.0));
        blocks
            .push(Block::Heading { text: format!("{number}. {title}"), style: Style::bold(12.0) });
    };
    if options.sections.figures {
        section(&mut blocks, &t.figures_title);
        blocks.push(Block::Table(figures_table(dataset, lang)));
    }
    if options.sections.charts {
        section(&mut blocks, &t.charts_title);
        for kind in ChartKind::all(dataset) {
            if kind == ChartKind::Growth {
                continue;
            }
            // A product the file does not have is simply not drawn.
            if let Ok(chart) = super::chart_svg(dataset, &kind, lang) {
                blocks.push(Block::Figure {
                    svg: Arc::from(chart.svg),
                    width: chart.width,
                    height: chart.height,
                    alt: chart.alt,
                });
                blocks.push(Block::Space(10.0));
            }
        }
    }
    let directives: Vec<&Directive> = dataset
        .directives
        .iter()
        .filter(|d| options.meeting.is_none_or(|id| d.meeting_id == id))
        .filter(|d| {
            !options.open_only || !DirectiveStatus::of_directive(d, options.today).is_done()
        })
        .collect();
    if options.sections.directives {
        section(&mut blocks, &t.directives_title);
        blocks.push(Block::Text {
            text: directive_counts(&directives, options, lang),
            style: Style::regular(BODY),
            align: Align::Left,
        });
        blocks.push(Block::Space(4.0));
        blocks.push(Block::Table(directives_table(dataset, &directives, options.today, lang)));
    }
    if options.sections.units {
        section(&mut blocks, &t.units_title);
        blocks.push(Block::Text {
            text: lang.strings().directives.summary_note.clone(),
            style: Style::regular(TABLE).colour(palette::MUTED),
            align: Align::Left,
        });
        blocks.push(Block::Space(4.0));
        blocks.push(Block::Table(units_table(dataset, &directives, options.today, lang)));
    }

    let spec = layout::PageSpec::a4(options.landscape);
    let printed = fill(&t.printed_on, &[("date", &format::date(options.today))]);
    let footer = |page: usize, count: usize| {
        let number = fill(&t.page, &[("page", &page), ("count", &count)]);
        let style = Style::regular(FOOTER).colour(palette::MUTED);
        vec![
            Marginal { text: printed.clone(), style, align: Align::Left, top: false },
            Marginal { text: number, style, align: Align::Right, top: false },
        ]
    };
    let pages = layout::lay_out(&blocks, spec, &FontMeasure, &footer);
    let title = match meeting {
        Some(meeting) => format!("{} — {}", t.title, meeting.title),
        None => t.title.clone(),
    };
    Ok(LaidOut { pages, blocks, title })
}

fn letterhead(
    blocks: &mut Vec<Block>,
    dataset: &Dataset,
    meeting: Option<&Meeting>,
    options: &ReportOptions,
    lang: Lang,
) {
    let t = &lang.strings().report;
    let o = &lang.strings().overview;
    let committee = fill(&t.committee, &[("province", &dataset.province)]).to_uppercase();
    let printed = fill(&t.printed_on, &[("date", &format::date(options.today))]);
    blocks.push(Block::Split { left: committee, right: printed, style: Style::bold(BODY) });
    if let Some(body) = meeting.map(|m| m.reporting_body.as_str()).filter(|b| !b.is_empty()) {
        blocks.push(Block::Text {
            text: body.to_uppercase(),
            style: Style::bold(BODY),
            align: Align::Left,
        });
    }
    blocks.push(Block::Space(18.0));
    blocks.push(Block::Text {
        text: t.title.to_uppercase(),
        style: Style::bold(15.0),
        align: Align::Center,
    });
    blocks.push(Block::Space(4.0));
    let line = |label: &str, value: &str| Block::Text {
        text: format!("{label}: {value}"),
        style: Style::regular(BODY),
        align: Align::Left,
    };
    match meeting {
        Some(meeting) => {
            blocks.push(Block::Text {
                text: meeting.title.clone(),
                style: Style::bold(12.0),
                align: Align::Center,
            });
            blocks.push(Block::Space(10.0));
            blocks.push(line(&o.date, &format::date(meeting.date)));
            if !meeting.chair.is_empty() {
                blocks.push(line(&o.chair, &meeting.chair));
            }
            if !meeting.attendees.is_empty() {
                blocks.push(line(&o.attendees, &meeting.attendees.join("; ")));
            }
            if !meeting.reporting_body.is_empty() {
                blocks.push(line(&o.reporting_body, &meeting.reporting_body));
            }
        }
        None => {
            let count = fill(&t.all_meetings, &[("count", &dataset.meetings.len())]);
            blocks.push(Block::Text {
                text: count,
                style: Style::bold(12.0),
                align: Align::Center,
            });
            blocks.push(Block::Space(10.0));
        }
    }
    if options.open_only {
        blocks.push(Block::Text {
            text: t.open_only_note.clone(),
            style: Style::regular(BODY).colour(palette::MUTED),
            align: Align::Left,
        });
    }
}

/// Each product's figures of the periods its chart compares.
fn figures_table(dataset: &Dataset, lang: Lang) -> Table {
    let f = &lang.strings().figures;
    let none = &lang.strings().directives.none;
    let mut rows = Vec::new();
    for indicator in &dataset.indicators {
        let chart = ProductChart::build(indicator, lang);
        for bar in chart.bars.iter().rev() {
            let Some(o) = indicator.observation(bar.period) else { continue };
            let value = format::qualified_quantity(o.value, o.qualifier, &indicator.unit, lang);
            let change = o.change.map_or_else(|| none.clone(), |c| format::change(c, lang));
            let basis = Cell {
                text: format::basis(o.basis, lang).to_owned(),
                colour: bar.derived.then_some(palette::DERIVED),
            };
            rows.push(vec![
                Cell::from(chart.title.as_str()),
                Cell::from(format::period_long(o.period, lang)),
                Cell::from(value),
                Cell::from(change),
                basis,
                Cell::from(format::figure_status(o.status, lang)),
            ]);
        }
    }
    let columns = vec![
        Column::new(&f.indicator, 1.5, Align::Left),
        Column::new(&f.period, 1.3, Align::Left),
        Column::new(&f.value, 1.5, Align::Right),
        Column::new(&f.change, 1.2, Align::Right),
        Column::new(&f.basis, 1.5, Align::Left),
        Column::new(&f.status, 1.0, Align::Left),
    ];
    Table::new(columns, rows, TABLE)
}

fn directive_counts(directives: &[&Directive], options: &ReportOptions, lang: Lang) -> String {
    let t = &lang.strings().report;
    let overdue = directives
        .iter()
        .filter(|d| DirectiveStatus::of_directive(d, options.today) == DirectiveStatus::Overdue)
        .count();
    fill(&t.directive_counts, &[("count", &directives.len()), ("overdue", &overdue)])
}

fn directives_table(
    dataset: &Dataset,
    directives: &[&Directive],
    today: Date,
    lang: Lang,
) -> Table {
    let t = &lang.strings().directives;
    let r = &lang.strings().report;
    let unit_name = |id| {
        dataset
            .unit(id)
            .map_or_else(|| fill(&t.missing_unit, &[("id", &id.0)]), |unit| unit.name.clone())
    };
    let rows = directives
        .iter()
        .map(|directive| {
            let number = followup::position(dataset, directive.id).map_or(0, |i| i + 1);
            let mut units = directive.lead_unit.map_or_else(|| r.no_lead.clone(), unit_name);
            if !directive.supporting_units.is_empty() {
                let supporting: Vec<String> =
                    directive.supporting_units.iter().map(|&id| unit_name(id)).collect();
                units.push_str(&format!("\n{}: {}", t.supporting, supporting.join(", ")));
            }
            let status = DirectiveStatus::of_directive(directive, today);
            let mut status_text = format!("{} {}", status.icon(), status.label(lang));
            if let Some(done) = directive.completed_on {
                status_text.push_str(&format!(" ({})", format::date(done)));
            }
            let latest = directive
                .progress
                .iter()
                .max_by_key(|note| note.date)
                .map(|note| format!("{}: {}", format::date(note.date), note.text))
                .unwrap_or_default();
            vec![
                Cell::from(number.to_string()),
                Cell::from(directive.text.as_str()),
                Cell::from(units),
                Cell::from(directive.deadline.map_or_else(|| t.none.clone(), format::date)),
                Cell { text: status_text, colour: Some(palette::status_colour(status)) },
                Cell::from(latest),
            ]
        })
        .collect();
    let columns = vec![
        Column::new(&t.number, 0.6, Align::Right),
        Column::new(&t.text, 3.9, Align::Left),
        Column::new(&t.lead, 1.7, Align::Left),
        Column::new(&t.deadline, 1.05, Align::Left),
        Column::new(&t.status, 1.5, Align::Left),
        Column::new(&r.latest_progress, 2.2, Align::Left),
    ];
    Table::new(columns, rows, TABLE)
}

/// The results by unit, a row each: the unit, its total, its count in each status of
/// [`SUMMARY_ORDER`], its rate — the same rows in the quick print and the administrative
/// report's appendix, under their own columns.
pub(super) fn unit_rows(
    dataset: &Dataset,
    directives: &[&Directive],
    today: Date,
    lang: Lang,
) -> Vec<Vec<Cell>> {
    let summaries = followup::unit_summaries_of(dataset, directives.iter().copied(), today);
    summaries
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::from(row.name.as_str()), Cell::from(row.total.to_string())];
            cells.extend(SUMMARY_ORDER.iter().map(|&s| Cell::from(row.count(s).to_string())));
            cells.push(Cell::from(
                row.completion_rate().map(|rate| format::percent(rate, lang)).unwrap_or_default(),
            ));
            cells
        })
        .collect()
}

fn units_table(dataset: &Dataset, directives: &[&Directive], today: Date, lang: Lang) -> Table {
    let t = &lang.strings().directives;
    let rows = unit_rows(dataset, directives, today, lang);
    let column = |title: &str, share: f32| Column::new(title, share, Align::Right);
    let mut columns = vec![Column::new(&t.unit_col, 2.0, Align::Left)];
    columns.push(column(&t.total_col, 0.7));
    columns.extend(SUMMARY_ORDER.iter().map(|status| column(status.label(lang), 1.0)));
    columns.push(column(&t.rate_col, 1.3));
    Table::new(columns, rows, TABLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;

    fn today() -> Date {
        jiff::civil::date(2026, 11, 26)
    }

    fn all_text(laid_out: &LaidOut) -> String {
        let lines: Vec<&str> = laid_out.pages.iter().flat_map(Page::lines).collect();
        lines.join("\n")
    }

    #[test]
    fn the_builtin_report_has_every_section() {
        let data = builtin::dataset();
        let options = ReportOptions::new(&data, today());
        let laid_out = lay_out(&data, &options, Lang::Vi).unwrap();
        let text = all_text(&laid_out);
        for expected in [
            "UBND TỈNH LẠNG SƠN",
            "Ngày in: 26/11/2026",
            "Nguyễn Công Trưởng, Phó Chủ tịch UBND tỉnh",
            "1. Số liệu sản xuất",
            "2. Biểu đồ",
            "3. Kết luận chỉ đạo",
            "4. Kết quả thực hiện theo đơn vị",
            "+9,5%",
        ] {
            assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
        }
        let count = laid_out.pages.len();
        assert!(text.contains(&format!("Trang 1/{count}")));
        let charts = laid_out
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|item| matches!(item, layout::Item::Svg { .. }))
            .count();
        assert_eq!(charts, 4, "three products and the zones");
    }

    #[test]
    fn sections_can_be_left_out_and_open_only_drops_done_work() {
        let mut data = builtin::dataset();
        data.directives[0].completed_on = Some(jiff::civil::date(2019, 8, 1));
        let first_text = data.directives[0].text.clone();
        let mut options = ReportOptions::new(&data, today());
        options.sections =
            Sections { figures: false, charts: false, directives: true, units: false };
        let text = all_text(&lay_out(&data, &options, Lang::Vi).unwrap());
        assert!(!text.contains("Số liệu sản xuất") && !text.contains("Biểu đồ"));
        let first_words: String =
            first_text.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&first_words));
        options.open_only = true;
        let text = all_text(&lay_out(&data, &options, Lang::Vi).unwrap());
        assert!(!text.contains(&first_words), "a done directive is left out");
    }

    #[test]
    fn an_unknown_meeting_is_an_error() {
        let data = builtin::dataset();
        let mut options = ReportOptions::new(&data, today());
        options.meeting = Some(MeetingId(999));
        assert!(matches!(
            lay_out(&data, &options, Lang::Vi),
            Err(ExportError::NoSuchMeeting { id: 999 })
        ));
    }

    #[test]
    fn english_report() {
        let data = builtin::dataset();
        let text =
            all_text(&lay_out(&data, &ReportOptions::new(&data, today()), Lang::En).unwrap());
        assert!(text.contains("Printed on 26/11/2026"), "{text}");
        assert!(text.contains("Page 1/"));
    }
}
