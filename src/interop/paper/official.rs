//! The report as Nghị định 30/2020/NĐ-CP lays an administrative document out: page 1's
//! two-column header (parent and issuing body, number and symbol; Quốc hiệu, Tiêu ngữ,
//! place and date), `BÁO CÁO` and its subject, `Kính gửi`, the body in numbered sections
//! — the figures written as sentences from the data, the charts as numbered figures, the
//! follow-up of the directives as counts by status — `Nơi nhận` beside the signature on the
//! last page, and the directives and the results by unit as an appendix with its own title,
//! note and page numbers.
//!
//! [`OfficialReport::build`] says what the document holds, once; [`OfficialReport::parts`]
//! lays it out for the PDF (Liberation Serif, the decree's margins, sizes and rules) and
//! `docx` writes the same content as a Word document.

use std::sync::Arc;

use jiff::civil::Date;

use super::layout::{
    self, Align, Block, Cell, Column, ColumnLine, FontMeasure, MM, Marginal, PageSpec, Paragraph,
    Part, Role, Style, Table, TextColumn,
};
use super::{ChartKind, ChartSvg, ExportError, ReportOptions};
use crate::format;
use crate::i18n::{Lang, fill};
use crate::model::followup::{self, SUMMARY_ORDER};
use crate::model::status::DirectiveStatus;
use crate::model::{Basis, Dataset, Directive, Letterhead, Meeting, Observation};
use crate::visual::chart::{self, ProductChart};

/// Body text, headings, the title and subject, Tiêu ngữ, place and date, page numbers.
pub const BODY: f32 = 14.0;
/// The header block's bodies and number, Quốc hiệu.
pub const HEADER: f32 = 13.0;
/// Quốc hiệu at 12 pt: at 13 pt it would not fit its column on A4.
pub const NATION: f32 = 12.0;
/// "Nơi nhận:".
pub const RECIPIENTS_TITLE: f32 = 12.0;
/// The recipients.
pub const RECIPIENTS: f32 = 11.0;
/// The `V/v` line of a Công văn under its number.
pub const REFERENCE: f32 = 12.0;
/// Captions of figures.
pub const CAPTION: f32 = 13.0;
/// The appendix's tables.
pub const TABLE: f32 = 12.0;
/// First-line indent of body paragraphs: 1 cm.
pub const INDENT: f32 = 10.0 * MM;
/// Space after a body paragraph: at least 6 pt.
pub const PARAGRAPH_SPACE: f32 = 6.0;
/// The share of the content width the header's left column takes.
pub const LEFT_SHARE: f32 = 0.4;
/// Room left for the handwritten signature and the seal.
pub const SIGNATURE_ROOM: f32 = 64.0;

/// One piece of the body or the appendix, in reading order.
#[derive(Clone, Debug)]
pub enum Piece {
    /// A numbered heading: level 1 `I. TÌNH HÌNH …`, level 2 `1. Sản lượng …`.
    Heading { level: u8, text: String },
    /// Body text: justified, its first line indented.
    Paragraph(String),
    /// A note in italics.
    Note(String),
    /// A chart as a numbered figure with its caption under it.
    Figure { chart: ChartSvg, caption: String },
    /// A table.
    Table(Table),
}

/// The appendix: its label, title and note, then its pieces, on landscape pages numbered
/// on their own.
#[derive(Clone, Debug)]
pub struct Appendix {
    pub label: String,
    pub title: String,
    pub note: String,
    pub pieces: Vec<Piece>,
}

/// What the official report says, once, for the PDF and the Word file alike.
#[derive(Clone, Debug)]
pub struct OfficialReport {
    /// The document's title, for its properties.
    pub title: String,
    pub lang: Lang,
    /// The header's left column: parent body, issuing body (ruled), number.
    pub parent_body: String,
    pub issuing_body: String,
    pub number: String,
    /// The subject under the number (`V/v …`), as a Công văn has it; a report has none.
    pub reference: Option<String>,
    /// The right column: Quốc hiệu, Tiêu ngữ (ruled), place and date.
    pub nation: String,
    pub motto: String,
    pub place_date: String,
    /// `BÁO CÁO`.
    pub kind: String,
    pub subject: String,
    /// `Kính gửi: …`, when there is someone to send it to.
    pub addressee: Option<String>,
    pub body: Vec<Piece>,
    /// `Nơi nhận:` and its lines (`- Như trên;` … `- Lưu: VT.`).
    pub recipients_title: String,
    pub recipients: Vec<String>,
    /// The signature block, top down: authority, title, then (after the room to sign)
    /// the name.
    pub authority: Vec<String>,
    pub signer: String,
    pub appendix: Option<Appendix>,
    /// The appendix on landscape pages (its tables are wide).
    pub landscape_appendix: bool,
}

