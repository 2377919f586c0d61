//! Conversions with each WebSocket stack, against the stacks' own crates: every code
//! that may be sent and the edge codes both ways, reasons at the length limit and cut
//! inside a character, and each stack's received frame with a bad code mapped to the
//! right answer.

use close_reasons::{
    CloseCode, CloseFrame, InvalidCloseCode, InvalidCloseCodeKind, MAX_REASON_LEN,
    ParseFrameErrorKind,
};

/// Around every boundary of the wire rule.
const EDGE_CODES: [u16; 9] = [1004, 1005, 1006, 1014, 1015, 2999, 3000, 4999, 5000];

fn sendable_codes() -> impl Iterator<Item = CloseCode> {
    (1..=u16::MAX)
        .filter_map(CloseCode::new)
        .filter(|code| code.is_sendable())
}

fn all_codes() -> impl Iterator<Item = CloseCode> {
    (1..=u16::MAX).filter_map(CloseCode::new)
}

/// 123 bytes: the longest reason.
fn longest_reason() -> String {
    "é".repeat(60) + "abc"
}

/// A reason of 124 bytes whose last character straddles the limit.
fn reason_cut_inside_a_character() -> String {
    "a".repeat(MAX_REASON_LEN - 1) + "é"
}

/// A stack's code converts keeping its number, whether or not it may be sent, exactly
/// as `CloseCode::try_from(number)` does: only 0 fails, with the same error.
fn code_keeps_its_number(number: u16, converted: Result<CloseCode, InvalidCloseCode>) {
    match CloseCode::new(number) {
        Some(code) => assert_eq!(converted.map(CloseCode::get), Ok(code.get()), "{number}"),
        None => assert_eq!(
            converted.map_err(|error| error.kind()),
            Err(InvalidCloseCodeKind::Zero)
        ),
    }
    assert_eq!(converted, CloseCode::try_from(number));
}

/// What every stack's received frame must give: the frame as parsed from its payload.
fn expected(code: u16, reason: &str) -> Result<CloseFrame<'static>, ParseFrameErrorKind> {
    let mut payload = code.to_be_bytes().to_vec();
    payload.extend_from_slice(reason.as_bytes());
    match CloseFrame::parse(&payload) {
        Ok(Some(frame)) => Ok(CloseFrame::new(frame.code(), "").unwrap()),
        Ok(None) => unreachable!(),
        Err(error) => Err(error.kind()),
    }
}

#[test]
fn the_longest_reason_is_123_bytes() {
    assert_eq!(longest_reason().len(), MAX_REASON_LEN);
    assert_eq!(reason_cut_inside_a_character().len(), MAX_REASON_LEN + 1);
    // Cut to send: whole characters only.
    let cut = reason_cut_inside_a_character();
    let frame = CloseFrame::new_truncating(CloseCode::NORMAL, &cut).unwrap();
    assert_eq!(frame.reason(), "a".repeat(MAX_REASON_LEN - 1));
}

