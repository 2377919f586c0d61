//! Every one of the 65,536 `u16` values, checked against the RFC and the IANA registry.

use close_reasons::{CloseCode, CloseRange, CloseReason, InvalidCloseCodeKind};

/// RFC 6455 §7.4 and the IANA registry, written out by hand as an oracle that does not
/// come from our data: the defined codes that may be sent, and the ranges 3000-4999.
fn may_be_sent(code: u16) -> bool {
    matches!(code, 1000..=1003 | 1007..=1014 | 3000..=4999)
}

/// The WHATWG WebSockets Standard, written out by hand: `WebSocket.close(code)` accepts
/// 1000 and 3000-4999 and throws on anything else.
fn a_page_may_send(code: u16) -> bool {
    matches!(code, 1000 | 3000..=4999)
}

fn expected_range(code: u16) -> Option<CloseRange> {
    match code {
        0..=999 => Some(CloseRange::Unused),
        1000..=2999 => Some(CloseRange::Protocol),
        3000..=3999 => Some(CloseRange::IanaRegistry),
        4000..=4999 => Some(CloseRange::Private),
        _ => None,
    }
}

#[test]
fn browser_set_is_exactly_the_whatwg_rule() {
    for value in 1..=u16::MAX {
        let code = CloseCode::new(value).unwrap();
        assert_eq!(
            code.is_browser_sendable(),
            a_page_may_send(value),
            "code {value}"
        );
        if let Some(reason) = code.close_reason() {
            assert_eq!(
                reason.is_browser_sendable(),
                a_page_may_send(value),
                "{reason}"
            );
        }
    }
}

#[test]
fn zero_is_the_only_value_that_is_not_a_code() {
    assert_eq!(CloseCode::new(0), None);
    assert!(CloseCode::try_from(0u16).is_err());
    assert_eq!(CloseCode::from_be_bytes([0, 0]), None);
    for value in 1..=u16::MAX {
        let code = CloseCode::new(value).unwrap();
        assert_eq!(code.get(), value);
        assert_eq!(u16::from(code), value);
        assert_eq!(CloseCode::try_from(value), Ok(code));
        assert_eq!(CloseCode::from_be_bytes(code.to_be_bytes()), Some(code));
        assert_eq!(code.to_be_bytes(), value.to_be_bytes());
        assert_eq!(value.to_string().parse::<CloseCode>(), Ok(code));
    }
}

#[test]
fn sendable_set_is_exactly_rfc_6455_and_iana() {
    for value in 1..=u16::MAX {
        let code = CloseCode::new(value).unwrap();
        assert_eq!(code.is_sendable(), may_be_sent(value), "code {value}");
    }
    let count = (1..=u16::MAX)
        .filter(|&value| CloseCode::new(value).unwrap().is_sendable())
        .count();
    assert_eq!(count, 4 + 8 + 2000);
}

#[test]
fn reasons_are_canonical_and_agree_with_codes() {
    let mut named = 0;
    for value in 0..=u16::MAX {
        let reason = CloseReason::try_from(value).ok();
        let Some(code) = CloseCode::new(value) else {
            assert_eq!(reason, None);
            continue;
        };
        assert_eq!(CloseReason::from_code(code), reason);
        assert_eq!(code.close_reason(), reason, "code {value}");
        assert_eq!(CloseReason::try_from(code).ok(), reason);
        if let Some(reason) = reason {
            named += 1;
            assert_eq!(reason.code(), code);
            assert_eq!(reason as u16, value);
            assert_eq!(u16::from(reason), value);
            // One number, one value: the named and the numeric forms are equal.
            assert_eq!(CloseCode::from(reason), code);
            assert_eq!(reason.is_sendable(), code.is_sendable());
            assert_eq!(reason.name().parse::<CloseReason>(), Ok(reason));
            assert_eq!(reason.name().parse::<CloseCode>(), Ok(code));
            assert_eq!(code.to_string(), reason.to_string());
        } else {
            assert_eq!(
                CloseReason::try_from(value).unwrap_err().get(),
                value,
                "the error carries the number"
            );
        }
    }
    assert_eq!(named, CloseReason::ALL.len());
}

#[test]
fn ranges_classify_every_code() {
    for value in 1..=u16::MAX {
        let code = CloseCode::new(value).unwrap();
        let range = expected_range(value);
        assert_eq!(code.range(), range, "code {value}");
        assert_eq!(CloseRange::of(value), range);
        assert_eq!(code.is_unused(), range == Some(CloseRange::Unused));
        assert_eq!(code.is_protocol(), range == Some(CloseRange::Protocol));
        assert_eq!(
            code.is_iana_registry(),
            range == Some(CloseRange::IanaRegistry)
        );
        assert_eq!(code.is_private(), range == Some(CloseRange::Private));
        assert_eq!(CloseRange::Unused.contains(code), code.is_unused());
        assert_eq!(CloseRange::Protocol.contains(code), code.is_protocol());
        assert_eq!(
            CloseRange::IanaRegistry.contains(code),
            code.is_iana_registry()
        );
        assert_eq!(CloseRange::Private.contains(code), code.is_private());
        if let Some(range) = range {
            assert!(range.codes().contains(&value));
        }
    }
}

#[test]
fn display_and_from_str_round_trip_on_every_code() {
    for value in 1..=u16::MAX {
        let code = CloseCode::new(value).unwrap();
        let shown = code.to_string();
        assert_eq!(shown.parse(), Ok(code), "{shown:?}");
        assert_eq!(value.to_string().parse(), Ok(code), "bare {value}");
        match code.close_reason() {
            Some(reason) => {
                assert_eq!(reason.to_string(), shown);
                assert_eq!(shown.parse(), Ok(reason), "{shown:?}");
                assert_eq!(value.to_string().parse(), Ok(reason), "bare {value}");
                assert_eq!(reason.name().parse(), Ok(reason));
                assert_eq!(reason.name().parse(), Ok(code));
            }
            None => {
                assert!(shown.parse::<CloseReason>().is_err(), "{shown:?}");
                assert!(value.to_string().parse::<CloseReason>().is_err());
            }
        }
        // Another code's text after the number is not this code.
        let other = CloseCode::new(value ^ 1).unwrap_or(CloseCode::NORMAL);
        let forged = format!(
            "{value}{}",
            &other.to_string()[other.get().to_string().len()..]
        );
        if forged != shown {
            assert_eq!(
                forged.parse::<CloseCode>().map_err(|error| error.kind()),
                Err(InvalidCloseCodeKind::WrongTitle),
                "{forged:?}"
            );
        }
    }
    assert!("0".parse::<CloseCode>().is_err());
    assert!("0".parse::<CloseReason>().is_err());
}