impl OfficialReport {
    /// The report of `dataset` that `options` ask for, in the words of `lang`.
    pub fn build(
        dataset: &Dataset,
        options: &ReportOptions,
        lang: Lang,
    ) -> Result<OfficialReport, ExportError> {
        let meeting = match options.meeting {
            Some(id) => Some(dataset.meeting(id).ok_or(ExportError::NoSuchMeeting { id: id.0 })?),
            None => None,
        };
        let t = &lang.strings().official;
        let letterhead = dataset.letterhead_or_default();
        let issuer = letterhead.issuing_body.clone();
        let addressee = letterhead.addressee.trim().to_owned();
        let written = written_date(options.today, lang);
        let place_date = if letterhead.place.trim().is_empty() {
            capitalised(&written)
        } else {
            fill_boxed(&t.place_date, &date_args(options.today, lang, letterhead.place.trim()))
        };
        let directives: Vec<&Directive> = dataset
            .directives
            .iter()
            .filter(|d| options.meeting.is_none_or(|id| d.meeting_id == id))
            .filter(|d| {
                !options.open_only || !DirectiveStatus::of_directive(d, options.today).is_done()
            })
            .collect();

        let mut body = vec![Piece::Paragraph(intro(meeting, &issuer, lang))];
        let mut figures = 0;
        let mut roman = 0;
        let mut section = |body: &mut Vec<Piece>, title: &str| {
            roman += 1;
            body.push(Piece::Heading {
                level: 1,
                text: format!("{}. {title}", roman_numeral(roman)),
            });
        };
        if options.sections.figures || options.sections.charts {
            section(&mut body, &t.section_production);
            body.push(Piece::Heading { level: 2, text: format!("1. {}", t.sub_output) });
            if options.sections.figures {
                body.push(Piece::Paragraph(output_sentence(dataset, lang)));
            }
            if options.sections.charts {
                for kind in ChartKind::all(dataset) {
                    if matches!(kind, ChartKind::Product(_)) {
                        push_figure(&mut body, dataset, &kind, &mut figures, lang);
                    }
                }
            }
            body.push(Piece::Heading { level: 2, text: format!("2. {}", t.sub_zones) });
            if options.sections.figures {
                body.push(Piece::Paragraph(zones_sentence(dataset, lang)));
            }
            if options.sections.charts {
                push_figure(&mut body, dataset, &ChartKind::Zones, &mut figures, lang);
            }
        }
        let appendix_wanted = options.sections.directives || options.sections.units;
        if options.sections.directives {
            section(&mut body, &t.section_directives);
            body.push(Piece::Paragraph(directive_counts(&directives, options.today, lang)));
            if options.open_only {
                body.push(Piece::Note(t.open_only.clone()));
            }
        }
        if appendix_wanted {
            let appendix = t.appendix.to_lowercase();
            body.push(Piece::Paragraph(fill(&t.see_appendix, &[("appendix", &appendix)])));
        }
        if !addressee.is_empty() {
            body.push(Piece::Paragraph(fill(
                &t.closing,
                &[("issuer", &issuer), ("addressee", &addressee)],
            )));
        }

        let appendix = appendix_wanted.then(|| {
            let number = letterhead.number_and_symbol();
            let date = written_date(options.today, lang);
            let mut pieces = Vec::new();
            let mut number_of = 0;
            if options.sections.directives {
                number_of += 1;
                pieces.push(Piece::Heading {
                    level: 2,
                    text: format!("{number_of}. {}", t.appendix_directives),
                });
                pieces.push(Piece::Table(directives_table(
                    dataset,
                    &directives,
                    options.today,
                    lang,
                )));
            }
            if options.sections.units {
                number_of += 1;
                pieces.push(Piece::Heading {
                    level: 2,
                    text: format!("{number_of}. {}", t.appendix_units),
                });
                pieces.push(Piece::Table(units_table(dataset, &directives, options.today, lang)));
            }
            Appendix {
                label: t.appendix.clone(),
                title: t.appendix_title.clone(),
                note: fill(
                    &t.appendix_note,
                    &[("number", &number.trim()), ("date", &date), ("issuer", &issuer)],
                ),
                pieces,
            }
        });

        let subject = match meeting {
            Some(meeting) => fill(&t.subject_meeting, &[("date", &format::date(meeting.date))]),
            None => t.subject_all.clone(),
        };
        Ok(OfficialReport {
            title: format!("{} — {subject}", t.kind),
            lang,
            parent_body: letterhead.parent_body.to_uppercase(),
            issuing_body: letterhead.issuing_body.to_uppercase(),
            number: fill(&t.number, &[("number", &letterhead.number_and_symbol())]),
            reference: None,
            nation: t.nation.clone(),
            motto: t.motto.clone(),
            place_date,
            kind: t.kind.clone(),
            subject,
            addressee: (!addressee.is_empty())
                .then(|| fill(&t.addressee, &[("addressee", &addressee)])),
            body,
            recipients_title: t.recipients.clone(),
            recipients: recipient_lines(&letterhead),
            authority: [&letterhead.signer_authority, &letterhead.signer_title]
                .into_iter()
                .map(|line| line.trim().to_uppercase())
                .filter(|line| !line.is_empty())
                .collect(),
            signer: letterhead.signer_name.trim().to_owned(),
            appendix,
            landscape_appendix: options.landscape || options.sections.directives,
        })
    }