macro_rules! tungstenite_tests {
    ($name:ident, $tungstenite:ident) => {
        mod $name {
            use super::*;
            use $tungstenite::protocol::CloseFrame as TheirFrame;
            use $tungstenite::protocol::frame::coding::CloseCode as TheirCode;

            #[test]
            fn codes_keep_their_number_both_ways() {
                for code in all_codes() {
                    let theirs = TheirCode::from(code);
                    assert_eq!(u16::from(theirs), code.get());
                    code_keeps_its_number(code.get(), CloseCode::try_from(theirs));
                }
                code_keeps_its_number(0, CloseCode::try_from(TheirCode::from(0)));
                // What tungstenite reports locally stays readable.
                assert_eq!(
                    CloseCode::try_from(TheirCode::Abnormal),
                    Ok(CloseCode::ABRUPTLY)
                );
                assert_eq!(
                    CloseCode::try_from(TheirCode::Tls),
                    Ok(CloseCode::TLS_HANDSHAKE)
                );
            }

            #[test]
            fn frames_go_out_and_come_back() {
                for code in sendable_codes() {
                    for reason in ["", "bye", &longest_reason()] {
                        let ours = CloseFrame::new(code, reason).unwrap();
                        let theirs = TheirFrame::from(ours);
                        assert_eq!(u16::from(theirs.code), code.get());
                        assert_eq!(AsRef::<str>::as_ref(&theirs.reason), reason);
                        assert_eq!(CloseFrame::try_from(&theirs), Ok(ours));
                        // One `.into()` to send, from the frame and from its owned form.
                        let owned = Option::<TheirFrame>::from(ours.to_payload());
                        assert_eq!(owned.as_ref(), Some(&theirs));
                        let sent = $tungstenite::Message::from(ours);
                        assert_eq!(sent, $tungstenite::Message::Close(owned));
                        assert_eq!(sent, $tungstenite::Message::from(ours.to_payload()));
                    }
                }
            }

            #[test]
            fn received_frames_are_checked_like_payloads() {
                for number in EDGE_CODES.into_iter().chain([0, 1, 999, 1000, 65535]) {
                    let theirs = TheirFrame {
                        code: TheirCode::from(number),
                        reason: "".into(),
                    };
                    let ours = CloseFrame::try_from(&theirs).map_err(|error| error.kind());
                    assert_eq!(ours, expected(number, ""), "{number}");
                }
                let bad = TheirFrame {
                    code: TheirCode::from(1006),
                    reason: "".into(),
                };
                assert_eq!(
                    CloseFrame::try_from(&bad).unwrap_err().answer(),
                    CloseCode::PROTOCOL_ERROR
                );
                let long = TheirFrame {
                    code: TheirCode::Normal,
                    reason: reason_cut_inside_a_character().into(),
                };
                let error = CloseFrame::try_from(&long).unwrap_err();
                assert_eq!(error.kind(), ParseFrameErrorKind::PayloadTooLong);
                assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);
            }

            #[test]
            fn the_empty_payload_is_a_close_without_status() {
                let empty = close_reasons::ClosePayload::empty();
                assert_eq!(Option::<TheirFrame>::from(empty), None);
                assert_eq!(
                    $tungstenite::Message::from(empty),
                    $tungstenite::Message::Close(None)
                );
            }

            #[test]
            fn we_accept_1014_which_tungstenite_rejects() {
                let bad_gateway = CloseCode::new(1014).unwrap();
                assert!(bad_gateway.is_sendable());
                assert!(!TheirCode::from(bad_gateway).is_allowed());
            }
        }
    };
}

tungstenite_tests!(tungstenite_0_30, tungstenite);
tungstenite_tests!(tungstenite_0_29_tests, tungstenite_0_29);
tungstenite_tests!(tungstenite_0_28_tests, tungstenite_0_28);
tungstenite_tests!(tungstenite_0_27_tests, tungstenite_0_27);
tungstenite_tests!(tungstenite_0_26_tests, tungstenite_0_26);
tungstenite_tests!(tungstenite_0_25_tests, tungstenite_0_25);
tungstenite_tests!(tungstenite_0_24_tests, tungstenite_0_24);
tungstenite_tests!(tungstenite_0_23_tests, tungstenite_0_23);
tungstenite_tests!(tungstenite_0_22_tests, tungstenite_0_22);
tungstenite_tests!(tungstenite_0_21_tests, tungstenite_0_21);

/// Lines 0.21 to 0.25 borrow the reason: a frame built at compile time converts into a
/// `'static` tungstenite frame without a copy.
mod tungstenite_borrowed_reasons {
    use std::borrow::Cow;

    use super::*;

    #[test]
    fn frames_borrow_their_reason() {
        const GOODBYE: CloseFrame<'static> =
            close_reasons::close_frame!(close_reasons::CloseReason::Normal, "Goodbye");
        let theirs: tungstenite_0_21::protocol::CloseFrame<'static> = GOODBYE.into();
        assert!(matches!(theirs.reason, Cow::Borrowed("Goodbye")));
        let text = String::from("see you");
        let ours = CloseFrame::new(CloseCode::NORMAL, &text).unwrap();
        let theirs = tungstenite_0_25::protocol::CloseFrame::from(ours);
        assert!(
            matches!(theirs.reason, Cow::Borrowed(reason) if std::ptr::eq(reason, text.as_str()))
        );
    }
}

mod axum_ws {
    use axum::extract::ws::{CloseFrame as AxumFrame, Message};

    use super::*;

