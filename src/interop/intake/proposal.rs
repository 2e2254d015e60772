//! What a notice would add to a file, as the official reviews it: the meeting (or the one
//! already in the file of that date and subject), the units (each matched to the file's
//! list, or new with a kind guessed), and the directives with their fields — each of them
//! editable, droppable, joinable and splittable — with the ones the file already has
//! flagged. Nothing changes until [`Proposal::action`] makes the one undoable edit.

use jiff::civil::Date;

use super::clause::{self, Context, Lead, LeadFrom};
use super::genre::Kind;
use super::notice::Notice;
use super::units::{Named, Names};
use crate::editing::action::Action;
use crate::model::followup::fold;
use crate::model::{Dataset, Directive, DirectiveId, Meeting, MeetingId, Unit, UnitId, UnitKind};

/// The meeting as the notice gives it, editable.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingDraft {
    pub title: String,
    pub date: Option<Date>,
    pub chair: String,
    /// The notice's number ("215/TB-UBND"), kept in the meeting's source.
    pub number: String,
    pub issued_on: Option<Date>,
    pub attendees: Vec<String>,
    pub reporting_body: String,
    pub assessment: Vec<String>,
}

/// A unit the directives name.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitDraft {
    pub name: String,
    pub kind: UnitKind,
    /// The file's unit it is, if the file has it.
    pub existing: Option<UnitId>,
    /// Matched by a name that is only nearly the same ("Các sở, ngành" for "Các sở, ngành
    /// liên quan"): worth a look.
    pub approximate: bool,
}

/// The notice's words each field was read from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sources {
    pub lead: Option<String>,
    /// Whether the lead came from the unit heading above the item, or an earlier clause.
    pub lead_inherited: bool,
    pub supporting: Option<String>,
    pub deadline: Option<String>,
    /// "thường xuyên": the notice sets no deadline, and says so.
    pub standing: Option<String>,
}

/// A directive already in the file that a proposed one nearly repeats.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    pub id: DirectiveId,
    pub text: String,
    /// Share of word pairs in common, 0 to 1.
    pub similarity: f32,
}

/// One proposed directive.
#[derive(Clone, Debug, PartialEq)]
pub struct DirectiveDraft {
    /// Whether "Thêm" adds it.
    pub include: bool,
    pub text: String,
    /// Index into [`Proposal::units`].
    pub lead: Option<usize>,
    pub supporting: Vec<usize>,
    pub deadline: Option<Date>,
    pub output: String,
    pub sources: Sources,
    pub duplicate: Option<Duplicate>,
    /// The notice's line it starts on.
    pub line: usize,
    /// Read from a text that is no notice with nothing marking it a directive for sure:
    /// offered unticked, for the official to tick.
    pub doubtful: bool,
}

/// The whole proposal.
#[derive(Clone, Debug)]
pub struct Proposal {
    pub meeting: MeetingDraft,
    /// The file's meeting the directives go to; `None` adds [`Proposal::meeting`] as new.
    pub target: Option<MeetingId>,
    /// The file's meeting of the notice's date and subject, if there is one.
    pub matched_meeting: Option<MeetingId>,
    pub units: Vec<UnitDraft>,
    pub directives: Vec<DirectiveDraft>,
    /// Where the notice came from ("01-numbered.txt", or none for a paste).
    pub file_name: Option<String>,
    /// The names the notice was read with, to read a split directive's parts again.
    names: Names,
    /// What kind of text it was read from, and how sure the reader is.
    pub kind: Kind,
    /// The meeting's day and month when the text gave no year (the official types it).
    pub date_without_year: Option<(i8, i8)>,
}

/// Why the proposal cannot be added yet.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProposalError {
    #[error("no directive is chosen")]
    NothingChosen,
    #[error("the new meeting has no title")]
    NoTitle,
    #[error("the new meeting has no date")]
    NoDate,
    #[error("a directive's text is empty")]
    EmptyText(usize),
    #[error("a directive's deadline is before the meeting")]
    DeadlineBeforeMeeting { index: usize, deadline: Date, meeting: Date },
    #[error("a new unit has no name")]
    EmptyUnitName,
}

