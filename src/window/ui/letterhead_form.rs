//! The letterhead form, reached from the print dialog: the parent and issuing body, the
//! symbol and number, the place, whom the report goes to, the recipients and who signs.
//! It edits a copy; "Lưu thể thức" gives the edited letterhead (one undo step), "Theo mặc
//! định" gives none (the file's own letterhead goes, the default from the province comes
//! back).

use crate::i18n::{Lang, fill};
use crate::model::{Dataset, Letterhead};
use crate::window::ui::theme;

/// The form's fields, as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    parent_body: String,
    issuing_body: String,
    symbol: String,
    number: String,
    place: String,
    addressee: String,
    recipients: String,
    signer_authority: String,
    signer_title: String,
    signer_name: String,
    /// Why the last save was refused.
    error: Option<String>,
}

/// What the user did with the form this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Keep this letterhead in the file (`None`: go back to the default).
    Save(Option<Box<Letterhead>>),
}

impl Form {
    /// The form filled with what the report prints now.
    pub fn new(dataset: &Dataset) -> Form {
        let l = dataset.letterhead_or_default();
        Form {
            parent_body: l.parent_body,
            issuing_body: l.issuing_body,
            symbol: l.symbol,
            number: l.number.map(|n| n.to_string()).unwrap_or_default(),
            place: l.place,
            addressee: l.addressee,
            recipients: l.recipients.join("\n"),
            signer_authority: l.signer_authority,
            signer_title: l.signer_title,
            signer_name: l.signer_name,
            error: None,
        }
    }

    /// The letterhead the form describes, or why it can't be one.
    fn letterhead(&self, lang: Lang) -> Result<Letterhead, String> {
        let typed = self.number.trim();
        let number = if typed.is_empty() {
            None
        } else {
            match typed.parse::<u32>() {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    let t = &lang.strings().official;
                    return Err(fill(&t.form_bad_number, &[("text", &typed)]));
                }
            }
        };
        let line = |text: &str| text.trim().to_owned();
        Ok(Letterhead {
            parent_body: line(&self.parent_body),
            issuing_body: line(&self.issuing_body),
            symbol: line(&self.symbol),
            number,
            place: line(&self.place),
            addressee: line(&self.addressee),
            recipients: self
                .recipients
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            signer_authority: line(&self.signer_authority),
            signer_title: line(&self.signer_title),
            signer_name: line(&self.signer_name),
        })
    }
}

/// Draws the form; a save or a reset is the outcome.
pub fn show(ui: &mut egui::Ui, form: &mut Form, dataset: &Dataset, lang: Lang) -> Option<Outcome> {
    let t = &lang.strings().official;
    let mut outcome = None;
    egui::Grid::new("letterhead-form").num_columns(2).spacing([8.0, 4.0]).show(ui, |ui| {
        let field = |ui: &mut egui::Ui, label: &str, text: &mut String, hint: Option<&str>| {
            let caption = ui.label(label);
            let mut edit = egui::TextEdit::singleline(text).desired_width(300.0);
            if let Some(hint) = hint {
                edit = edit.hint_text(hint);
            }
            ui.add(edit).labelled_by(caption.id);
            ui.end_row();
        };
        field(ui, &t.form_parent, &mut form.parent_body, None);
        field(ui, &t.form_issuer, &mut form.issuing_body, None);
        field(ui, &t.form_symbol, &mut form.symbol, None);
        field(ui, &t.form_number, &mut form.number, Some(&t.form_number_hint));
        field(ui, &t.form_place, &mut form.place, None);
        field(ui, &t.form_addressee, &mut form.addressee, None);
        let caption = ui.label(&t.form_recipients);
        ui.add(
            egui::TextEdit::multiline(&mut form.recipients).desired_rows(3).desired_width(300.0),
        )
        .labelled_by(caption.id);
        ui.end_row();
        field(ui, &t.form_authority, &mut form.signer_authority, None);
        field(ui, &t.form_signer_title, &mut form.signer_title, None);
        field(ui, &t.form_signer_name, &mut form.signer_name, None);
    });
    if let Some(error) = &form.error {
        ui.label(egui::RichText::new(error).color(theme::ERROR));
    }
    ui.horizontal(|ui| {
        if ui.button(&t.form_save).clicked() {
            match form.letterhead(lang) {
                Ok(letterhead) => {
                    form.error = None;
                    outcome = Some(Outcome::Save(Some(Box::new(letterhead))));
                }
                Err(reason) => form.error = Some(reason),
            }
        }
        let kept = dataset.letterhead.is_some();
        if ui.add_enabled(kept, egui::Button::new(&t.form_reset)).clicked() {
            outcome = Some(Outcome::Save(None));
            let mut default = dataset.clone();
            default.letterhead = None;
            *form = Form::new(&default);
        }
    });
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;

    #[test]
    fn the_form_gives_back_what_it_was_filled_with() {
        let data = builtin::dataset();
        let form = Form::new(&data);
        assert_eq!(form.letterhead(Lang::Vi).unwrap(), data.letterhead_or_default());
    }

    #[test]
    fn a_number_that_is_not_one_is_refused_with_the_reason() {
        let mut form = Form::new(&builtin::dataset());
        form.number = "5a".into();
        let reason = form.letterhead(Lang::Vi).unwrap_err();
        assert!(reason.contains("5a"), "{reason}");
        form.number = " 12 ".into();
        assert_eq!(form.letterhead(Lang::Vi).unwrap().number, Some(12));
    }
}