    #[test]
    fn frames_go_out_and_come_back() {
        for code in sendable_codes() {
            for reason in ["", "bye", &longest_reason()] {
                let ours = CloseFrame::new(code, reason).unwrap();
                let theirs = AxumFrame::from(ours);
                assert_eq!((theirs.code, theirs.reason.as_str()), (code.get(), reason));
                assert_eq!(CloseFrame::try_from(&theirs), Ok(ours));
                match Message::from(ours) {
                    Message::Close(Some(frame)) => assert_eq!(frame.code, code.get()),
                    other => panic!("{other:?}"),
                }
            }
        }
    }

    #[test]
    fn received_frames_are_checked_like_payloads() {
        for number in EDGE_CODES.into_iter().chain([0, 1, 999, 1000, 65535]) {
            let theirs = AxumFrame {
                code: number,
                reason: "".into(),
            };
            let ours = CloseFrame::try_from(&theirs).map_err(|error| error.kind());
            assert_eq!(ours, expected(number, ""), "{number}");
        }
        // axum passes 1005 and 1006 on from a peer that sent them; both are errors.
        for number in [1005, 1006] {
            let theirs = AxumFrame {
                code: number,
                reason: "".into(),
            };
            let error = CloseFrame::try_from(&theirs).unwrap_err();
            assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);
        }
        let long = AxumFrame {
            code: 1000,
            reason: reason_cut_inside_a_character().into(),
        };
        assert_eq!(
            CloseFrame::try_from(&long).unwrap_err().kind(),
            ParseFrameErrorKind::PayloadTooLong
        );
    }
}

/// ntex is a fork of actix-http: the same close code and close reason.
macro_rules! actix_like_tests {
    ($name:ident, $ws:path) => {
        mod $name {
            use $ws::{CloseCode as ActixCode, CloseReason};

            use super::*;

            #[test]
            fn known_codes_become_named_variants_never_other() {
                // The numbers actix has a named variant for, written out from its documentation.
                let named_by_actix = |number: u16| matches!(number, 1000..=1003 | 1006..=1013 | 1015);
                for code in all_codes() {
                    let theirs = ActixCode::from(code);
                    assert_eq!(u16::from(theirs), code.get());
                    code_keeps_its_number(code.get(), CloseCode::try_from(theirs));
                    match theirs {
                        ActixCode::Other(number) => assert!(!named_by_actix(number), "Other({number})"),
                        _ => assert!(named_by_actix(code.get()), "{code:?}"),
                    }
                }
                assert_eq!(ActixCode::from(CloseCode::NORMAL), ActixCode::Normal);
                assert_ne!(ActixCode::from(CloseCode::NORMAL), ActixCode::Other(1000));
                assert_eq!(
                    ActixCode::from(CloseCode::TRY_AGAIN_LATER),
                    ActixCode::Again
                );
                code_keeps_its_number(0, CloseCode::try_from(ActixCode::Other(0)));
                code_keeps_its_number(1006, CloseCode::try_from(ActixCode::Abnormal));
            }

            #[test]
            fn reasons_go_out_and_come_back() {
                for code in sendable_codes() {
                    for reason in ["", "bye", &longest_reason()] {
                        let ours = CloseFrame::new(code, reason).unwrap();
                        let theirs = CloseReason::from(ours);
                        assert_eq!(u16::from(theirs.code), code.get());
                        let description = (!reason.is_empty()).then(|| reason.to_owned());
                        assert_eq!(theirs.description, description);
                        assert_eq!(CloseFrame::try_from(&theirs), Ok(ours));
                    }
                }
            }

            #[test]
            fn received_reasons_are_checked_like_payloads() {
                for number in EDGE_CODES.into_iter().chain([0, 1, 999, 1000, 65535]) {
                    let theirs = CloseReason {
                        code: ActixCode::from(number),
                        description: None,
                    };
                    let ours = CloseFrame::try_from(&theirs).map_err(|error| error.kind());
                    assert_eq!(ours, expected(number, ""), "{number}");
                }
                let abnormal = CloseReason {
                    code: ActixCode::Abnormal,
                    description: Some("dropped".to_owned()),
                };
                assert_eq!(
                    CloseFrame::try_from(&abnormal).unwrap_err().answer(),
                    CloseCode::PROTOCOL_ERROR
                );
                let long = CloseReason {
                    code: ActixCode::Normal,
                    description: Some(reason_cut_inside_a_character()),
                };
                assert_eq!(
                    CloseFrame::try_from(&long).unwrap_err().kind(),
                    ParseFrameErrorKind::PayloadTooLong
                );
            }
        }
    };
}