impl ProposalError {
    /// The reason in the official's words.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        let t = &lang.strings().intake;
        match self {
            ProposalError::NothingChosen => t.error_nothing.clone(),
            ProposalError::NoTitle => t.error_no_title.clone(),
            ProposalError::NoDate => t.error_no_date.clone(),
            ProposalError::DeadlineBeforeMeeting { index, deadline, meeting } => crate::i18n::fill(
                &t.error_deadline_before_meeting,
                &[
                    ("n", &(index + 1)),
                    ("deadline", &crate::format::date(*deadline)),
                    ("meeting", &crate::format::date(*meeting)),
                ],
            ),
            ProposalError::EmptyUnitName => t.error_empty_unit.clone(),
            ProposalError::EmptyText(index) => {
                crate::i18n::fill(&t.error_empty_text, &[("n", &(index + 1))])
            }
        }
    }
}

/// Directives at least this alike are flagged as already in the file.
const DUPLICATE_AT: f32 = 0.6;

impl Proposal {
    /// The proposal for `notice` into `dataset`.
    pub fn new(notice: Notice, dataset: &Dataset, file_name: Option<String>) -> Proposal {
        let mut names = Names::builtin();
        names.add_file_units(dataset.units.iter().map(|u| u.name.as_str()));
        let title = if notice.title.is_empty() { String::new() } else { notice.title.clone() };
        let meeting = MeetingDraft {
            title,
            date: notice.date,
            chair: notice.chair.clone().unwrap_or_default(),
            number: notice.number.clone().unwrap_or_default(),
            issued_on: notice.issued_on,
            attendees: notice.attendees.clone(),
            reporting_body: notice.reporting_body.clone().unwrap_or_default(),
            assessment: notice.assessment.clone(),
        };
        let matched_meeting = matching_meeting(dataset, &meeting);
        let mut proposal = Proposal {
            meeting,
            target: matched_meeting,
            matched_meeting,
            units: Vec::new(),
            directives: Vec::new(),
            file_name,
            names,
            kind: notice.kind,
            date_without_year: notice.date_without_year,
        };
        for item in notice.items {
            let mut draft = proposal.draft(dataset, &item.text, &item.fields, item.line);
            draft.doubtful = item.doubtful;
            draft.include = !item.doubtful;
            proposal.directives.push(draft);
        }
        proposal.flag_duplicates(dataset);
        proposal
    }

    /// A draft from a directive's words and fields, its units matched.
    fn draft(
        &mut self,
        dataset: &Dataset,
        text: &str,
        fields: &clause::Fields,
        line: usize,
    ) -> DirectiveDraft {
        let lead = fields.lead.as_ref().map(|l| self.unit_index(dataset, &l.unit));
        let mut supporting = Vec::new();
        for unit in &fields.supporting {
            let index = self.unit_index(dataset, unit);
            if Some(index) != lead && !supporting.contains(&index) {
                supporting.push(index);
            }
        }
        DirectiveDraft {
            include: true,
            text: text.to_owned(),
            lead,
            supporting,
            deadline: fields.deadline.as_ref().map(|d| d.date),
            output: fields.output.clone().unwrap_or_default(),
            sources: Sources {
                lead: fields.lead.as_ref().map(|l| l.from.words().to_owned()),
                lead_inherited: fields
                    .lead
                    .as_ref()
                    .is_some_and(|l| matches!(l.from, LeadFrom::Heading(_) | LeadFrom::Earlier(_))),
                supporting: fields.supporting_words.clone(),
                deadline: fields.deadline.as_ref().map(|d| d.words.clone()),
                standing: fields.standing.clone(),
            },
            duplicate: None,
            line,
            doubtful: false,
        }
    }

