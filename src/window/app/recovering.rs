//! Offering crashed work back: after the window starts (once a file given to it has
//! opened), after every file opened, and from File › Bản sao khôi phục…. The copies are
//! found and compared with their files on a worker thread; each is then offered in turn
//! with what it changed, and stays on disk until the user restores or discards it.

use std::path::PathBuf;

use super::{App, Modal, OfferView, RecoverChoice};
use crate::editing::document::Document;
use crate::files::recovery::{Against, Offer, Orphan, Store};
use crate::format;
use crate::i18n::fill;
use crate::window::jobs::{Job, Polled};

/// Which copies a search is for.
#[derive(Clone, Debug)]
pub(super) enum Looking {
    /// At start: every crashed copy, those of the file opened first.
    AtStart { opened: Option<PathBuf> },
    /// After a file was opened: that file's copies.
    ForFile(PathBuf),
    /// The user asked (File menu): every crashed copy, or word that there is none.
    Asked,
}

/// Copies being found and examined on a worker.
pub(super) struct Search {
    job: Job<Vec<Offer>>,
    looking: Looking,
}

impl App {
    /// Starts looking for crashed copies (no-op without a recovery folder).
    pub(super) fn look_for_copies(&mut self, looking: Looking) {
        let Some(store) = self.store.clone() else { return };
        let wanted = looking.clone();
        let job = Job::start(move || find(&store, &wanted));
        self.search = Some(Search { job, looking });
    }

    /// Whether crashed copies are being looked for.
    pub fn is_looking_for_copies(&self) -> bool {
        self.search.is_some()
    }

    /// Takes the copies found once the worker is done.
    pub(super) fn poll_search(&mut self, ctx: &egui::Context) {
        let Some(search) = &self.search else { return };
        let offers = match search.job.poll() {
            Polled::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(30));
                return;
            }
            Polled::Done(offers) => offers,
            Polled::Vanished => Vec::new(),
        };
        let search = self.search.take().expect("polled above");
        if offers.is_empty() && matches!(search.looking, Looking::Asked) {
            self.status_line = self.lang().strings().recovery.none_found.clone();
        }
        // Copies already waiting are held by this window: a new search doesn't find them.
        self.offers.extend(offers);
        ctx.request_repaint();
    }

    /// Shows the next waiting offer once no other dialog is open.
    pub(super) fn show_next_offer(&mut self) {
        if self.modal.is_some() || self.opening.is_some() {
            return;
        }
        if let Some(offer) = self.offers.first() {
            let view = self.offer_view(offer);
            self.modal = Some(Modal::Recover(view));
        }
    }

    fn offer_view(&self, offer: &Offer) -> OfferView {
        let lang = self.lang();
        let t = &lang.strings().recovery;
        let meta = &offer.orphan.meta;
        let file = match &meta.origin {
            Some(path) => path.display().to_string(),
            None => t.never_saved.clone(),
        };
        let written = meta.written.map(local_time).unwrap_or_else(|| "?".into());
        let mut warnings = Vec::new();
        let changes = match (&offer.against, &offer.changes) {
            (Against::Builtin(_), Some(changes)) => {
                fill(&t.against_builtin, &[("changes", &format::changes(changes, lang))])
            }
            (Against::File { changed_since, .. }, Some(changes)) => {
                if *changed_since {
                    warnings.push(t.file_changed_since.clone());
                }
                fill(&t.against_file, &[("changes", &format::changes(changes, lang))])
            }
            (Against::Unreadable(error), _) => {
                fill(&t.file_unreadable, &[("error", &error.describe(lang))])
            }
            (_, None) => String::new(),
        };
        if let Err(error) = &offer.copy {
            warnings.push(fill(&t.copy_unreadable, &[("error", &error.describe(lang))]));
        }
        OfferView {
            file,
            written,
            changes,
            warnings,
            can_restore: offer.copy.is_ok() && !self.doc.is_dirty(),
            position: (1, self.offers.len()),
        }
    }

    /// Carries out the answer to the offer shown (the first waiting).
    pub(super) fn answer_offer(&mut self, choice: RecoverChoice) {
        if self.offers.is_empty() {
            return;
        }
        let offer = self.offers.remove(0);
        match choice {
            RecoverChoice::Restore => {
                let Ok(dataset) = offer.copy else { return };
                let Orphan { slot, meta } = offer.orphan;
                let mut doc = Document::with_meta(dataset, meta.origin.clone(), offer.lineage);
                doc.forget_saved_state();
                self.replace_document(doc);
                // The copy stays, now this window's, until the work is saved or dropped;
                // the file counts as it was when the work began, so a save over a file
                // changed since asks first.
                self.slot = Some(slot);
                self.disk_stamp = meta.disk;
                let t = &self.lang().strings().recovery;
                self.status_line = t.restored.clone();
                if !self.offers.is_empty() {
                    let later = self.offers.len();
                    self.offers.clear();
                    self.status_line = fill(&t.others_later, &[("count", &later)]);
                }
            }
            RecoverChoice::Discard => offer.orphan.slot.remove(),
            // Dropping the offer lets the lock go: the copy waits on disk for another time.
            RecoverChoice::Later => drop(offer),
        }
    }
}

/// Finds the crashed copies `looking` is for and compares each with its file.
fn find(store: &Store, looking: &Looking) -> Vec<Offer> {
    let mut orphans = store.orphans();
    match looking {
        Looking::ForFile(path) => orphans.retain(|o| o.belongs_to(path)),
        Looking::AtStart { opened: Some(path) } => {
            // Stable: newest first within each group.
            orphans.sort_by_key(|o| !o.belongs_to(path));
        }
        Looking::AtStart { opened: None } | Looking::Asked => {}
    }
    orphans.into_iter().map(Orphan::examine).collect()
}

/// A moment as the user's clock shows it: `10:42 01/12/2026`.
fn local_time(at: jiff::Timestamp) -> String {
    let local = at.to_zoned(jiff::tz::TimeZone::system());
    format!("{:02}:{:02} {}", local.hour(), local.minute(), format::date(local.date()))
}