actix_like_tests!(actix, actix_http::ws);
actix_like_tests!(ntex_interop, ntex::ws);

mod tokio_websockets_interop {
    use tokio_websockets::{CloseCode as TwsCode, Message};

    use super::*;

    #[test]
    fn codes_convert_where_tokio_websockets_can_hold_them() {
        for code in all_codes() {
            match TwsCode::try_from(code) {
                Ok(theirs) => {
                    assert_eq!(u16::from(theirs), code.get());
                    assert_eq!(CloseCode::from(theirs), code);
                }
                // Its type holds 1000-1015 and 3000-4999: nothing that may be sent is lost.
                Err(_) => assert!(!code.is_sendable(), "{code:?}"),
            }
        }
        for number in EDGE_CODES {
            let code = CloseCode::new(number).unwrap();
            let held = matches!(number, 1000..=1015 | 3000..=4999);
            assert_eq!(TwsCode::try_from(code).is_ok(), held, "{number}");
        }
    }

    /// `Message::close` panics on a reserved code or a long reason; the conversion from
    /// a `CloseFrame`, which can hold neither, never does, for any code and reason.
    #[test]
    fn messages_from_any_frame_never_panic_and_keep_everything() {
        for code in sendable_codes() {
            for reason in ["", "bye", &longest_reason()] {
                let frame = CloseFrame::new(code, reason).unwrap();
                let message = Message::from(frame);
                let (their_code, their_reason) = message.as_close().unwrap();
                assert_eq!(u16::from(their_code), code.get());
                assert_eq!(their_reason, reason);
            }
        }
        let cut = reason_cut_inside_a_character();
        let frame = CloseFrame::new_truncating(CloseCode::NORMAL, &cut).unwrap();
        let message = Message::from(frame);
        assert_eq!(
            message.as_close().unwrap().1,
            "a".repeat(MAX_REASON_LEN - 1)
        );
    }
}

mod fastwebsockets_interop {
    use fastwebsockets::{CloseCode as FwsCode, Frame, OpCode};

    use super::*;

    #[test]
    fn codes_keep_their_number_both_ways() {
        for code in all_codes() {
            let theirs = FwsCode::from(code);
            assert_eq!(u16::from(theirs), code.get());
            code_keeps_its_number(code.get(), CloseCode::try_from(theirs));
        }
        code_keeps_its_number(0, CloseCode::try_from(FwsCode::from(0)));
        // fastwebsockets calls 1014 `Bad`; the IANA registry assigns it.
        let bad_gateway = CloseCode::new(1014).unwrap();
        assert!(bad_gateway.is_sendable() && !FwsCode::from(bad_gateway).is_allowed());
    }

    #[test]
    fn frames_carry_the_exact_payload_and_parse_back() {
        for code in sendable_codes() {
            for reason in ["", "bye", &longest_reason()] {
                let ours = CloseFrame::new(code, reason).unwrap();
                let theirs = Frame::from(ours);
                assert_eq!(theirs.opcode, OpCode::Close);
                assert_eq!(&theirs.payload[..], ours.to_payload().as_ref());
                // Received payloads go through `CloseFrame::parse`.
                assert_eq!(CloseFrame::parse(&theirs.payload), Ok(Some(ours)));
            }
        }
    }

    #[test]
    fn received_payloads_with_bad_codes_or_text_get_the_right_answer() {
        for number in EDGE_CODES {
            let theirs = Frame::close(number, b"");
            let ours = CloseFrame::parse(&theirs.payload).map(|frame| {
                let frame = frame.unwrap();
                CloseFrame::new(frame.code(), "").unwrap()
            });
            assert_eq!(
                ours.map_err(|error| error.kind()),
                expected(number, ""),
                "{number}"
            );
        }
        // `Frame::close` checks nothing: a reason cut inside a character goes through.
        let mut cut = "é".as_bytes().to_vec();
        cut.truncate(1);
        let theirs = Frame::close(1000, &cut);
        let error = CloseFrame::parse(&theirs.payload).unwrap_err();
        assert_eq!(error.answer(), CloseCode::INCONSISTENT_DATA);
        let theirs = Frame::close(1006, b"");
        assert_eq!(
            CloseFrame::parse(&theirs.payload).unwrap_err().answer(),
            CloseCode::PROTOCOL_ERROR
        );
    }
}

mod poem_interop {
    use poem::web::websocket::{CloseCode as PoemCode, Message};