    /// The index of `unit` in [`Proposal::units`], added (matched to the file) if new.
    pub fn unit_index(&mut self, dataset: &Dataset, unit: &Named) -> usize {
        let key = fold(&unit.name);
        if let Some(i) = self.units.iter().position(|u| fold(&u.name) == key) {
            return i;
        }
        let exact = dataset.units.iter().find(|u| fold(&u.name) == key);
        let near = exact.is_none().then(|| nearest_unit(dataset, &unit.name)).flatten();
        let draft = match exact.or(near) {
            Some(existing) => UnitDraft {
                name: existing.name.clone(),
                kind: existing.kind,
                existing: Some(existing.id),
                approximate: exact.is_none(),
            },
            None => UnitDraft {
                name: unit.name.clone(),
                kind: unit.kind,
                existing: None,
                approximate: false,
            },
        };
        // Two spellings of one file unit share its entry.
        if let Some(i) =
            draft.existing.and_then(|id| self.units.iter().position(|u| u.existing == Some(id)))
        {
            return i;
        }
        self.units.push(draft);
        self.units.len() - 1
    }

    /// The index of the file's unit `id` in [`Proposal::units`], added if not there.
    pub fn existing_unit_index(&mut self, dataset: &Dataset, id: UnitId) -> Option<usize> {
        if let Some(i) = self.units.iter().position(|u| u.existing == Some(id)) {
            return Some(i);
        }
        let unit = dataset.unit(id)?;
        self.units.push(UnitDraft {
            name: unit.name.clone(),
            kind: unit.kind,
            existing: Some(id),
            approximate: false,
        });
        Some(self.units.len() - 1)
    }

    /// How many directives "Thêm" would add.
    pub fn chosen(&self) -> usize {
        self.directives.iter().filter(|d| d.include).count()
    }

    /// The units "Thêm" would add to the file: new, and named by a chosen directive.
    pub fn new_units(&self) -> Vec<usize> {
        let mut used: Vec<usize> = self
            .directives
            .iter()
            .filter(|d| d.include)
            .flat_map(|d| d.lead.iter().chain(&d.supporting).copied())
            .filter(|&i| self.units[i].existing.is_none())
            .collect();
        used.sort_unstable();
        used.dedup();
        used
    }

    /// Flags each directive the target meeting already has (nearly the same words), and
    /// leaves it out; a new meeting has none.
    pub fn flag_duplicates(&mut self, dataset: &Dataset) {
        for draft in &mut self.directives {
            let before = draft.duplicate.is_some();
            draft.duplicate =
                self.target.and_then(|meeting| duplicate_in(dataset, meeting, &draft.text));
            if draft.duplicate.is_some() && !before {
                draft.include = false;
            } else if draft.duplicate.is_none() && before {
                draft.include = !draft.doubtful;
            }
        }
    }

    /// Sends the directives to `target` (a file's meeting, or `None` for the new one), and
    /// flags again what that meeting already has.
    pub fn set_target(&mut self, dataset: &Dataset, target: Option<MeetingId>) {
        self.target = target;
        self.flag_duplicates(dataset);
    }

    /// Joins directive `index` to the one before it ("…; …"), which keeps its own fields
    /// and takes the other's where it has none.
    pub fn join_with_previous(&mut self, index: usize) {
        if index == 0 || index >= self.directives.len() {
            return;
        }
        let next = self.directives.remove(index);
        let previous = &mut self.directives[index - 1];
        previous.text = format!("{}; {}", previous.text.trim_end_matches([';', '.']), next.text);
        if previous.lead.is_none() {
            previous.lead = next.lead;
            previous.sources.lead = next.sources.lead;
        }
        for unit in next.supporting {
            if Some(unit) != previous.lead && !previous.supporting.contains(&unit) {
                previous.supporting.push(unit);
            }
        }
        if previous.deadline.is_none() {
            previous.deadline = next.deadline;
            previous.sources.deadline = next.sources.deadline;
        }
        if previous.output.is_empty() {
            previous.output = next.output;
        }
        previous.include |= next.include;
    }

    /// Whether directive `index` has clauses to split into.
    pub fn can_split(&self, index: usize) -> bool {
        self.directives.get(index).is_some_and(|d| parts(&d.text).len() > 1)
    }

