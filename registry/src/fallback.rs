//! The stand-in emitted when the registry has errors: as much of the real expansion as
//! the readable entries allow, so that code using the generated items (`Kicked`,
//! `CloseCode::GOING_AWAY`, …) adds no errors of its own to the ones about the registry.

use std::collections::HashSet;

use crate::document::{Located, Registry};
use crate::validate::{
    Model, RESERVED_RANGE_NAMES, RangeSpec, ReasonSpec, is_usable_name, variant_name,
};

/// Every entry whose name can become an identifier, once; values that are invalid or
/// taken are replaced by unused ones, and overlapping ranges are left out.
pub fn salvage(registry: &Registry) -> Model {
    // The fields whose declaration holds, with their defaults on every reason: the
    // stand-in keeps their accessors, so code that calls them adds no error.
    let fields =
        crate::validate::check_field_decls(registry, crate::Rules::Application, &mut Vec::new());
    let defaults: Vec<_> = fields.iter().map(|(_, default)| default.clone()).collect();
    let mut identifiers = HashSet::new();
    let mut usable = |name: &str| {
        is_usable_name(name)
            && identifiers.insert(variant_name(name))
            && identifiers.insert(name.to_ascii_uppercase())
    };

    let mut taken: HashSet<u16> = HashSet::new();
    let mut reasons: Vec<(ReasonSpec, bool)> = Vec::new();
    let complete = registry.reasons.iter().map(|reason| {
        let text = |text: &Located<String>| text.value.clone();
        (
            &reason.name,
            Some(&reason.value),
            text(&reason.title),
            reason.sendable.as_ref().is_none_or(|flag| flag.value),
            text(&reason.doc),
        )
    });
    let partial = registry.partial_reasons.iter().map(|reason| {
        (
            &reason.name,
            reason.value.as_ref(),
            String::new(),
            false,
            String::new(),
        )
    });
    let mut entries: Vec<_> = complete.chain(partial).collect();
    entries.sort_by_key(|(name, ..)| name.span.start);
    for (name, value, title, sendable, doc) in entries {
        if !usable(&name.value) {
            continue;
        }
        let value = value
            .and_then(|value| u16::try_from(value.value).ok())
            .filter(|value| *value != 0 && taken.insert(*value));
        let spec = ReasonSpec {
            name: name.value.clone(),
            variant: variant_name(&name.value),
            value: value.unwrap_or(0),
            title,
            sendable,
            doc,
            reference: String::new(),
            link: None,
            normal_closure: false,
            reconnect: None,
            reconnect_advice: None,
            browser_sendable: None,
            // Unchecked aliases could give the stand-in errors of its own.
            aliases: Vec::new(),
            fields: defaults.clone(),
        };
        reasons.push((spec, value.is_some()));
    }
    let mut spare = (1..=u16::MAX).rev().filter(|value| !taken.contains(value));
    let reasons = reasons
        .into_iter()
        .filter_map(|(mut spec, has_value)| {
            if !has_value {
                spec.value = spare.next()?;
            }
            Some(spec)
        })
        .collect();

    let mut ranges: Vec<RangeSpec> = Vec::new();
    for range in &registry.ranges {
        let (Ok(start), Ok(end)) = (
            u16::try_from(range.start.value),
            u16::try_from(range.end.value),
        ) else {
            continue;
        };
        let (start, end) = (start.min(end), start.max(end));
        let overlaps = ranges
            .iter()
            .any(|other| other.start <= end && start <= other.end);
        let reserved = RESERVED_RANGE_NAMES.contains(&range.name.value.as_str());
        if overlaps || reserved || !usable(&range.name.value) {
            continue;
        }
        ranges.push(RangeSpec {
            name: range.name.value.clone(),
            variant: variant_name(&range.name.value),
            start,
            end,
            title: range.title.value.clone(),
            sendable: range.sendable,
            doc: range.doc.value.clone(),
            reference: None,
            link: None,
            browser_sendable: false,
            reconnect: None,
        });
    }
    let fields = fields.into_iter().map(|(spec, _)| spec).collect();
    Model {
        reasons,
        ranges,
        fields,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn salvaged(source: &str) -> Model {
        salvage(&Registry::parse(source).0.unwrap())
    }

    const ENTRY: &str = "[[reason]]\nname = \"NAME\"\nvalue = VALUE\ntitle = \"T\"\nsendable = true\ndoc = \"D\"\nreference = \"R\"\n";

    fn entry(name: &str, value: &str) -> String {
        ENTRY.replace("NAME", name).replace("VALUE", value)
    }

    #[test]
    fn keeps_usable_names_and_replaces_bad_values() {
        let source = entry("kicked", "4001")
            + &entry("clash", "4001")
            + &entry("zero", "0")
            + &entry("Bad-Name", "4003")
            + &entry("kicked", "4004");
        let model = salvaged(&source);
        let reasons: Vec<_> = model
            .reasons
            .iter()
            .map(|r| (r.name.as_str(), r.value))
            .collect();
        assert_eq!(
            reasons,
            [("kicked", 4001), ("clash", 65535), ("zero", 65534)]
        );
    }

    #[test]
    fn skips_ranges_that_overlap_or_are_unreadable() {
        let range = "[[range]]\nname = \"NAME\"\nstart = START\nend = END\ntitle = \"T\"\nsendable = true\ndoc = \"D\"\n";
        let make = |name: &str, start: &str, end: &str| {
            range
                .replace("NAME", name)
                .replace("START", start)
                .replace("END", end)
        };
        let source =
            make("low", "10", "1") + &make("mid", "5", "20") + &make("high", "30", "70000");
        let model = salvaged(&source);
        assert_eq!(model.ranges.len(), 1);
        assert_eq!((model.ranges[0].start, model.ranges[0].end), (1, 10));
    }

    #[test]
    fn keeps_entries_that_miss_fields() {
        let source = entry("kicked", "4001").replace("title = \"T\"\n", "titel = \"T\"\n")
            + &entry("muted", "\"4002\"");
        let (registry, diagnostics) = Registry::parse(&source);
        assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
        let model = salvage(&registry.unwrap());
        let reasons: Vec<_> = model
            .reasons
            .iter()
            .map(|r| (r.name.as_str(), r.value))
            .collect();
        assert_eq!(reasons, [("kicked", 4001), ("muted", 65535)]);
    }

    #[test]
    fn a_broken_document_still_yields_its_readable_entries() {
        let source =
            entry("kicked", "4001") + "[[reason]\nname = \"x\"\n" + &entry("muted", "4002");
        let (registry, diagnostics) = Registry::parse(&source);
        assert!(!diagnostics.is_empty());
        let names: Vec<_> = salvage(&registry.unwrap())
            .reasons
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert!(names.contains(&"kicked".to_owned()), "{names:?}");
    }
}