    use super::*;

    #[test]
    fn codes_keep_their_number_both_ways() {
        for code in all_codes() {
            let theirs = PoemCode::from(code);
            assert_eq!(u16::from(theirs), code.get());
            // Named codes become poem's named variants, never `Reserved`.
            assert_eq!(theirs, PoemCode::from(code.get()));
            code_keeps_its_number(code.get(), CloseCode::try_from(theirs));
        }
        code_keeps_its_number(0, CloseCode::try_from(PoemCode::Reserved(0)));
        assert_eq!(PoemCode::from(CloseCode::NORMAL), PoemCode::Normal);
        // poem lets `Reserved(1000)` be built, unequal to `Normal`; both read as 1000.
        assert_ne!(PoemCode::Reserved(1000), PoemCode::Normal);
        assert_eq!(
            CloseCode::try_from(PoemCode::Reserved(1000)),
            Ok(CloseCode::NORMAL)
        );
        assert_eq!(CloseCode::try_from(PoemCode::Normal), Ok(CloseCode::NORMAL));
    }

    #[test]
    fn frames_go_out_and_come_back() {
        for code in sendable_codes() {
            for reason in ["", "bye", &longest_reason()] {
                let ours = CloseFrame::new(code, reason).unwrap();
                let theirs = <(PoemCode, String)>::from(ours);
                assert_eq!(
                    (u16::from(theirs.0), theirs.1.as_str()),
                    (code.get(), reason)
                );
                assert_eq!(CloseFrame::try_from(&theirs), Ok(ours));
                let sent = Message::Close(Some(theirs.clone()));
                assert_eq!(Message::from(ours), sent);
                assert_eq!(Message::from(ours.to_payload()), sent);
                assert_eq!(Option::from(ours.to_payload()), Some(theirs));
            }
        }
        let empty = close_reasons::ClosePayload::empty();
        assert_eq!(Message::from(empty), Message::Close(None));
        assert_eq!(Option::<(PoemCode, String)>::from(empty), None);
    }

    #[test]
    fn received_frames_are_checked_like_payloads() {
        for number in EDGE_CODES.into_iter().chain([0, 1, 999, 1000, 65535]) {
            let theirs = (PoemCode::from(number), String::new());
            let ours = CloseFrame::try_from(&theirs).map_err(|error| error.kind());
            assert_eq!(ours, expected(number, ""), "{number}");
        }
        let long = (PoemCode::Normal, reason_cut_inside_a_character());
        assert_eq!(
            CloseFrame::try_from(&long).unwrap_err().kind(),
            ParseFrameErrorKind::PayloadTooLong
        );
    }
}

mod reqwest_websocket_interop {
    use reqwest_websocket::{CloseCode as RwCode, Message};

    use super::*;

    #[test]
    fn codes_keep_their_number_both_ways() {
        for code in all_codes() {
            let theirs = RwCode::from(code);
            assert_eq!(u16::from(theirs), code.get());
            code_keeps_its_number(code.get(), CloseCode::try_from(theirs));
        }
        code_keeps_its_number(0, CloseCode::try_from(RwCode::Bad(0)));
        // reqwest-websocket's copy of tungstenite's enum calls 1014 `Bad`.
        let bad_gateway = CloseCode::new(1014).unwrap();
        assert!(bad_gateway.is_sendable());
        assert_eq!(RwCode::from(bad_gateway), RwCode::Bad(1014));
        assert!(!RwCode::Bad(1014).is_allowed());
    }

    #[test]
    fn frames_go_out_and_received_closes_are_checked() {
        for code in sendable_codes() {
            for reason in ["", "bye", &longest_reason()] {
                let ours = CloseFrame::new(code, reason).unwrap();
                let owned = Option::<Message>::from(ours.to_payload()).unwrap();
                for sent in [Message::from(ours), owned] {
                    let Message::Close { code, reason } = sent else {
                        panic!("{sent:?}")
                    };
                    assert_eq!(CloseFrame::from_received(code.into(), &reason), Ok(ours));
                }
            }
        }
        assert!(Option::<Message>::from(close_reasons::ClosePayload::empty()).is_none());
        for number in EDGE_CODES {
            let code = u16::from(RwCode::from(number));
            let ours = CloseFrame::from_received(code, "")
                .map(|frame| CloseFrame::new(frame.code(), "").unwrap());
            assert_eq!(
                ours.map_err(|error| error.kind()),
                expected(number, ""),
                "{number}"
            );
        }
    }
}

