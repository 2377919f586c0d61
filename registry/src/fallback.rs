//! The stand-in emitted when the registry has errors: as much of the real expansion as
//! the readable entries allow, so that code using the generated items (`Kicked`,
//! `CloseCode::GOING_AWAY`, …) adds no errors of its own to the ones about the registry.

use crate::document::Registry;
use crate::validate::{
    FirstSeen, Model, RESERVED_RANGE_NAMES, RangeSpec, ReasonSpec, is_usable_name, variant_name,
};

/// Every entry whose name can become an identifier, once; values that are invalid or
/// taken are replaced by unused ones, and overlapping ranges are left out.
pub fn salvage(registry: &Registry) -> Model {
    // The fields whose declaration holds, with their defaults on every reason: the
    // stand-in keeps their accessors, so code that calls them adds no error.
    let fields =
        crate::validate::check_field_decls(registry, crate::Rules::Application, &mut Vec::new());
    let defaults: Vec<_> = fields.iter().map(|(_, default)| default.clone()).collect();
    let mut identifiers = FirstSeen::new();
    let mut usable = |name: &str| {
        let (variant, constant) = (variant_name(name), name.to_ascii_uppercase());
        // `r1` is `R1` both ways: one identifier, claimed once.
        is_usable_name(name)
            && identifiers.claim(variant.clone(), ()).is_none()
            && (constant == variant || identifiers.claim(constant, ()).is_none())
    };

    let mut taken = vec![false; usize::from(u16::MAX) + 1];
    let mut reasons: Vec<(ReasonSpec, bool)> = Vec::new();
    // Complete and partial reasons are each in file order; merged by position they are
    // in the file's, so that the first of two entries with one name or value keeps it.
    let (mut complete, mut partial) = (registry.reasons.iter(), registry.partial_reasons.iter());
    let (mut next_complete, mut next_partial) = (complete.next(), partial.next());
    let mut entries = Vec::new();
    loop {
        match (next_complete, next_partial) {
            (Some(reason), other)
                if other.is_none_or(|other| reason.name.span.start < other.name.span.start) =>
            {
                entries.push((
                    &reason.name,
                    Some(&reason.value),
                    reason.title.value.clone(),
                    reason.sendable.as_ref().is_none_or(|flag| flag.value),
                    reason.doc.value.clone(),
                ));
                next_complete = complete.next();
            }
            (_, Some(reason)) => {
                entries.push((
                    &reason.name,
                    reason.value.as_ref(),
                    String::new(),
                    false,
                    String::new(),
                ));
                next_partial = partial.next();
            }
            _ => break,
        }
    }
    for (name, value, title, sendable, doc) in entries {
        if !usable(&name.value) {
            continue;
        }
        let value = value
            .and_then(|value| u16::try_from(value.value).ok())
            .filter(|value| {
                *value != 0 && !std::mem::replace(&mut taken[usize::from(*value)], true)
            });
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
    let mut spare = (1..=u16::MAX)
        .rev()
        .filter(|value| !taken[usize::from(*value)]);
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
