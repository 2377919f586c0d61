//! A chat server and client that use their own close codes.
//!
//! ```text
//! cargo run -p chat-close-codes            # the demonstration below
//! cargo run -p chat-close-codes -- 4004    # explain received codes
//! ```

use close_reasons::{CloseCode, CloseFrame, ParseFrameError};

/// Close codes of our chat protocol, from `close-codes.toml`.
#[close_reasons::registry("close-codes.toml")]
#[non_exhaustive]
pub enum ChatCloseCode {}

/// What a client tells its user when the server closes the connection.
fn explain(received: Result<Option<CloseFrame<'_>>, ParseFrameError>) -> String {
    let frame = match received {
        Ok(Some(frame)) => frame,
        Ok(None) => return "closed without a status (1005): a normal close".to_owned(),
        Err(error) => return format!("bad Close frame ({error}); answer with {}", error.answer()),
    };
    let code = frame.code();
    let reason = match frame.reason() {
        "" => String::new(),
        text => format!(": \"{text}\""),
    };
    let advice = |advice: Option<&str>| advice.map(|text| format!(" {text}")).unwrap_or_default();
    // Our own codes first, then the standard ones.
    if let Ok(chat) = ChatCloseCode::try_from(code) {
        let advice = advice(chat.reconnect());
        return format!("{chat}{reason} ({}){advice}", chat.description());
    }
    match code.reason() {
        Some(standard) => {
            let advice = advice(standard.reconnect());
            format!("{standard}{reason} ({}){advice}", standard.description())
        }
        None => format!("{code}{reason}: not a code of the chat protocol"),
    }
}

fn main() {
    let codes: Vec<String> = std::env::args().skip(1).collect();
    if !codes.is_empty() {
        for text in codes {
            match text.parse::<u16>().ok().and_then(CloseCode::new) {
                Some(code) => println!("{}", explain(CloseFrame::parse(&code.to_be_bytes()))),
                None => println!("{text}: not a close code"),
            }
        }
        return;
    }

    // The server kicks a user: build the Close payload from our own code. The typed
    // path also refuses the codes our registry keeps local (`sendable = false`).
    let payload = match ChatCloseCode::Kicked.close_frame("spamming the room") {
        Ok(frame) => frame.to_payload(),
        Err(error) => {
            eprintln!("cannot build the Close frame: {error}");
            std::process::exit(1);
        }
    };
    println!("server sends Close payload {:02x?}", payload.as_ref());

    // The client explains what it receives.
    println!("client: {}", explain(CloseFrame::parse(&payload)));
    let duplicate = ChatCloseCode::DuplicateSession.code().to_be_bytes();
    println!("client: {}", explain(CloseFrame::parse(&duplicate)));
    println!("client: {}", explain(CloseFrame::parse(b"\x03\xf4")));
    println!("client: {}", explain(CloseFrame::parse(b"\x0f\xffbye")));
    println!("client: {}", explain(CloseFrame::parse(b"\x03\xee")));
    println!("client: {}", explain(CloseFrame::parse(b"")));

    // A code the chat protocol keeps local is refused on the typed path.
    if let Err(error) = ChatCloseCode::HeartbeatLost.close_frame("") {
        println!(
            "server: cannot send {}: {error}",
            ChatCloseCode::HeartbeatLost
        );
    }

    println!("\nthe chat protocol's codes:");
    for code in ChatCloseCode::ALL {
        println!("  {code:<32} {}", code.name());
    }
}