/// warp and salvo keep tungstenite's frame private; their messages have the same API.
macro_rules! close_with_tests {
    ($name:ident, $message:ty) => {
        mod $name {
            type Message = $message;

            use super::*;

            #[test]
            fn frames_go_out_and_come_back() {
                for code in sendable_codes() {
                    for reason in ["", "bye", &longest_reason()] {
                        let ours = CloseFrame::new(code, reason).unwrap();
                        let sent = Message::from(ours);
                        assert!(sent.is_close());
                        assert_eq!(sent.close_frame(), Some((code.get(), reason)));
                        assert_eq!(Message::from(ours.to_payload()), sent);
                        let received = sent.close_frame().map(CloseFrame::try_from).transpose();
                        assert_eq!(received, Ok(Some(ours)));
                    }
                }
                let empty = Message::from(close_reasons::ClosePayload::empty());
                assert!(empty.is_close());
                assert_eq!(empty.close_frame(), None);
            }

            #[test]
            fn received_frames_are_checked_like_payloads() {
                for number in EDGE_CODES.into_iter().chain([1, 999, 1000, 65535]) {
                    let theirs = Message::close_with(number, "");
                    let ours = theirs.close_frame().map(CloseFrame::try_from).unwrap();
                    let ours = ours.map(|frame| CloseFrame::new(frame.code(), "").unwrap());
                    assert_eq!(
                        ours.map_err(|error| error.kind()),
                        expected(number, ""),
                        "{number}"
                    );
                }
            }
        }
    };
}

close_with_tests!(warp_interop, warp::ws::Message);
close_with_tests!(salvo_interop, salvo::websocket::Message);

mod soketto_interop {
    use soketto::connection::CloseReason;

    use super::*;

    #[test]
    fn frames_go_out_and_come_back() {
        for code in sendable_codes() {
            for reason in ["", "bye", &longest_reason()] {
                let ours = CloseFrame::new(code, reason).unwrap();
                let theirs = CloseReason::from(ours);
                assert_eq!(theirs.code, code.get());
                // An empty reason is no description, as soketto reads a code alone.
                assert_eq!(
                    theirs.descr.as_deref(),
                    (!reason.is_empty()).then_some(reason)
                );
                assert_eq!(CloseFrame::try_from(&theirs), Ok(ours));
                let owned = Option::<CloseReason>::from(ours.to_payload()).unwrap();
                assert_eq!((owned.code, owned.descr), (theirs.code, theirs.descr));
            }
        }
        assert!(Option::<CloseReason>::from(close_reasons::ClosePayload::empty()).is_none());
    }

    #[test]
    fn received_reasons_are_checked_like_payloads() {
        for number in EDGE_CODES.into_iter().chain([0, 1, 999, 1000, 65535]) {
            let theirs = CloseReason {
                code: number,
                descr: Some(String::new()),
            };
            let ours = CloseFrame::try_from(&theirs).map_err(|error| error.kind());
            assert_eq!(ours, expected(number, ""), "{number}");
        }
        // soketto passes a received 1015 on; it may not be sent.
        let tls = CloseReason {
            code: 1015,
            descr: None,
        };
        let error = CloseFrame::try_from(&tls).unwrap_err();
        assert_eq!(error.answer(), CloseCode::PROTOCOL_ERROR);
        assert_eq!(error.raw_code(), Some(1015));
        let long = CloseReason {
            code: 1000,
            descr: Some(reason_cut_inside_a_character()),
        };
        assert_eq!(
            CloseFrame::try_from(&long).unwrap_err().kind(),
            ParseFrameErrorKind::PayloadTooLong
        );
    }
}

mod browser {
    use close_reasons::BuildFrameErrorKind;
    use close_reasons::browser::{CloseEventInfo, CloseStatus, close_arguments};

    use super::*;

