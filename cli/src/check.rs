//! `close-reasons check`: every mistake of each registry, rendered as the compile error
//! renders it.

use std::path::PathBuf;

use crate::input::{RegistryFile, RulesChoice};
use crate::report::{self, Outcome, Reporter};

pub fn run(files: &[PathBuf], choice: RulesChoice, reporter: Reporter) -> Outcome {
    let mut outcome = Outcome::Clean;
    let mut mistakes = 0;
    for path in files {
        let file = match RegistryFile::read(path, choice) {
            Ok(file) => file,
            Err((Outcome::Mistakes, rendered)) => {
                reporter.error(&rendered);
                mistakes += 1;
                outcome = outcome.max(Outcome::Mistakes);
                continue;
            }
            Err((failed, message)) => {
                reporter.error(&message);
                outcome = outcome.max(failed);
                continue;
            }
        };
        match file.check() {
            Ok(_) => report::print(&format!("{}: ok\n", file.shown)),
            Err(failure) => {
                let rendered = file.rendered(&failure);
                for problem in &rendered {
                    reporter.error(problem);
                }
                mistakes += rendered.len();
                outcome = outcome.max(Outcome::Mistakes);
            }
        }
    }
    if mistakes > 0 {
        let plural = if mistakes == 1 { "" } else { "s" };
        reporter.error(&format!("{mistakes} mistake{plural} found"));
    }
    outcome
}
