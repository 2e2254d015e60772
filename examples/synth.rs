//! Writes a large, realistic dataset file for trying the app and its benchmarks at the size
//! a province's office reaches after years: many meetings, thousands of directives with
//! Vietnamese text, units, deadlines, progress notes and completions, and decades of
//! monthly figures for the three products. Seeded: the same arguments give the same file.
//!
//! `cargo run --release --example synth -- --meetings 500 --directives 10000 --years 30 -o big.ron`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use industry_desk::i18n::Lang;
use industry_desk::{files::builtin, files::storage, synth};

/// Generate a large dataset file.
#[derive(Debug, Parser)]
struct Args {
    /// How many meetings to add to the built-in one.
    #[arg(long, default_value_t = 500)]
    meetings: usize,
    /// How many directives to spread over them.
    #[arg(long, default_value_t = 10_000)]
    directives: usize,
    /// Years of monthly figures for each product (0 keeps the built-in figures).
    #[arg(long, default_value_t = 30)]
    years: i16,
    /// The day deadlines and completions are set around (YYYY-MM-DD).
    #[arg(long, default_value = "2026-11-26")]
    today: jiff::civil::Date,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the file (.ron).
    #[arg(short, long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut data = synth::with_directives(
        builtin::dataset(),
        args.meetings,
        args.directives,
        args.today,
        args.seed,
    );
    if args.years > 0 {
        data = synth::with_monthly_figures(data, args.years.min(200));
    }
    match storage::save(&args.out, &data) {
        Ok(()) => {
            println!(
                "{}: {} meetings, {} directives, {} figures",
                args.out.display(),
                data.meetings.len(),
                data.directives.len(),
                data.indicators.iter().map(|i| i.observations.len()).sum::<usize>()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.describe(Lang::En));
            ExitCode::FAILURE
        }
    }
}
