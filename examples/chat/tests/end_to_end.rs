//! The chat server on a real socket, with a real client (tokio-tungstenite 0.29):
//! typed close codes in both directions.

use std::time::Duration;

use chat_close_codes::{ChatCloseCode, ClientClose, app};
use close_reasons::CloseFrame;
use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpListener;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::CloseFrame as ClientFrame;

/// Long enough for a loaded machine, short enough that a hang fails the test.
const PATIENCE: Duration = Duration::from_secs(20);

async fn next_close(closes: &mut UnboundedReceiver<ClientClose>) -> ClientClose {
    timeout(PATIENCE, closes.recv())
        .await
        .expect("the server reports the close in time")
        .expect("the server is running")
}

#[tokio::test]
async fn closes_carry_chat_codes_both_ways() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("ws://{}/chat", listener.local_addr().unwrap());
    let (events, mut closes) = unbounded_channel();
    let server = tokio::spawn(async move { axum::serve(listener, app(events)).await });

    // The server closes with a chat code and a reason; the client decodes it.
    let (mut client, _) = timeout(PATIENCE, tokio_tungstenite::connect_async(url.as_str()))
        .await
        .unwrap()
        .unwrap();
    client.send(Message::text("hello")).await.unwrap();
    let echo = timeout(PATIENCE, client.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(echo, Message::text("hello"));
    client.send(Message::text("spam spam spam")).await.unwrap();
    let received: ClientFrame = loop {
        match timeout(PATIENCE, client.next()).await.unwrap() {
            Some(Ok(Message::Close(Some(frame)))) => break frame,
            Some(Ok(_)) => continue,
            other => panic!("expected a Close frame, got {other:?}"),
        }
    };
    let frame = CloseFrame::try_from(&received).expect("a valid Close frame");
    assert_eq!(
        ChatCloseCode::try_from(frame.code()),
        Ok(ChatCloseCode::Kicked)
    );
    assert_eq!(frame.reason(), "spamming the room");
    // Reading on lets tungstenite send its reply, the same code, which the server reports.
    while let Some(Ok(_)) = timeout(PATIENCE, client.next()).await.unwrap() {}
    assert_eq!(
        next_close(&mut closes).await,
        ClientClose::Chat {
            code: ChatCloseCode::Kicked,
            reason: "spamming the room".to_owned()
        }
    );

    // The client closes with a private chat code; the server decodes it into the enum.
    let (mut client, _) = timeout(PATIENCE, tokio_tungstenite::connect_async(url.as_str()))
        .await
        .unwrap()
        .unwrap();
    let logging_out = ChatCloseCode::LoggedOut.close_frame("see you").unwrap();
    client.close(Some(logging_out.into())).await.unwrap();
    assert_eq!(
        next_close(&mut closes).await,
        ClientClose::Chat {
            code: ChatCloseCode::LoggedOut,
            reason: "see you".to_owned()
        }
    );
    // The server completes the closing handshake with the same code.
    let reply = loop {
        match timeout(PATIENCE, client.next()).await.unwrap() {
            Some(Ok(Message::Close(Some(frame)))) => break frame,
            Some(Ok(_)) => continue,
            other => panic!("expected the Close reply, got {other:?}"),
        }
    };
    assert_eq!(u16::from(reply.code), ChatCloseCode::LoggedOut as u16);

    server.abort();
}
