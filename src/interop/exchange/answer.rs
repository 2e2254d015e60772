//! A unit's report sheet come back filled in (`super::report_sheet` wrote it), read as an
//! import plan like any workbook: per directive the progress note it adds (dated the day
//! the sheet was made, naming the unit, with the difficulty reported), the completion date
//! it sets, and a directive changed here since the sheet was made said as such. A sheet of
//! another file, a row naming another unit's directive or one the file lacks, a date that
//! is not one, a completion before the meeting: refused with the row and the reason, and
//! then nothing is applied at all (the plan has no action).
//!
//! [`plan`] answers `None` for a workbook without the hidden sheet: it is then a workbook
//! of figures and directives for `super::import`.

use std::collections::HashMap;

use jiff::civil::Date;

use super::import::{Cell, Plan, Refusal, Sheet};
use super::report_sheet::{self, META_SHEET};
use crate::editing::action::Action;
use crate::i18n::{Lang, fill};
use crate::model::{Dataset, DirectiveId, ProgressNote, UnitId};

/// What the hidden sheet says.
struct Meta {
    file: String,
    unit_id: UnitId,
    unit: String,
    made: Date,
    header_row: usize,
    hashes: HashMap<u32, String>,
}

fn text(cell: Option<&Cell>) -> String {
    match cell {
        None | Some(Cell::Empty) => String::new(),
        Some(Cell::Text(text)) => text.trim().to_owned(),
        Some(Cell::Number(n)) if n.fract() == 0.0 => format!("{}", *n as i64),
        Some(Cell::Number(n)) => n.to_string(),
        Some(Cell::Date(date)) => crate::format::date(*date),
    }
}

fn read_meta(sheet: &Sheet) -> Result<Meta, String> {
    let mut values: HashMap<String, String> = HashMap::new();
    let mut hashes = HashMap::new();
    for row in &sheet.rows {
        let key = text(row.first());
        if key == "directive" {
            if let Ok(id) = text(row.get(1)).parse::<u32>() {
                hashes.insert(id, text(row.get(2)));
            }
        } else if !key.is_empty() {
            values.insert(key, text(row.get(1)));
        }
    }
    let get = |key: &str| values.get(key).cloned().ok_or_else(|| format!("{key}?"));
    if get("format")? != report_sheet::FORMAT {
        return Err("format".to_owned());
    }
    Ok(Meta {
        file: get("file")?,
        unit_id: UnitId(get("unit_id")?.parse().map_err(|_| "unit_id".to_owned())?),
        unit: get("unit")?,
        made: get("made")?.parse().map_err(|_| "made".to_owned())?,
        header_row: get("header_row")?.parse().map_err(|_| "header_row".to_owned())?,
        hashes,
    })
}

/// A completion date as the unit typed it: a real date cell, a text `dd/mm/yyyy`, or an
/// Excel day number (a date cell some programs hand back as a plain number).
fn completion(cell: Option<&Cell>) -> Result<Option<Date>, String> {
    match cell {
        None | Some(Cell::Empty) => Ok(None),
        Some(Cell::Date(date)) => Ok(Some(*date)),
        Some(Cell::Number(n)) if (20_000.0..80_000.0).contains(n) => {
            Ok(jiff::civil::date(1899, 12, 30)
                .checked_add(jiff::Span::new().days(n.floor() as i64))
                .ok())
        }
        Some(other) => {
            let typed = text(Some(other));
            crate::format::parse_date(&typed).map(Some).ok_or(typed)
        }
    }
}