    /// The document laid out for the PDF: the report proper, then the appendix, each
    /// numbered at the top centre from its second page.
    pub fn blocks(&self) -> (Vec<Block>, Vec<Block>) {
        let serif = Style::serif(BODY);
        let mut main = vec![Block::Columns(vec![
            TextColumn {
                share: LEFT_SHARE,
                align: Align::Center,
                lines: vec![
                    ColumnLine::new(&self.parent_body, Style::serif(HEADER)),
                    ColumnLine::new(&self.issuing_body, Style::serif(HEADER).strong()).ruled(0.4),
                    ColumnLine::new(&self.number, Style::serif(HEADER)).after_space(6.0),
                ]
                .into_iter()
                .chain(
                    self.reference.iter().map(|line| {
                        ColumnLine::new(line, Style::serif(REFERENCE)).after_space(6.0)
                    }),
                )
                .collect(),
            },
            TextColumn {
                share: 1.0 - LEFT_SHARE,
                align: Align::Center,
                lines: vec![
                    ColumnLine::new(&self.nation, Style::serif(NATION).strong()),
                    ColumnLine::new(&self.motto, Style::serif(HEADER).strong()).ruled(1.0),
                    ColumnLine::new(&self.place_date, Style::serif(BODY).italic()).after_space(6.0),
                ],
            },
        ])];
        main.push(Block::Space(20.0));
        // A Công văn has no kind line: its subject is the `V/v` under the number.
        if !self.kind.is_empty() {
            main.push(Block::Paragraph(Paragraph {
                role: Role::Title,
                ..Paragraph::plain(self.kind.as_str(), serif.strong(), Align::Center)
            }));
            main.push(Block::Paragraph(Paragraph::plain(
                self.subject.as_str(),
                serif.strong(),
                Align::Center,
            )));
            main.push(Block::Rule { length: 45.0 * MM });
        }
        if let Some(addressee) = &self.addressee {
            main.push(Block::Space(8.0));
            main.push(Block::Paragraph(Paragraph::plain(addressee.as_str(), serif, Align::Center)));
        }
        main.push(Block::Space(10.0));
        pieces_to_blocks(&self.body, &mut main);
        main.push(Block::Space(6.0));
        let mut recipients = vec![ColumnLine::new(
            &self.recipients_title,
            Style::serif(RECIPIENTS_TITLE).strong().italic(),
        )];
        recipients.extend(
            self.recipients.iter().map(|line| ColumnLine::new(line, Style::serif(RECIPIENTS))),
        );
        let mut signature: Vec<ColumnLine> =
            self.authority.iter().map(|line| ColumnLine::new(line, serif.strong())).collect();
        signature.push(ColumnLine::new(&self.signer, serif.strong()).after_space(SIGNATURE_ROOM));
        main.push(Block::Columns(vec![
            TextColumn { share: 0.5, align: Align::Left, lines: recipients },
            TextColumn { share: 0.5, align: Align::Center, lines: signature },
        ]));
        let mut appendix_blocks = Vec::new();
        if let Some(appendix) = &self.appendix {
            for (text, style) in [
                (&appendix.label, serif.strong()),
                (&appendix.title, serif.strong()),
                (&appendix.note, serif.italic()),
            ] {
                appendix_blocks.push(Block::Paragraph(Paragraph {
                    role: Role::Heading(1),
                    keep_with_next: true,
                    ..Paragraph::plain(text.as_str(), style, Align::Center)
                }));
            }
            appendix_blocks.push(Block::Space(10.0));
            pieces_to_blocks(&appendix.pieces, &mut appendix_blocks);
        }
        (main, appendix_blocks)
    }

