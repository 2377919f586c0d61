//! A chat server on axum whose close codes come from its own registry,
//! `close-codes.toml`, through close-reasons.
//!
//! The server echoes text messages, kicks a client that spams (a moderator task decides
//! the kick, with a reason written at run time, and the session task sends it), and
//! reports how each client's connection ended.

pub mod client;

use axum::Router;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::{Html, Response};
use axum::routing::{get, post};
use close_reasons::{
    AnyCode, CloseCode, CloseFrame, ClosePayload, CloseReason, ParseFrameError, close_frame,
};
use tokio::sync::broadcast;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

/// Close codes of our chat protocol, from `close-codes.toml`.
#[close_reasons::registry("close-codes.toml")]
#[non_exhaustive]
pub enum ChatCloseCode {}

/// How a client's connection ended, as the server understood it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientClose {
    /// The client's Close frame, checked and owned (empty: a Close without a status
    /// code). `ChatCloseCode::classify` tells a chat code from a standard one.
    Closed(ClosePayload),
    /// A Close frame that breaks the protocol; the server closed with `answer`.
    Invalid {
        /// The code the server answered with.
        answer: CloseCode,
    },
    /// The connection ended without a Close frame.
    Dropped,
}

/// As the server logs it: `closed with 4001 Session Expired: "signed out elsewhere"`.
impl std::fmt::Display for ClientClose {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientClose::Closed(payload) => match payload.frame() {
                Some(frame) => {
                    let code = ChatCloseCode::classify(frame.code());
                    write!(formatter, "closed with {code}: {:?}", frame.reason())
                }
                None => formatter.write_str("closed without a status code"),
            },
            ClientClose::Invalid { answer } => {
                write!(formatter, "sent a bad Close frame, answered with {answer}")
            }
            ClientClose::Dropped => formatter.write_str("dropped the connection"),
        }
    }
}

/// What every session shares: where to report its end, and the restart notice.
#[derive(Clone)]
struct Chat {
    events: UnboundedSender<ClientClose>,
    restarts: broadcast::Sender<ClosePayload>,
}

/// The chat application: WebSocket connections on `/chat`; `POST /restart` closes every
/// session with 1012 Service Restart (the server is about to restart); and on `/` a page
/// whose script connects and closes in the ways the browser check drives. Each
/// connection's end is reported to `events`.
pub fn app(events: UnboundedSender<ClientClose>) -> Router {
    let (restarts, _) = broadcast::channel(1);
    Router::new()
        .route("/", get(|| async { Html(PAGE) }))
        .route("/chat", get(upgrade))
        .route("/restart", post(restart))
        .with_state(Chat { events, restarts })
}

/// One owned frame, handed to every session.
async fn restart(State(chat): State<Chat>) -> &'static str {
    const RESTARTING: CloseFrame<'static> = close_frame!(CloseReason::ServiceRestart, "restarting");
    let _ = chat.restarts.send(RESTARTING.to_payload());
    "restarting\n"
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
  // A client that reconnects by `reconnectFor` of the chat protocol's TypeScript module
  // (close-codes.ts; the browser check loads it), with the delays divided by `scale`.
  // The server restarts under its first connection (1012) and kicks it on the second
  // (4002); each close's code and decision is recorded.
  window.reconnectingClient = (scale) => new Promise((resolve) => {
    const decisions = [];
    let connections = 0;
    const open = () => {
      connections += 1;
      const socket = new WebSocket(chatUrl());
      socket.onopen = () => {
        if (connections === 1) fetch("/restart", { method: "POST" });
        else socket.send("spam spam spam");
      };
      socket.onclose = (event) => {
        const decision = window.reconnectFor(event.code);
        decisions.push({ code: event.code, decision });
        switch (decision.kind) {
          case "immediately": open(); break;
          case "backoff": setTimeout(open, 10); break;
          case "after_delay": {
            const wait = decision.minMs + Math.random() * (decision.maxMs - decision.minMs);
            setTimeout(open, wait / scale);
            break;
          }
          default: resolve({ decisions, connections });
        }
      };
    };
    open();
  });
  // A connection that fails (no WebSocket at that path): the browser reports 1006.
  window.decisionAfterFailure = () => new Promise((resolve) => {
    const socket = new WebSocket(`ws://${location.host}/nothing-here`);
    socket.onclose = (event) => resolve({ code: event.code, decision: window.reconnectFor(event.code) });
  });
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

async fn upgrade(upgrade: WebSocketUpgrade, State(chat): State<Chat>) -> Response {
    let restarts = chat.restarts.subscribe();
    upgrade.on_upgrade(move |socket| session(socket, chat.events, restarts))
}

async fn session(
    mut socket: WebSocket,
    events: UnboundedSender<ClientClose>,
    mut restarts: broadcast::Receiver<ClosePayload>,
) {
    // The moderator runs in a task of its own: it hears what the client says and may
    // hand back a kick, which crosses over as an owned frame.
    let (said, heard) = unbounded_channel();
    let (kick, mut kicks) = unbounded_channel();
    let moderator = tokio::spawn(moderate(heard, kick));
    let close = loop {
        tokio::select! {
            Some(kick) = kicks.recv() => {
                let _ = socket.send(Message::from(kick)).await;
            }
            Ok(restart) = restarts.recv() => {
                let _ = socket.send(Message::from(restart)).await;
            }
            message = socket.recv() => match message {
                Some(Ok(Message::Text(text))) => {
                    let _ = said.send(text.to_string());
                    if socket.send(Message::Text(text)).await.is_err() {
                        break ClientClose::Dropped;
                    }
                }
                Some(Ok(Message::Close(frame))) => {
                    break match frame.as_ref().map(CloseFrame::try_from).transpose() {
                        Ok(frame) => ClientClose::Closed(frame.map(Into::into).unwrap_or_default()),
                        Err(error) => answer(&mut socket, error).await,
                    };
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => break ClientClose::Dropped,
            },
        }
    };
    moderator.abort();
    let _ = events.send(close);
    // Reading on lets axum send its reply to the Close frame (the same code), which
    // completes the closing handshake.
    while let Some(Ok(_)) = socket.recv().await {}
}

/// Kicks the client at its first message about spam, saying which message it was.
async fn moderate(mut heard: UnboundedReceiver<String>, kick: UnboundedSender<ClosePayload>) {
    let mut count = 0;
    while let Some(text) = heard.recv().await {
        count += 1;
        if text.contains("spam") {
            let reason = format!("spamming the room (message {count})");
            // Checked here, sent by the session: the owned form outlives `reason`.
            if let Ok(frame) = ChatCloseCode::Kicked.close_frame(&reason) {
                let _ = kick.send(frame.to_payload());
            }
            return;
        }
    }
}

/// Closes with the code the error names (1002 or 1007).
async fn answer(socket: &mut WebSocket, error: ParseFrameError) -> ClientClose {
    let _ = socket.send(error.answer_frame().into()).await;
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
        AnyCode::Application(chat) => (chat.description(), chat.reconnect_advice()),
        AnyCode::Standard(standard) => (standard.description(), standard.reconnect_advice()),
        AnyCode::Unnamed(_) => return format!("{code}{reason}: not a code of the chat protocol"),
    };
    let advice = advice.map(|text| format!(" {text}")).unwrap_or_default();
    format!("{classified}{reason} ({description}){advice}")
}