/// The plan of a returned report sheet, or `None` when `sheets` are not one.
pub fn plan(dataset: &Dataset, sheets: &[Sheet], lang: Lang) -> Option<Plan> {
    let meta_sheet = sheets.iter().find(|s| s.name == META_SHEET)?;
    let t = &lang.strings().chase;
    let rows_word = &lang.strings().import.row;
    let main = sheets.iter().find(|s| s.name != META_SHEET);
    let main_name = main.map_or_else(|| t.sheet_name.clone(), |s| s.name.clone());
    let mut plan = Plan::default();
    let refuse_whole = |plan: &mut Plan, reason: String| {
        plan.refused.push(Refusal { sheet: main_name.clone(), row: 1, reason });
    };
    let meta = match read_meta(meta_sheet) {
        Ok(meta) => meta,
        Err(detail) => {
            refuse_whole(&mut plan, fill(&t.refuse_damaged, &[("detail", &detail)]));
            return Some(plan);
        }
    };
    if meta.file != crate::interop::chase::file_fingerprint(dataset) {
        refuse_whole(&mut plan, t.refuse_other_file.clone());
        return Some(plan);
    }
    let Some(unit) = dataset.unit(meta.unit_id) else {
        let reason = fill(&t.refuse_no_unit, &[("id", &meta.unit_id.0), ("name", &meta.unit)]);
        refuse_whole(&mut plan, reason);
        return Some(plan);
    };
    let Some(main) = main else { return Some(plan) };
    let mut scratch = dataset.clone();
    let mut actions = Vec::new();
    let made = crate::format::date(meta.made);
    for (index, cells) in main.rows.iter().enumerate().skip(meta.header_row) {
        let line = index + 1;
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let refuse = |plan: &mut Plan, reason: String| {
            plan.refused.push(Refusal { sheet: main.name.clone(), row: line, reason });
        };
        let id_text = text(cells.first());
        let Ok(id) = id_text.parse::<u32>().map(DirectiveId) else {
            refuse(&mut plan, fill(&t.refuse_bad_id, &[("text", &id_text)]));
            continue;
        };
        let Some(current) = scratch.directive(id).cloned() else {
            refuse(&mut plan, fill(&t.refuse_no_directive, &[("id", &id.0)]));
            continue;
        };
        if !crate::interop::chase::in_charge(&current, unit.id) || !meta.hashes.contains_key(&id.0)
        {
            refuse(&mut plan, fill(&t.refuse_other_unit, &[("id", &id.0), ("unit", &unit.name)]));
            continue;
        }
        let progress = text(cells.get(4));
        let difficulty = text(cells.get(6));
        // "Không", "không có", "-": the unit says it has none, which is no difficulty to add.
        let difficulty = if says_none(&difficulty) { String::new() } else { difficulty };
        let done = match completion(cells.get(5)) {
            Ok(done) => done,
            Err(typed) => {
                refuse(&mut plan, fill(&t.refuse_bad_date, &[("text", &typed)]));
                continue;
            }
        };
        let meeting = scratch.meeting(current.meeting_id).map(|m| m.date);
        if let (Some(done), Some(meeting)) = (done, meeting)
            && done < meeting
        {
            let reason = fill(
                &t.refuse_before_meeting,
                &[("date", &crate::format::date(done)), ("meeting", &crate::format::date(meeting))],
            );
            refuse(&mut plan, reason);
            continue;
        }
        if progress.is_empty() && difficulty.is_empty() && done.is_none() {
            plan.unchanged += 1;
            continue;
        }
        let mut changed = current.clone();
        let mut said = Vec::new();
        let mut note = Vec::new();
        if !progress.is_empty() {
            note.push(fill(&t.answer_note, &[("unit", &unit.name), ("text", &progress)]));
        }
        if !difficulty.is_empty() {
            let words = fill(&t.answer_difficulty, &[("text", &difficulty)]);
            if note.is_empty() {
                note.push(fill(&t.answer_note, &[("unit", &unit.name), ("text", &words)]));
            } else {
                note.push(words);
            }
        }
        if !note.is_empty() {
            let note = note.join(". ");
            said.push(fill(&t.answer_adds_note, &[("date", &made), ("note", &note)]));
            changed.progress.push(ProgressNote { date: meta.made, text: note });
        }
        if let Some(done) = done {
            said.push(fill(&t.answer_sets_done, &[("date", &crate::format::date(done))]));
            changed.completed_on = Some(done);
        }
        // The difficulty is said once, inside the note (it was also a line of its own).
        let original = dataset.directive(id);
        if original
            .is_some_and(|d| Some(&report_sheet::directive_hash(d)) != meta.hashes.get(&id.0))
        {
            said.push(fill(&t.answer_changed_since, &[("date", &made)]));
        }
        let action = Action::ReplaceDirective(Box::new(changed));
        match action.clone().apply(&mut scratch) {
            Ok(_) => {
                let short: String = current.text.chars().take(60).collect();
                let head = fill(&t.answer_line, &[("id", &id.0), ("text", &short)]);
                plan.changed.push(format!(
                    "{}, {rows_word} {line}: {head} {}",
                    main.name,
                    said.join("; ")
                ));
                actions.push(action);
            }
            Err(error) => refuse(&mut plan, error.describe(lang)),
        }
    }
    // A sheet with a refused row changes nothing: the unit is asked again, not half-read.
    if plan.refused.is_empty() && !actions.is_empty() {
        plan.action = Some(Action::Batch(actions));
    }
    Some(plan)
}

/// Whether a difficulty cell says there is none ("Không", "không có", "-").
fn says_none(text: &str) -> bool {
    let folded = crate::model::fold::fold(text.trim().trim_end_matches('.'));
    matches!(folded.as_str(), "khong" | "khong co" | "none" | "no" | "-" | "—" | "0")
}

#[cfg(test)]
mod none_tests {
    use super::says_none;

    /// A unit that writes "Không" under difficulties has none: no line saying it reports
    /// the difficulty «Không».
    #[test]
    fn a_difficulty_of_none_is_no_difficulty() {
        for none in ["Không", "không có.", " - ", "None", "KHÔNG CÓ"] {
            assert!(says_none(none), "{none:?}");
        }
        for some in ["Thiếu kinh phí", "Không đủ kinh phí"] {
            assert!(!says_none(some), "{some:?}");
        }
    }
}