    /// WHATWG: `WebSocket.close(code)` accepts 1000 and 3000-4999 only.
    #[test]
    fn pages_may_close_with_1000_and_3000_to_4999_only() {
        for code in sendable_codes() {
            let frame = CloseFrame::new(code, "r").unwrap();
            let allowed = matches!(code.get(), 1000 | 3000..=4999);
            match close_arguments(&frame) {
                Ok(arguments) => {
                    assert!(allowed, "{code:?}");
                    assert_eq!(arguments, (code.get(), "r"));
                }
                Err(error) => {
                    assert!(!allowed, "{code:?}");
                    assert_eq!(error.kind(), BuildFrameErrorKind::NotBrowserSendable);
                    assert_eq!(error.code(), code);
                }
            }
        }
        let longest = longest_reason();
        let frame = CloseFrame::new(CloseCode::new(4001).unwrap(), &longest).unwrap();
        assert_eq!(close_arguments(&frame).unwrap().1.len(), 123);
        let error = close_arguments(&CloseFrame::new(CloseCode::GOING_AWAY, "").unwrap());
        assert_eq!(
            error.unwrap_err().to_string(),
            "close code 1001 may not be sent by a web page (only 1000 and 3000-4999)"
        );
    }

    #[test]
    fn close_events_tell_real_codes_from_made_up_ones() {
        let cases = [
            (0, CloseStatus::NoStatus),
            (1005, CloseStatus::NoStatus),
            (1006, CloseStatus::Abnormal),
            (1015, CloseStatus::TlsHandshake),
            (1000, CloseStatus::Code(CloseCode::NORMAL)),
            (1014, CloseStatus::Code(CloseCode::BAD_GATEWAY)),
            (4001, CloseStatus::Code(CloseCode::new(4001).unwrap())),
        ];
        for (number, status) in cases {
            let event = CloseEventInfo::new(number, "why".to_owned(), number != 1006);
            assert_eq!(event.status(), status, "{number}");
            assert_eq!(event.reason(), "why");
            assert_eq!(event.was_clean(), number != 1006);
        }
    }

    /// gloo-net's and ws_stream_wasm's events hold what the browser's event said, made-up
    /// codes included: they read as `CloseEventInfo::new` reads the same numbers.
    #[test]
    fn browser_crates_events_read_like_the_browsers() {
        for number in [0, 1000, 1005, 1006, 1014, 1015, 3000, 4001, 4999] {
            let expected = CloseEventInfo::new(number, "why".to_owned(), number != 1006);
            let gloo = gloo_net::websocket::events::CloseEvent {
                code: number,
                reason: "why".to_owned(),
                was_clean: number != 1006,
            };
            assert_eq!(CloseEventInfo::from(&gloo), expected, "{number}");
            assert_eq!(CloseEventInfo::from(gloo), expected, "{number}");
            let stream = ws_stream_wasm::CloseEvent {
                code: number,
                reason: "why".to_owned(),
                was_clean: number != 1006,
            };
            assert_eq!(CloseEventInfo::from(&stream), expected, "{number}");
            assert_eq!(CloseEventInfo::from(stream), expected, "{number}");
        }
    }
}

/// The owned form of a frame (`ClosePayload`), decided in one thread and sent from
/// another, becomes each stack's message exactly as the borrowed frame does.
mod owned_frames {
    use close_reasons::{CloseFrame, ClosePayload};

    use super::*;

    /// A kick decided from run-time text, handed to a sending thread: the text is gone
    /// by the time the frame is converted.
    fn decided_elsewhere() -> ClosePayload {
        let who = String::from("mallory");
        let reason = format!("{who} was kicked");
        CloseFrame::new(CloseCode::new(4002).unwrap(), &reason)
            .unwrap()
            .to_payload()
    }

    fn assert_send_sync_static<T: Send + Sync + 'static>() {}

    #[test]
    fn the_owned_frame_is_send_sync_static_and_borrows_back() {
        assert_send_sync_static::<ClosePayload>();
        let payload = decided_elsewhere();
        let frame = std::thread::spawn(move || {
            let frame = payload.frame().unwrap();
            (frame.code(), frame.reason().to_owned())
        })
        .join()
        .unwrap();
        assert_eq!(
            frame,
            (
                CloseCode::new(4002).unwrap(),
                "mallory was kicked".to_owned()
            )
        );
        for code in sendable_codes() {
            let frame = CloseFrame::new(code, "bye").unwrap();
            assert_eq!(ClosePayload::from(frame).frame(), Some(frame));
        }
        assert_eq!(ClosePayload::empty().frame(), None);
    }

