//! Reading a registry file, and which rules it gets.

use std::path::Path;

use close_reasons_registry::{Failure, Model, Rules, check};

use crate::report::Outcome;

/// Which rules `check`, `explain` and `export` apply to a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesChoice {
    /// From the file: the standard registry's when it has `[[range]]` tables, an
    /// application's otherwise.
    Detect,
    /// The standard registry's, whatever the file holds.
    Standard,
    /// An application's, whatever the file holds.
    Application,
}

impl RulesChoice {
    pub fn from_flags(standard: bool, application: bool) -> RulesChoice {
        match (standard, application) {
            (true, _) => RulesChoice::Standard,
            (_, true) => RulesChoice::Application,
            _ => RulesChoice::Detect,
        }
    }

    pub fn rules_for(self, text: &str) -> Rules {
        match self {
            RulesChoice::Detect => Rules::for_text(text),
            RulesChoice::Standard => Rules::Standard,
            RulesChoice::Application => Rules::Application,
        }
    }
}

/// A registry file as read: how it is shown, its text and the rules it gets.
pub struct RegistryFile {
    pub shown: String,
    pub text: String,
    pub rules: Rules,
}

impl RegistryFile {
    /// # Errors
    ///
    /// Why the file could not be used, as the message to report, with the outcome: a
    /// file that cannot be read stops the run; one that is not UTF-8 is a mistake in it.
    pub fn read(path: &Path, choice: RulesChoice) -> Result<RegistryFile, (Outcome, String)> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|error| {
            (
                Outcome::CouldNotRun,
                format!("cannot read `{shown}`: {error}"),
            )
        })?;
        let text = close_reasons_registry::decode(&shown, bytes)
            .map_err(|rendered| (Outcome::Mistakes, rendered))?;
        let rules = choice.rules_for(&text);
        Ok(RegistryFile { shown, text, rules })
    }

    /// The checked model, or every mistake.
    pub fn check(&self) -> Result<Model, Failure> {
        check(&self.text, self.rules)
    }

    /// Every mistake, rendered as the compile error renders it.
    pub fn rendered(&self, failure: &Failure) -> Vec<String> {
        failure
            .diagnostics
            .iter()
            .map(|diagnostic| diagnostic.render(&self.shown, &self.text))
            .collect()
    }

    /// The model, or one message that says to run `check` and shows the first mistake.
    pub fn model_for_use(&self) -> Result<Model, String> {
        self.check().map_err(|failure| {
            let mut message = format!(
                "`{}` has mistakes; `close-reasons check {}` shows them all",
                self.shown, self.shown
            );
            if let Some(first) = self.rendered(&failure).first() {
                message += &format!("\n{first}");
            }
            message
        })
    }
}
