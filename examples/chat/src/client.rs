//! A chat client that reconnects by the data: after each close it asks the registry
//! what to do (`ChatCloseCode::reconnect_for`), and waits, reconnects or stops.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher as _, Hasher as _};
use std::time::Duration;

use close_reasons::{CloseCode, Reconnect};
use futures_util::StreamExt as _;
use tokio::sync::mpsc::UnboundedSender;
use tokio_tungstenite::tungstenite::Message;

/// What the client did, in order: for its user, and for the tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientEvent {
    /// A connection was opened.
    Connected,
    /// The connection ended with this code: the peer's, 1005 for a Close without one,
    /// or 1006 when the connection dropped (or could not be opened).
    Closed(CloseCode),
    /// The client waits this long before it reconnects.
    Waiting(Duration),
    /// The policy says not to reconnect after this code: the client stops.
    Stopped(CloseCode),
}

/// How the client backs off when the policy says `Backoff`: the first delay, doubled
/// after each close in a row that backs off, up to `longest`.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    /// The first delay.
    pub first: Duration,
    /// The longest delay.
    pub longest: Duration,
}

/// Connects to `url` and reconnects after each close as `policy` says (in the
/// application, `ChatCloseCode::reconnect_for`), reporting each step to `events`, until
/// the policy says `Never`.
pub async fn run(
    url: &str,
    policy: impl Fn(CloseCode) -> Reconnect,
    backoff: Backoff,
    events: UnboundedSender<ClientEvent>,
) {
    let mut delay = backoff.first;
    loop {
        let code = session(url, &events).await;
        let _ = events.send(ClientEvent::Closed(code));
        let wait = match policy(code) {
            Reconnect::Never => {
                let _ = events.send(ClientEvent::Stopped(code));
                return;
            }
            Reconnect::Immediately => Duration::ZERO,
            Reconnect::Backoff => {
                let wait = delay;
                delay = (delay * 2).min(backoff.longest);
                wait
            }
            Reconnect::AfterDelay(window) => random_between(window.min(), window.max()),
            // A policy a later close-reasons adds: the cautious answer.
            _ => {
                let _ = events.send(ClientEvent::Stopped(code));
                return;
            }
        };
        if !matches!(policy(code), Reconnect::Backoff) {
            delay = backoff.first;
        }
        let _ = events.send(ClientEvent::Waiting(wait));
        tokio::time::sleep(wait).await;
    }
}

/// One connection, until it ends: the code it ended with.
async fn session(url: &str, events: &UnboundedSender<ClientEvent>) -> CloseCode {
    let Ok((mut socket, _)) = tokio_tungstenite::connect_async(url).await else {
        return CloseCode::ABRUPTLY;
    };
    let _ = events.send(ClientEvent::Connected);
    let code = loop {
        match socket.next().await {
            Some(Ok(Message::Close(frame))) => {
                break frame.map_or(CloseCode::NO_REASON, |frame| {
                    CloseCode::try_from(frame.code).unwrap_or(CloseCode::ABRUPTLY)
                });
            }
            Some(Ok(_)) => {}
            Some(Err(_)) | None => return CloseCode::ABRUPTLY,
        }
    };
    // Reading on sends tungstenite's reply, which completes the closing handshake.
    while let Some(Ok(_)) = socket.next().await {}
    code
}

/// A delay spread evenly over `min..=max`, from the randomness std seeds its hash
/// maps with (no dependency needed for a jitter).
fn random_between(min: Duration, max: Duration) -> Duration {
    let span = max.saturating_sub(min).as_millis();
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u8(0);
    let offset = u128::from(hasher.finish()) % (span + 1);
    min + Duration::from_millis(u64::try_from(offset).unwrap_or(0))
}