    /// The report on its pages: the report proper in portrait, the appendix after it
    /// (landscape when asked), each with page numbers at the top centre from page 2.
    pub fn lay_out(&self) -> (Vec<layout::Page>, Vec<Block>) {
        let (main, appendix) = self.blocks();
        let number = |page: usize, _count: usize| {
            if page == 1 {
                return Vec::new();
            }
            let style = Style::serif(BODY);
            vec![Marginal { text: page.to_string(), style, align: Align::Center, top: true }]
        };
        let mut parts =
            vec![Part { blocks: &main, spec: PageSpec::official(false), marginalia: &number }];
        if !appendix.is_empty() {
            let spec = PageSpec::official(self.landscape_appendix);
            parts.push(Part { blocks: &appendix, spec, marginalia: &number });
        }
        let pages = layout::lay_out_parts(&parts, &FontMeasure);
        let mut blocks = main.clone();
        blocks.extend(appendix.iter().cloned());
        (pages, blocks)
    }
}

/// The pieces as layout blocks.
fn pieces_to_blocks(pieces: &[Piece], blocks: &mut Vec<Block>) {
    let serif = Style::serif(BODY);
    for piece in pieces {
        match piece {
            Piece::Heading { level, text } => blocks.push(Block::Paragraph(Paragraph {
                first_indent: INDENT,
                space_after: PARAGRAPH_SPACE,
                role: Role::Heading(*level + 1),
                keep_with_next: true,
                ..Paragraph::plain(text.as_str(), serif.strong(), Align::Justify)
            })),
            Piece::Paragraph(text) => blocks.push(Block::Paragraph(Paragraph {
                first_indent: INDENT,
                space_after: PARAGRAPH_SPACE,
                ..Paragraph::plain(text.as_str(), serif, Align::Justify)
            })),
            Piece::Note(text) => blocks.push(Block::Paragraph(Paragraph {
                first_indent: INDENT,
                space_after: PARAGRAPH_SPACE,
                ..Paragraph::plain(text.as_str(), serif.italic(), Align::Justify)
            })),
            Piece::Figure { chart, caption } => {
                blocks.push(Block::Space(4.0));
                blocks.push(Block::Figure {
                    svg: Arc::from(chart.svg.as_str()),
                    width: chart.width,
                    height: chart.height,
                    alt: chart.alt.clone(),
                });
                blocks.push(Block::Paragraph(Paragraph {
                    space_after: PARAGRAPH_SPACE * 2.0,
                    role: Role::Caption,
                    ..Paragraph::plain(
                        caption.as_str(),
                        Style::serif(CAPTION).italic(),
                        Align::Center,
                    )
                }));
            }
            Piece::Table(table) => blocks.push(Block::Table(table.clone())),
        }
    }
}