    /// Splits directive `index` at its `;` (or its sentences), each part read again; a part
    /// that names no lead keeps the directive's.
    pub fn split(&mut self, dataset: &Dataset, index: usize) {
        let Some(draft) = self.directives.get(index).cloned() else { return };
        let parts = parts(&draft.text);
        if parts.len() < 2 {
            return;
        }
        let earlier = draft.lead.map(|i| Lead {
            unit: Named { name: self.units[i].name.clone(), kind: self.units[i].kind },
            from: LeadFrom::Earlier(draft.sources.lead.clone().unwrap_or_default()),
        });
        let mut drafts = Vec::new();
        for part in parts {
            let context =
                Context { meeting: self.meeting.date, heading: None, earlier: earlier.as_ref() };
            let fields = clause::fields(&part, &self.names.clone(), context);
            let mut new = self.draft(dataset, &part, &fields, draft.line);
            new.include = draft.include;
            drafts.push(new);
        }
        self.directives.splice(index..=index, drafts);
        self.flag_duplicates(dataset);
    }

    /// The one edit that adds the chosen directives, their new units and (unless the file
    /// has it) the meeting.
    pub fn action(&self, dataset: &Dataset) -> Result<Action, ProposalError> {
        if self.chosen() == 0 {
            return Err(ProposalError::NothingChosen);
        }
        if let Some(index) =
            self.directives.iter().position(|d| d.include && d.text.trim().is_empty())
        {
            return Err(ProposalError::EmptyText(index));
        }
        if self.new_units().iter().any(|&i| self.units[i].name.trim().is_empty()) {
            return Err(ProposalError::EmptyUnitName);
        }
        if let Some(meeting) = self.meeting_date(dataset) {
            let early = self.directives.iter().enumerate().find_map(|(index, d)| {
                d.deadline
                    .filter(|&deadline| d.include && deadline < meeting)
                    .map(|deadline| (index, deadline))
            });
            if let Some((index, deadline)) = early {
                return Err(ProposalError::DeadlineBeforeMeeting { index, deadline, meeting });
            }
        }
        let mut actions = Vec::new();
        let meeting_id = match self.target {
            Some(id) => id,
            None => {
                if self.meeting.title.trim().is_empty() {
                    return Err(ProposalError::NoTitle);
                }
                let date = self.meeting.date.ok_or(ProposalError::NoDate)?;
                let id = dataset.next_meeting_id();
                actions.push(Action::AddMeeting(Box::new(Meeting {
                    id,
                    title: self.meeting.title.trim().to_owned(),
                    date,
                    chair: self.meeting.chair.trim().to_owned(),
                    attendees: self.meeting.attendees.clone(),
                    reporting_body: self.meeting.reporting_body.trim().to_owned(),
                    topics: Vec::new(),
                    assessment: self.meeting.assessment.clone(),
                    source_ref: self.source_ref(),
                })));
                id
            }
        };
        let mut unit_ids: Vec<Option<UnitId>> = self.units.iter().map(|u| u.existing).collect();
        for (next, index) in (dataset.next_unit_id().0..).zip(self.new_units()) {
            let unit = &self.units[index];
            let id = UnitId(next);
            unit_ids[index] = Some(id);
            actions.push(Action::AddUnit(Unit {
                id,
                name: crate::model::unit_name(&unit.name),
                kind: unit.kind,
            }));
        }
        let first = dataset.next_directive_id().0;
        for (n, draft) in self.directives.iter().filter(|d| d.include).enumerate() {
            let id = DirectiveId(first + n as u32);
            let directive = Directive {
                id,
                meeting_id,
                text: draft.text.trim().to_owned(),
                addressees: Vec::new(),
                lead_unit: draft.lead.and_then(|i| unit_ids[i]),
                supporting_units: draft.supporting.iter().filter_map(|&i| unit_ids[i]).collect(),
                deadline: draft.deadline,
                expected_output: draft.output.trim().to_owned(),
                progress: Vec::new(),
                completed_on: None,
            };
            let index = dataset.directives.len() + n;
            actions.push(Action::InsertDirective { index, directive: Box::new(directive) });
        }
        Ok(Action::Batch(actions))
    }

    /// The date of the meeting the directives go to: the file's, or the new one's.
    pub fn meeting_date(&self, dataset: &Dataset) -> Option<Date> {
        match self.target {
            Some(id) => dataset.meeting(id).map(|m| m.date),
            None => self.meeting.date,
        }
    }

