//! `close-reasons schema`: the registry format as JSON Schema (draft 2020-12), for
//! editors that check TOML against a schema (taplo, Even Better TOML).
//!
//! The schema never rejects what `close-reasons check` accepts; it is looser where JSON
//! Schema cannot say a rule (unique values, ascending order, ranges that do not
//! overlap, names that are Rust keywords, the rules that differ between the standard
//! registry and an application's).

use serde_json::{Value, json};

/// Text that must not be blank.
const NOT_BLANK: &str = "\\S";

fn text(description: &str) -> Value {
    json!({ "type": "string", "pattern": NOT_BLANK, "description": description })
}

fn flag(description: &str) -> Value {
    json!({ "type": "boolean", "description": description })
}

/// The schema, pretty-printed.
pub fn schema() -> String {
    let name = json!({
        "type": "string",
        "pattern": "^[a-z][a-z0-9]*(_[a-z0-9]+)*$",
        "description": "Lowercase snake_case ASCII, unique among reasons and ranges; becomes the enum variant (going_away: GoingAway), the CloseCode constant (GOING_AWAY) and the name FromStr accepts."
    });
    let reconnect = json!({
        "description": "What a client does after the code, as a policy a program acts on: never (do not reconnect automatically), immediately, backoff (a growing delay), or a randomised delay inside a window. Required in the standard registry; an application's code without one takes its range's policy from the standard registry.",
        "oneOf": [
            { "enum": ["never", "immediately", "backoff"] },
            {
                "type": "object",
                "additionalProperties": false,
                "required": ["after_delay_ms"],
                "properties": {
                    "after_delay_ms": {
                        "type": "array",
                        "items": { "type": "integer", "minimum": 0, "maximum": 4294967295u64 },
                        "minItems": 2,
                        "maxItems": 2,
                        "description": "The shortest and the longest delay, in milliseconds: [min, max] with min <= max."
                    }
                }
            }
        ]
    });
    let link = json!({
        "type": "string",
        "pattern": "^\\s*https?://\\S+\\s*$",
        "description": "An http:// or https:// address of the reference."
    });
    let field = json!({
        "type": "object",
        "description": "A field of the application's own: each reason may set it in `fields`; the enum gets one const fn accessor, and a list of words becomes an enum.",
        "additionalProperties": false,
        "required": ["name", "type", "doc", "default"],
        "properties": {
            "name": {
                "type": "string",
                "pattern": "^[a-z][a-z0-9]*(_[a-z0-9]+)*$",
                "description": "Lowercase snake_case, unique, not a Rust keyword and not a generated accessor (code, name, title, reconnect, ...): the accessor's name."
            },
            "type": {
                "description": "\"bool\", \"integer\" (i64), \"string\", or a list of snake_case words (an enum named after the reason enum and the field).",
                "oneOf": [
                    { "enum": ["bool", "integer", "string"] },
                    { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "pattern": "^[a-z][a-z0-9]*(_[a-z0-9]+)*$" } }
                ]
            },
            "doc": text("The accessor's documentation (Markdown)."),
            "default": {
                "type": ["boolean", "integer", "string"],
                "description": "The value of a reason that does not set the field; of the field's type."
            }
        }
    });
    let reason = json!({
        "type": "object",
        "description": "A named close code.",
        "additionalProperties": false,
        "required": ["name", "value", "title", "doc", "reference"],
        "properties": {
            "name": name,
            "value": {
                "type": "integer",
                "minimum": 1,
                "maximum": 65535,
                "description": "The close code, 1-65535, unique; entries in ascending order of value. Applications use 4000-4999, or 3000-3999 codes IANA registered for them."
            },
            "title": {
                "type": "string",
                "pattern": "^[^\\n\\r]*\\S[^\\n\\r]*$",
                "description": "A short title on one line (for the standard codes, the IANA registry's name); Display prints the value and the title."
            },
            "sendable": flag("Whether the code may appear in a Close frame; false for codes that only report a local condition (1005, 1006, 1015). Required in the standard registry; an application's codes default to true."),
            "doc": text("What the code means and when to use it, in Markdown: the variant's documentation and description()."),
            "reference": text("The document that defines the code, e.g. RFC 6455 §7.4.1."),
            "link": link,
            "normal_closure": flag("A close with this code is a normal end of the connection (1000, 1001, 1005). Default false."),
            "reconnect": reconnect.clone(),
            "reconnect_advice": text("What a client should do about reconnecting after this code, in words (Markdown)."),
            "iana": flag("The code is registered with IANA for this application (3000-3999 only). Default false."),
            "browser_sendable": flag("Standard registry only: whether a web page may pass the code to WebSocket.close() (WHATWG: 1000 and 3000-4999); the code's range decides when left out."),
            "fields": {
                "type": "object",
                "description": "Application registries only: values of the fields the registry declares in [[field]] tables, by name; each of its field's type.",
                "additionalProperties": { "type": ["boolean", "integer", "string"] }
            },
            "aliases": {
                "type": "array",
                "items": { "type": "string", "pattern": "^[A-Za-z0-9_]+$" },
                "description": "The names other WebSocket stacks give the code (e.g. Away, ABNORMAL_CLOSURE): each becomes a #[doc(alias)] of the variant and the constant. Not the reason's own name, and each alias once in the registry, whatever its case."
            }
        }
    });
    let range = json!({
        "type": "object",
        "description": "A block of codes with one meaning (RFC 6455 §7.4.2); standard registry only.",
        "additionalProperties": false,
        "required": ["name", "start", "end", "title", "sendable", "doc"],
        "properties": {
            "name": name,
            "start": {
                "type": "integer",
                "minimum": 0,
                "maximum": 65535,
                "description": "The first code of the range (inclusive); ranges do not overlap and come in ascending order."
            },
            "end": {
                "type": "integer",
                "minimum": 0,
                "maximum": 65535,
                "description": "The last code of the range (inclusive), not below start."
            },
            "title": {
                "type": "string",
                "pattern": "^[^\\n\\r]*\\S[^\\n\\r]*$",
                "description": "A short title on one line, printed for unnamed codes: 4001 (Private Use)."
            },
            "sendable": flag("Whether the codes of the range that no reason names may be sent."),
            "doc": text("What the range is for, in Markdown."),
            "reference": text("The document that defines the range."),
            "link": link,
            "browser_sendable": flag("Whether a web page may close with the range's codes that no reason overrides. Default false."),
            "reconnect": reconnect
        }
    });
    let document = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/close-reasons/close-reasons/blob/main/close-reasons.schema.json",
        "title": "close-reasons registry",
        "description": "WebSocket close codes for close-reasons: the standard registry (close-reasons.toml) or an application's own codes (#[close_reasons::registry(\"...\")]). `close-reasons check` checks every rule.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "reason": {
                "type": "array",
                "description": "The named close codes, one [[reason]] table each, in ascending order of value.",
                "items": reason
            },
            "range": {
                "type": "array",
                "description": "The blocks of codes (standard registry only), one [[range]] table each.",
                "items": range
            },
            "field": {
                "type": "array",
                "description": "An application's own fields (application registries only), one [[field]] table each: every enum gets a const fn accessor per field.",
                "items": field
            }
        }
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}