fn push_figure(
    body: &mut Vec<Piece>,
    dataset: &Dataset,
    kind: &ChartKind,
    figures: &mut usize,
    lang: Lang,
) {
    // A product the file does not have, or one without figures, is simply not drawn.
    let Ok(chart) = super::chart_svg(dataset, kind, lang) else { return };
    if let ChartKind::Product(id) = kind
        && dataset.indicator(id).is_none_or(|i| i.observations.is_empty())
    {
        return;
    }
    *figures += 1;
    let title = chart.alt.split(':').next().unwrap_or_default().trim().to_owned();
    let caption = fill(&lang.strings().official.figure, &[("n", figures), ("title", &title)]);
    body.push(Piece::Figure { chart, caption });
}

/// The opening sentence: on whose conclusions the report follows up.
fn intro(meeting: Option<&Meeting>, issuer: &str, lang: Lang) -> String {
    let t = &lang.strings().official;
    match meeting {
        Some(meeting) => {
            let date = format::date(meeting.date);
            let chair = meeting.chair.trim();
            let args: [(&str, &dyn std::fmt::Display); 4] = [
                ("chair", &chair),
                ("date", &date),
                ("title", &meeting.title),
                ("issuer", &issuer),
            ];
            let template =
                if chair.is_empty() { &t.intro_meeting_no_chair } else { &t.intro_meeting };
            fill(template, &args)
        }
        None => fill(&t.intro_all, &[("issuer", &issuer)]),
    }
}

/// Each product's latest figure, as officials write it: "điện thương phẩm đạt 365 triệu
/// kWh, tăng 9,5% so với cùng kỳ năm 2018; đá các loại đạt hơn 1,8 triệu m³, tăng gần 13%
/// so với cùng kỳ". A derived figure is said to be computed, never stated as reported.
pub fn output_sentence(dataset: &Dataset, lang: Lang) -> String {
    let t = &lang.strings().official;
    let latest: Vec<(&crate::model::Indicator, &Observation)> = dataset
        .indicators
        .iter()
        .filter_map(|indicator| {
            let comparable = ProductChart::build(indicator, lang);
            let period = comparable.bars.last()?.period;
            Some((indicator, indicator.observation(period)?))
        })
        .collect();
    if latest.is_empty() {
        return t.no_figures.clone();
    }
    let common = latest.iter().all(|(_, o)| o.period == latest[0].1.period);
    let items: Vec<String> = latest
        .iter()
        .enumerate()
        .map(|(index, (indicator, observation))| {
            let name = lowercase_first(chart::indicator_name(indicator, lang));
            let value = format::qualified_quantity(
                observation.value,
                observation.qualifier,
                &indicator.unit,
                lang,
            );
            let period = format::period_long(observation.period, lang).to_lowercase();
            let mut item = match (observation.basis, common) {
                (Basis::Derived, _) => {
                    let plain = format::quantity(observation.value, &indicator.unit, lang);
                    fill(&t.derived, &[("name", &name), ("value", &plain)])
                }
                (Basis::Reported, true) => fill(&t.reached, &[("name", &name), ("value", &value)]),
                (Basis::Reported, false) => {
                    fill(&t.reached_in, &[("name", &name), ("period", &period), ("value", &value)])
                }
            };
            if let Some(change) =
                observation.change.filter(|_| observation.basis == Basis::Reported)
            {
                let words = change_words(change, lang);
                let year = observation.period.year() - 1;
                // The first figure names the year compared with; the rest say "cùng kỳ".
                let against = if index == 0 || !common {
                    fill(&t.against_year, &[("change", &words), ("year", &year)])
                } else {
                    fill(&t.against, &[("change", &words)])
                };
                item.push_str(", ");
                item.push_str(&against);
            }
            item
        })
        .collect();
    let list = items.join("; ");
    if common {
        let period = format::period_long(latest[0].1.period, lang).to_lowercase();
        fill(&t.output_common_period, &[("period", &period), ("list", &list)])
    } else {
        fill(&t.output_mixed_periods, &[("list", &list)])
    }
}