    /// "Thông báo số 215/TB-UBND ngày 22/08/2019 (215-TB.docx)".
    pub fn source_ref(&self) -> String {
        let mut out = String::from("Thông báo kết luận");
        if !self.meeting.number.trim().is_empty() {
            out = format!("Thông báo số {}", self.meeting.number.trim());
        }
        if let Some(date) = self.meeting.issued_on {
            out.push_str(&format!(" ngày {}", crate::format::date(date)));
        }
        if let Some(file) = &self.file_name {
            out.push_str(&format!(" ({file})"));
        }
        out
    }
}

/// The parts a directive's text splits into: its `;` clauses, else its sentences.
fn parts(text: &str) -> Vec<String> {
    let clauses: Vec<String> = text
        .split(';')
        .map(|p| p.trim().trim_end_matches('.').trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if clauses.len() > 1 {
        return clauses;
    }
    let mut sentences = Vec::new();
    let mut rest = text;
    while let Some(at) =
        rest.find(". ").filter(|&at| rest[at + 2..].starts_with(char::is_uppercase))
    {
        sentences.push(rest[..at].trim().to_owned());
        rest = &rest[at + 2..];
    }
    sentences.push(rest.trim().trim_end_matches('.').to_owned());
    sentences.retain(|s| !s.is_empty());
    sentences
}

/// The file's meeting of the notice's date whose subject the notice's title shares.
fn matching_meeting(dataset: &Dataset, meeting: &MeetingDraft) -> Option<MeetingId> {
    let date = meeting.date?;
    let subject = subject_words(&meeting.title);
    dataset
        .meetings
        .iter()
        .filter(|m| m.date == date)
        .map(|m| {
            let theirs = subject_words(&m.title);
            let shared = subject.iter().filter(|w| theirs.contains(w)).count();
            let smaller = subject.len().min(theirs.len()).max(1);
            (m.id, shared as f32 / smaller as f32)
        })
        .filter(|(_, overlap)| *overlap >= 0.6 || subject.is_empty())
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

/// The folded words of a title's subject: after "về", without the chair's name.
fn subject_words(title: &str) -> Vec<String> {
    let folded = fold(title);
    let subject = folded.split_once(" ve ").map_or(folded.as_str(), |(_, s)| s);
    subject
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(str::to_owned)
        .collect()
}

/// The file's directive of `meeting` most like `text`, if alike enough.
fn duplicate_in(dataset: &Dataset, meeting: MeetingId, text: &str) -> Option<Duplicate> {
    let pairs = word_pairs(text);
    dataset
        .directives
        .iter()
        .filter(|d| d.meeting_id == meeting)
        .map(|d| (d, dice(&pairs, &word_pairs(&d.text))))
        .filter(|(_, similarity)| *similarity >= DUPLICATE_AT)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(d, similarity)| Duplicate { id: d.id, text: d.text.clone(), similarity })
}

/// The pairs of consecutive folded words (the words themselves for a one-word text).
fn word_pairs(text: &str) -> Vec<String> {
    let folded = fold(text);
    let words: Vec<&str> =
        folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        return words.into_iter().map(str::to_owned).collect();
    }
    let mut pairs: Vec<String> = words.windows(2).map(|w| format!("{} {}", w[0], w[1])).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Dice's coefficient of two sorted, deduplicated lists.
fn dice(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    2.0 * shared as f32 / (a.len() + b.len()) as f32
}

/// Words that tell nothing apart when comparing unit names.
const FILLER: &[&str] = &["cac", "lien", "quan", "co"];

/// The file's unit whose name is nearly `name` (the same words, give or take "các" and
/// "liên quan"), if exactly one is.
fn nearest_unit<'d>(dataset: &'d Dataset, name: &str) -> Option<&'d Unit> {
    let words = |text: &str| -> Vec<String> {
        let mut words: Vec<String> = fold(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !FILLER.contains(w))
            .map(str::to_owned)
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    };
    let ours = words(name);
    let mut near = dataset.units.iter().filter(|u| dice(&ours, &words(&u.name)) >= 0.85);
    match (near.next(), near.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}
