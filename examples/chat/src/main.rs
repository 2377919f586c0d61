//! A chat server and client that use their own close codes.
//!
//! ```text
//! cargo run -p chat-close-codes                          # the demonstration below
//! cargo run -p chat-close-codes -- 4004                  # explain received codes
//! cargo run -p chat-close-codes -- serve 127.0.0.1:8080  # the axum server, on /chat
//! cargo run -p chat-close-codes -- reconnect-table       # the policy of every code
//! ```

use chat_close_codes::{ChatCloseCode, app, explain};
use close_reasons::{CloseCode, CloseFrame, Reconnect, close_frame};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") => serve(args.get(1).map_or("127.0.0.1:8080", String::as_str)),
        Some("reconnect-table") => reconnect_table(),
        Some(_) => {
            for text in args {
                match text.parse::<u16>().ok().and_then(CloseCode::new) {
                    Some(code) => println!("{}", explain(CloseFrame::parse(&code.to_be_bytes()))),
                    None => println!("{text}: not a close code"),
                }
            }
        }
        None => demonstrate(),
    }
}

/// What a client does after each code from 1 to 65535, one line each (`never`,
/// `immediately`, `backoff`, `after_delay MIN_MS MAX_MS`): what the browser's exported
/// module must answer too (`.ci/run` compares them).
fn reconnect_table() {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for code in (1..=u16::MAX).filter_map(CloseCode::new) {
        let line = match ChatCloseCode::reconnect_for(code) {
            Reconnect::Immediately => "immediately".to_owned(),
            Reconnect::Backoff => "backoff".to_owned(),
            Reconnect::AfterDelay(window) => format!(
                "after_delay {} {}",
                window.min().as_millis(),
                window.max().as_millis()
            ),
            _ => "never".to_owned(),
        };
        if writeln!(out, "{} {line}", code.get()).is_err() {
            return;
        }
    }
    let _ = out.flush();
}

fn serve(address: &str) {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the runtime: {error}");
            std::process::exit(1);
        }
    };
    runtime.block_on(async {
        let listener = match tokio::net::TcpListener::bind(address).await {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("cannot listen on {address}: {error}");
                std::process::exit(1);
            }
        };
        let (events, mut closes) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Some(close) = closes.recv().await {
                println!("a client left: {close}");
            }
        });
        println!("chat server on ws://{address}/chat");
        if let Err(error) = axum::serve(listener, app(events)).await {
            eprintln!("server stopped: {error}");
        }
    });
}

fn demonstrate() {
    // The server kicks a user: the Close payload from our own code, checked when this
    // program is compiled (a code our registry keeps local would not compile).
    let payload = close_frame!(ChatCloseCode::Kicked, "spamming the room").to_payload();
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