/// "tăng 9,5%", "tăng gần 13%", "giảm 2%", "bằng cùng kỳ".
fn change_words(change: crate::model::Change, lang: Lang) -> String {
    let t = &lang.strings().official;
    if change.percent.abs() < 1e-9 {
        return t.level.clone();
    }
    let qualifier = format::qualifier_word(change.qualifier, lang)
        .map(|word| format!("{word} "))
        .unwrap_or_default();
    let percent = format::percent(change.percent.abs(), lang);
    let template = if change.percent > 0.0 { &t.up } else { &t.down };
    fill(template, &[("qualifier", &qualifier), ("percent", &percent)])
}

/// The planned zones and clusters, each with its area and qualifier, or the words that
/// it has none ("Khu công nghiệp Hữu Lũng (chưa có số liệu diện tích)").
pub fn zones_sentence(dataset: &Dataset, lang: Lang) -> String {
    let t = &lang.strings().official;
    let items: Vec<String> = dataset
        .zones
        .iter()
        .map(|zone| match zone.area_ha {
            Some(area) => {
                let area = format::qualified_quantity(area, zone.qualifier, "ha", lang);
                fill(&t.zone_with_area, &[("name", &zone.name), ("area", &area)])
            }
            None => fill(&t.zone_without_area, &[("name", &zone.name)]),
        })
        .collect();
    if items.is_empty() {
        return t.no_figures.clone();
    }
    fill(&t.zones, &[("list", &items.join("; "))])
}

/// "Tổng số 10 nhiệm vụ; trong đó: 1 nhiệm vụ chưa hoàn thành, đã quá hạn; 9 nhiệm vụ chưa
/// có thời hạn." Statuses no directive has are left out (a list of zeros hid the one that
/// counted), and the parts are parted by semicolons, as the status words hold commas.
fn directive_counts(directives: &[&Directive], today: Date, lang: Lang) -> String {
    let t = &lang.strings().official;
    let list: Vec<String> = SUMMARY_ORDER
        .iter()
        .zip(&t.statuses)
        .filter_map(|(status, words)| {
            let count = directives
                .iter()
                .filter(|d| DirectiveStatus::of_directive(d, today) == *status)
                .count();
            (count > 0).then(|| fill(&t.directive_count, &[("count", &count), ("words", words)]))
        })
        .collect();
    if list.is_empty() {
        return t.no_directives_counted.clone();
    }
    fill(&t.directive_counts, &[("total", &directives.len()), ("list", &list.join("; "))])
}

/// The official status words of a directive, capitalised ("Chưa hoàn thành, đã quá hạn").
pub fn status_phrase(status: DirectiveStatus, lang: Lang) -> String {
    capitalised(status_words(status, lang))
}

/// The official status words of a directive.
pub(super) fn status_words(status: DirectiveStatus, lang: Lang) -> &'static str {
    let t = &lang.strings().official;
    let index = SUMMARY_ORDER.iter().position(|s| *s == status).unwrap_or(0);
    &t.statuses[index]
}

fn directives_table(
    dataset: &Dataset,
    directives: &[&Directive],
    today: Date,
    lang: Lang,
) -> Table {
    let t = &lang.strings().official;
    let unit = |id| dataset.unit(id).map_or_else(|| format!("#{}", id.0), |u| u.name.clone());
    let rows = directives
        .iter()
        .map(|directive| {
            let number = followup::position(dataset, directive.id).map_or(0, |i| i + 1);
            let lead = directive.lead_unit.map_or_else(|| t.none.clone(), unit);
            let support = if directive.supporting_units.is_empty() {
                t.none.clone()
            } else {
                directive.supporting_units.iter().map(|&id| unit(id)).collect::<Vec<_>>().join(", ")
            };
            let status = DirectiveStatus::of_directive(directive, today);
            let mut progress = capitalised(status_words(status, lang));
            if let Some(done) = directive.completed_on {
                progress.push_str(&format!(" ({})", format::date(done)));
            }
            if let Some(note) = directive.progress.iter().max_by_key(|note| note.date) {
                progress.push_str(&format!(".\n{}: {}", format::date(note.date), note.text));
            }
            vec![
                Cell::from(number.to_string()),
                Cell::from(directive.text.as_str()),
                Cell::from(lead),
                Cell::from(support),
                Cell::from(directive.deadline.map_or_else(|| t.none.clone(), format::date)),
                Cell::from(progress),
            ]
        })
        .collect();
    official_table(
        vec![
            Column::new(&t.col_number, 0.7, Align::Center),
            Column::new(&t.col_text, 4.0, Align::Left),
            Column::new(&t.col_lead, 1.6, Align::Left),
            Column::new(&t.col_support, 1.8, Align::Left),
            Column::new(&t.col_deadline, 1.1, Align::Center),
            Column::new(&t.col_progress, 2.6, Align::Left),
        ],
        rows,
    )
}