    #[test]
    fn every_stack_sends_it_as_it_sends_the_frame() {
        let payload = decided_elsewhere();
        let sent = std::thread::spawn(move || {
            (
                tungstenite::Message::from(payload),
                tungstenite_0_29::Message::from(payload),
                axum::extract::ws::Message::from(payload),
                actix_http::ws::Message::from(payload),
                tokio_websockets::Message::from(payload),
                fastwebsockets::Frame::from(payload).payload.to_vec(),
            )
        })
        .join()
        .unwrap();
        let frame = payload.frame().unwrap();
        assert_eq!(sent.0, tungstenite::Message::from(frame));
        assert_eq!(sent.0, tungstenite::Message::Close(Some(frame.into())));
        assert_eq!(sent.1, tungstenite_0_29::Message::from(frame));
        assert_eq!(sent.2, axum::extract::ws::Message::from(frame));
        assert_eq!(sent.3, actix_http::ws::Message::from(frame));
        assert_eq!(
            sent.4.as_close(),
            tokio_websockets::Message::from(frame).as_close()
        );
        assert_eq!(sent.5, payload.as_bytes());
    }

    #[test]
    fn it_becomes_each_stacks_frame_or_none() {
        type TungsteniteFrame = tungstenite::protocol::CloseFrame;
        type Tungstenite029Frame = tungstenite_0_29::protocol::CloseFrame;
        let payload = decided_elsewhere();
        let frame = payload.frame().unwrap();
        assert_eq!(
            Option::<TungsteniteFrame>::from(payload),
            Some(TungsteniteFrame::from(frame))
        );
        assert_eq!(
            Option::<Tungstenite029Frame>::from(payload),
            Some(Tungstenite029Frame::from(frame))
        );
        assert_eq!(
            Option::<axum::extract::ws::CloseFrame>::from(payload),
            Some(axum::extract::ws::CloseFrame::from(frame))
        );
        assert_eq!(
            Option::<actix_http::ws::CloseReason>::from(payload),
            Some(actix_http::ws::CloseReason::from(frame))
        );
        assert_eq!(
            Option::<ntex::ws::CloseReason>::from(payload),
            Some(ntex::ws::CloseReason::from(frame))
        );
        let sent = ntex::ws::Message::from(payload);
        assert!(
            matches!(sent, ntex::ws::Message::Close(Some(ref reason)) if CloseFrame::try_from(reason) == Ok(frame))
        );
        assert!(matches!(
            ntex::ws::Message::from(frame),
            ntex::ws::Message::Close(Some(_))
        ));
        let empty = ClosePayload::empty();
        assert!(matches!(
            ntex::ws::Message::from(empty),
            ntex::ws::Message::Close(None)
        ));
        assert_eq!(Option::<ntex::ws::CloseReason>::from(empty), None);
        assert_eq!(Option::<TungsteniteFrame>::from(empty), None);
        assert_eq!(Option::<Tungstenite029Frame>::from(empty), None);
        assert_eq!(Option::<axum::extract::ws::CloseFrame>::from(empty), None);
        assert_eq!(Option::<actix_http::ws::CloseReason>::from(empty), None);
    }

    #[test]
    fn the_empty_payload_is_a_close_without_status_everywhere() {
        let empty = ClosePayload::empty();
        assert_eq!(
            tungstenite::Message::from(empty),
            tungstenite::Message::Close(None)
        );
        assert_eq!(
            tungstenite_0_29::Message::from(empty),
            tungstenite_0_29::Message::Close(None)
        );
        assert_eq!(
            axum::extract::ws::Message::from(empty),
            axum::extract::ws::Message::Close(None)
        );
        assert_eq!(
            actix_http::ws::Message::from(empty),
            actix_http::ws::Message::Close(None)
        );
        assert!(tokio_websockets::Message::from(empty).is_close());
        assert!(fastwebsockets::Frame::from(empty).payload.is_empty());
    }

    #[test]
    fn a_compile_time_frame_is_a_constant() {
        const GOODBYE: CloseFrame<'static> =
            close_reasons::close_frame!(close_reasons::CloseReason::Normal, "Goodbye");
        static KICKED: CloseFrame<'static> =
            close_reasons::close_frame!(CloseCode::new(4002).unwrap(), "kicked");
        assert_eq!(
            GOODBYE,
            CloseFrame::new(CloseCode::NORMAL, "Goodbye").unwrap()
        );
        assert_eq!(KICKED.code().get(), 4002);
        assert_eq!(
            tungstenite::Message::from(GOODBYE),
            tungstenite::Message::Close(Some(GOODBYE.into()))
        );
    }
}
