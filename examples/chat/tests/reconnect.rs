//! The reconnecting client against a real server on loopback: what it does after each
//! close comes from the registries' data (`ChatCloseCode::reconnect_for`), with the
//! standard 5-30 s window of 1012 scaled down a hundredfold so the test is quick.

use std::time::{Duration, Instant};

use chat_close_codes::ChatCloseCode;
use chat_close_codes::client::{self, Backoff, ClientEvent};
use close_reasons::{CloseCode, CloseReason, DelayWindow, Reconnect, close_frame};
use futures_util::{SinkExt as _, StreamExt as _};
use tokio::net::TcpListener;
use tokio::sync::mpsc::unbounded_channel;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;

/// Long enough for a loaded machine, short enough that a hang fails the test.
const PATIENCE: Duration = Duration::from_secs(20);

/// What the server does with each connection, in turn.
#[derive(Clone, Copy)]
enum Turn {
    /// Closes with this frame's code and reason, and completes the handshake.
    Close(close_reasons::CloseFrame<'static>),
    /// Drops the TCP connection after the upgrade, without a Close frame.
    Drop,
}

/// The registry's policy with its delays a hundred times shorter.
fn scaled(reconnect: Reconnect) -> Reconnect {
    match reconnect {
        Reconnect::AfterDelay(window) => DelayWindow::new(window.min() / 100, window.max() / 100)
            .map_or(Reconnect::Never, Reconnect::AfterDelay),
        other => other,
    }
}

#[tokio::test]
async fn the_client_reconnects_as_the_registry_says() {
    let restart = close_frame!(CloseReason::ServiceRestart, "restarting");
    let kicked = close_frame!(ChatCloseCode::Kicked, "spamming the room");
    let turns = [
        Turn::Close(restart),
        Turn::Drop,
        Turn::Drop,
        Turn::Close(kicked),
    ];
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("ws://{}/chat", listener.local_addr().unwrap());
    let server = tokio::spawn(async move {
        let mut accepted = Vec::new();
        for turn in turns {
            let (stream, _) = listener.accept().await.unwrap();
            accepted.push(Instant::now());
            let mut socket = tokio_tungstenite::accept_async(stream).await.unwrap();
            match turn {
                Turn::Close(frame) => {
                    socket.send(Message::from(frame)).await.unwrap();
                    while let Some(Ok(_)) = socket.next().await {}
                }
                Turn::Drop => drop(socket),
            }
        }
        accepted
    });

    let (events, mut seen) = unbounded_channel();
    let backoff = Backoff {
        first: Duration::from_millis(20),
        longest: Duration::from_secs(1),
    };
    let policy = |code| scaled(ChatCloseCode::reconnect_for(code));
    timeout(PATIENCE, client::run(&url, policy, backoff, events))
        .await
        .expect("the client stops by itself after the kick");
    let accepted = timeout(PATIENCE, server).await.unwrap().unwrap();

    let mut log = Vec::new();
    while let Ok(event) = seen.try_recv() {
        log.push(event);
    }
    let restart_wait = match log.get(2) {
        Some(&ClientEvent::Waiting(wait)) => wait,
        other => panic!("expected a wait after 1012, got {other:?} in {log:?}"),
    };
    // 1012: a random delay inside the (scaled) window the standard registry states.
    assert!(
        (Duration::from_millis(50)..=Duration::from_millis(300)).contains(&restart_wait),
        "{restart_wait:?}"
    );
    assert!(
        accepted[1] - accepted[0] >= restart_wait,
        "the client waited"
    );
    let abruptly = CloseCode::ABRUPTLY;
    let kicked_code = CloseCode::from(ChatCloseCode::Kicked);
    assert_eq!(
        log,
        [
            ClientEvent::Connected,
            ClientEvent::Closed(CloseCode::SERVICE_RESTART),
            ClientEvent::Waiting(restart_wait),
            // A dropped connection (1006) backs off, longer each time.
            ClientEvent::Connected,
            ClientEvent::Closed(abruptly),
            ClientEvent::Waiting(Duration::from_millis(20)),
            ClientEvent::Connected,
            ClientEvent::Closed(abruptly),
            ClientEvent::Waiting(Duration::from_millis(40)),
            // The chat registry says a kicked user does not reconnect.
            ClientEvent::Connected,
            ClientEvent::Closed(kicked_code),
            ClientEvent::Stopped(kicked_code),
        ]
    );
    assert_eq!(ChatCloseCode::Kicked.reconnect(), Reconnect::Never);
    assert_eq!(CloseCode::ABRUPTLY.reconnect(), Reconnect::Backoff);
}