fn units_table(dataset: &Dataset, directives: &[&Directive], today: Date, lang: Lang) -> Table {
    let d = &lang.strings().directives;
    let t = &lang.strings().official;
    let rows = super::report::unit_rows(dataset, directives, today, lang);
    let mut columns = vec![
        Column::new(&d.unit_col, 2.4, Align::Left),
        Column::new(&d.total_col, 0.8, Align::Center),
    ];
    columns.extend(
        t.statuses.iter().map(|words| Column::new(&capitalised(words), 1.2, Align::Center)),
    );
    columns.push(Column::new(&d.rate_col, 1.2, Align::Center));
    official_table(columns, rows)
}

/// A table as the decree's documents have them: Times text, black rules, no fill.
pub(super) fn official_table(columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Table {
    Table { columns, rows, style: Style::serif(TABLE), header_fill: None }
}

/// The recipients' lines: "- Như trên;" … the last with a full stop.
pub(super) fn recipient_lines(letterhead: &Letterhead) -> Vec<String> {
    let lines: Vec<&str> = letterhead
        .recipients
        .iter()
        .map(|line| line.trim().trim_start_matches('-').trim().trim_end_matches(['.', ';']))
        .filter(|line| !line.is_empty())
        .collect();
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(index, line)| format!("- {line}{}", if index + 1 == count { "." } else { ";" }))
        .collect()
}

/// The arguments of a date template: `{day}`, `{day2}`, `{month}`, `{year}`, `{place}`.
pub(super) fn date_args<'a>(
    date: Date,
    lang: Lang,
    place: &'a str,
) -> [(&'static str, Box<dyn std::fmt::Display + 'a>); 5] {
    let months = &lang.strings().official.months;
    let month = months[usize::try_from(date.month() - 1).unwrap_or(0)].clone();
    [
        ("place", Box::new(place)),
        ("day", Box::new(date.day())),
        ("day2", Box::new(format!("{:02}", date.day()))),
        ("month", Box::new(month)),
        ("year", Box::new(date.year())),
    ]
}

/// `ngày 01 tháng 12 năm 2026` / `1 December 2026`.
pub(super) fn written_date(date: Date, lang: Lang) -> String {
    fill_boxed(&lang.strings().official.date_only, &date_args(date, lang, ""))
}

