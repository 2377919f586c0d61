//! A chat server on axum whose close codes come from its own registry,
//! `close-codes.toml`, through close-reasons.
//!
//! The server echoes text messages, kicks a client that spams (closing with
//! [`ChatCloseCode::Kicked`] and a reason), and reports how each client's connection
//! ended, decoding the client's Close frame into the chat codes.

use axum::Router;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::{Html, Response};
use axum::routing::get;
use close_reasons::{AnyCode, CloseCode, CloseFrame, ParseFrameError};
use tokio::sync::mpsc::UnboundedSender;

/// Close codes of our chat protocol, from `close-codes.toml`.
#[close_reasons::registry("close-codes.toml")]
#[non_exhaustive]
pub enum ChatCloseCode {}

/// How a client's connection ended, as the server understood it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientClose {
    /// A Close frame with one of the chat protocol's codes.
    Chat {
        /// The code.
        code: ChatCloseCode,
        /// The reason text.
        reason: String,
    },
    /// A Close frame with another code that may be sent (a standard one, say).
    Other {
        /// The code.
        code: CloseCode,
        /// The reason text.
        reason: String,
    },
    /// A Close frame without a status code.
    NoStatus,
    /// A Close frame that breaks the protocol; the server closed with `answer`.
    Invalid {
        /// The code the server answered with.
        answer: CloseCode,
    },
    /// The connection ended without a Close frame.
    Dropped,
}

/// The chat application: WebSocket connections on `/chat`, and on `/` a page whose
/// script connects and closes in the ways the browser check drives. Each connection's
/// end is reported to `events`.
pub fn app(events: UnboundedSender<ClientClose>) -> Router {
    Router::new()
        .route("/", get(|| async { Html(PAGE) }))
        .route("/chat", get(upgrade))
        .with_state(events)
}

/// A page with one function per scenario of the browser check; each resolves with what
/// the page's `CloseEvent` said.
const PAGE: &str = r#"<!doctype html>
<meta charset="utf-8">
<title>chat</title>
<script>
  const chatUrl = () => `ws://${location.host}/chat`;
  const closed = (socket) => new Promise((resolve) => {
    socket.onclose = (event) =>
      resolve({ code: event.code, reason: event.reason, wasClean: event.wasClean });
  });
  // The server kicks a spammer with a chat code and a reason.
  window.kickedByServer = () => {
    const socket = new WebSocket(chatUrl());
    socket.onopen = () => socket.send("spam spam spam");
    return closed(socket);
  };
  // The page closes with a code and a reason.
  window.closeWith = (code, reason) => {
    const socket = new WebSocket(chatUrl());
    socket.onopen = () => socket.close(code, reason);
    return closed(socket);
  };
  // The name of what `close(code)` throws, or "nothing".
  window.closeThrows = (code) => new Promise((resolve) => {
    const socket = new WebSocket(chatUrl());
    socket.onopen = () => {
      let thrown = "nothing";
      try { socket.close(code); } catch (error) { thrown = error.name; }
      socket.close();
      resolve(thrown);
    };
  });
</script>
"#;

async fn upgrade(
    upgrade: WebSocketUpgrade,
    State(events): State<UnboundedSender<ClientClose>>,
) -> Response {
    upgrade.on_upgrade(move |socket| session(socket, events))
}

async fn session(mut socket: WebSocket, events: UnboundedSender<ClientClose>) {
    while let Some(Ok(message)) = socket.recv().await {
        match message {
            Message::Text(text) if text.as_str().contains("spam") => {
                // A typed chat code: the frame is checked before it is sent.
                if let Ok(frame) = ChatCloseCode::Kicked.close_frame("spamming the room") {
                    let _ = socket.send(frame.into()).await;
                }
            }
            Message::Text(text) => {
                let echoed = socket.send(Message::Text(text)).await;
                if echoed.is_err() {
                    break;
                }
            }
            Message::Close(frame) => {
                let close = match frame.as_ref().map(CloseFrame::try_from) {
                    None => ClientClose::NoStatus,
                    Some(Ok(frame)) => classify(frame),
                    Some(Err(error)) => answer(&mut socket, error).await,
                };
                let _ = events.send(close);
                // Reading on lets axum send its reply to the Close frame (the same
                // code), which completes the closing handshake.
                while let Some(Ok(_)) = socket.recv().await {}
                return;
            }
            _ => {}
        }
    }
    let _ = events.send(ClientClose::Dropped);
}

/// Our own codes first, then any other code that may be sent.
fn classify(frame: CloseFrame<'_>) -> ClientClose {
    let reason = frame.reason().to_owned();
    match ChatCloseCode::try_from(frame.code()) {
        Ok(code) => ClientClose::Chat { code, reason },
        Err(_) => ClientClose::Other {
            code: frame.code(),
            reason,
        },
    }
}

/// Closes with the code the error names (1002 or 1007).
async fn answer(socket: &mut WebSocket, error: ParseFrameError) -> ClientClose {
    let reply = CloseFrame::new(error.answer(), "").map(Message::from);
    if let Ok(reply) = reply {
        let _ = socket.send(reply).await;
    }
    ClientClose::Invalid {
        answer: error.answer(),
    }
}

/// What a client tells its user when the server closes the connection.
pub fn explain(received: Result<Option<CloseFrame<'_>>, ParseFrameError>) -> String {
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
    // Our own codes first, then the standard ones, in one match.
    let classified = ChatCloseCode::classify(code);
    let (description, advice) = match classified {
        AnyCode::Application(chat) => (chat.description(), chat.reconnect()),
        AnyCode::Standard(standard) => (standard.description(), standard.reconnect()),
        AnyCode::Unnamed(_) => return format!("{code}{reason}: not a code of the chat protocol"),
    };
    let advice = advice.map(|text| format!(" {text}")).unwrap_or_default();
    format!("{classified}{reason} ({description}){advice}")
}