pub(super) fn fill_boxed(
    template: &str,
    args: &[(&str, Box<dyn std::fmt::Display + '_>)],
) -> String {
    let args: Vec<(&str, &dyn std::fmt::Display)> =
        args.iter().map(|(name, value)| (*name, value.as_ref())).collect();
    fill(template, &args)
}

fn roman_numeral(number: usize) -> &'static str {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        .get(number - 1)
        .copied()
        .unwrap_or("X")
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;

    fn today() -> Date {
        jiff::civil::date(2026, 12, 1)
    }

    #[test]
    fn the_figures_are_written_as_officials_write_them() {
        let sentence = output_sentence(&builtin::dataset(), Lang::Vi);
        assert_eq!(
            sentence,
            "Trong 6 tháng đầu năm 2019, sản lượng một số sản phẩm công nghiệp chủ yếu như sau: \
             điện thương phẩm đạt 365 triệu kWh, tăng 9,5% so với cùng kỳ năm 2018; đá các loại \
             đạt hơn 1,8 triệu m³, tăng gần 13% so với cùng kỳ; gỗ và các sản phẩm từ gỗ rừng \
             trồng đạt 72.000 m³, tăng 50% so với cùng kỳ."
        );
        let english = output_sentence(&builtin::dataset(), Lang::En);
        assert!(
            english
                .contains("reached 365 million kWh, up 9.5% compared with the same period of 2018"),
            "{english}"
        );
    }

    #[test]
    fn a_derived_figure_is_never_stated_as_reported() {
        let mut data = builtin::dataset();
        // Only the derived 2018 figures left for electricity: its latest is then derived.
        data.indicators[0].observations.retain(|o| o.basis == Basis::Derived);
        let sentence = output_sentence(&data, Lang::Vi);
        assert!(
            sentence.contains("điện thương phẩm ước khoảng 333,3 triệu kWh (số liệu tính toán"),
            "{sentence}"
        );
        assert!(!sentence.contains("điện thương phẩm đạt"), "{sentence}");
    }

    #[test]
    fn a_zone_without_an_area_is_said_so() {
        let sentence = zones_sentence(&builtin::dataset(), Lang::Vi);
        assert!(
            sentence.contains("Khu công nghiệp Đồng Bành (diện tích trên 321 ha)"),
            "{sentence}"
        );
        assert!(sentence.contains("Hữu Lũng (chưa có số liệu diện tích)"), "{sentence}");
    }

    #[test]
    fn the_header_block_and_the_foot_come_from_the_letterhead() {
        let mut data = builtin::dataset();
        let mut letterhead = data.letterhead_or_default();
        letterhead.number = Some(5);
        letterhead.signer_name = "Nguyễn Văn A".into();
        letterhead.recipients = vec!["Như trên".into(), "Lưu: VT, KHTC".into()];
        data.letterhead = Some(letterhead);
        let report =
            OfficialReport::build(&data, &ReportOptions::new(&data, today()), Lang::Vi).unwrap();
        assert_eq!(report.parent_body, "UBND TỈNH LẠNG SƠN");
        assert_eq!(report.issuing_body, "SỞ CÔNG THƯƠNG");
        assert_eq!(report.number, "Số: 05/BC-SCT");
        assert_eq!(report.place_date, "Lạng Sơn, ngày 01 tháng 12 năm 2026");
        assert_eq!(report.addressee.as_deref(), Some("Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn."));
        assert_eq!(report.recipients, ["- Như trên;", "- Lưu: VT, KHTC."]);
        assert_eq!(report.authority, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]);
        assert_eq!(report.signer, "Nguyễn Văn A");
        let appendix = report.appendix.unwrap();
        assert_eq!(
            appendix.note,
            "(Kèm theo Báo cáo số 05/BC-SCT ngày 01 tháng 12 năm 2026 của Sở Công Thương)"
        );
    }

    #[test]
    fn months_one_and_two_take_a_leading_zero() {
        let date = |m| written_date(jiff::civil::date(2020, m, 5), Lang::Vi);
        assert_eq!(date(1), "ngày 05 tháng 01 năm 2020");
        assert_eq!(date(2), "ngày 05 tháng 02 năm 2020");
        assert_eq!(date(3), "ngày 05 tháng 3 năm 2020");
        assert_eq!(written_date(jiff::civil::date(2020, 3, 5), Lang::En), "5 March 2020");
    }

    #[test]
    fn the_counts_by_status_and_every_product_as_a_figure() {
        let mut data = builtin::dataset();
        data.directives[0].deadline = Some(jiff::civil::date(2019, 9, 30));
        let mut added = data.indicators[2].clone();
        added.id = "xi-mang".into();
        added.name = "Xi măng".into();
        data.indicators.push(added);
        let report =
            OfficialReport::build(&data, &ReportOptions::new(&data, today()), Lang::Vi).unwrap();
        let texts: Vec<String> = report
            .body
            .iter()
            .filter_map(|p| match p {
                Piece::Paragraph(text) => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert!(
            texts.iter().any(|t| t == "Tổng số 10 nhiệm vụ; trong đó: 1 nhiệm vụ chưa hoàn thành, đã quá hạn; 9 nhiệm vụ chưa có thời hạn."),
            "{texts:?}"
        );
        let captions: Vec<&str> = report
            .body
            .iter()
            .filter_map(|p| match p {
                Piece::Figure { caption, .. } => Some(caption.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(captions.len(), 5, "four products and the zones: {captions:?}");
        assert_eq!(captions[0], "Hình 1. Điện thương phẩm");
        assert!(captions.contains(&"Hình 4. Xi măng"), "{captions:?}");
    }
}
