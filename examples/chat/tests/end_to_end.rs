//! The chat server on a real socket, with a real client (tokio-tungstenite 0.29):
//! typed close codes in both directions.

use std::time::Duration;

use chat_close_codes::{ChatCloseCode, ClientClose, app};
use close_reasons::{AnyCode, CloseCode, CloseFrame, ClosePayload, close_frame};
use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpListener;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;

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
    let received = loop {
        match timeout(PATIENCE, client.next()).await.unwrap() {
            Some(Ok(Message::Close(frame))) => break frame,
            Some(Ok(_)) => continue,
            other => panic!("expected a Close frame, got {other:?}"),
        }
    };
    let frame = received.as_ref().map(CloseFrame::try_from).transpose();
    let frame = frame.expect("a valid Close frame").expect("a status code");
    assert_eq!(
        ChatCloseCode::classify(frame.code()),
        AnyCode::Application(ChatCloseCode::Kicked)
    );
    // The moderator wrote the reason at run time, in its own task.
    assert_eq!(frame.reason(), "spamming the room (message 2)");
    let kicked = frame.to_payload();
    // Reading on lets tungstenite send its reply, the same code, which the server reports.
    while let Some(Ok(_)) = timeout(PATIENCE, client.next()).await.unwrap() {}
    let reported = next_close(&mut closes).await;
    assert_eq!(reported, ClientClose::Closed(kicked));
    assert_eq!(
        reported.to_string(),
        r#"closed with 4002 Kicked: "spamming the room (message 2)""#
    );

    // The client closes with a private chat code; the server decodes it into the enum.
    let (mut client, _) = timeout(PATIENCE, tokio_tungstenite::connect_async(url.as_str()))
        .await
        .unwrap()
        .unwrap();
    const LOGGING_OUT: CloseFrame<'static> = close_frame!(ChatCloseCode::LoggedOut, "see you");
    client.send(LOGGING_OUT.into()).await.unwrap();
    assert_eq!(
        next_close(&mut closes).await,
        ClientClose::Closed(LOGGING_OUT.to_payload())
    );
    // The server completes the closing handshake with the same code.
    let reply = loop {
        match timeout(PATIENCE, client.next()).await.unwrap() {
            Some(Ok(Message::Close(Some(frame)))) => break frame,
            Some(Ok(_)) => continue,
            other => panic!("expected the Close reply, got {other:?}"),
        }
    };
    assert_eq!(CloseFrame::try_from(&reply), Ok(LOGGING_OUT));

    // A Close without a status code, and a connection dropped without a Close.
    let (mut client, _) = timeout(PATIENCE, tokio_tungstenite::connect_async(url.as_str()))
        .await
        .unwrap()
        .unwrap();
    client.send(Message::Close(None)).await.unwrap();
    assert_eq!(
        next_close(&mut closes).await,
        ClientClose::Closed(ClosePayload::empty())
    );
    let (client, _) = timeout(PATIENCE, tokio_tungstenite::connect_async(url.as_str()))
        .await
        .unwrap()
        .unwrap();
    drop(client);
    assert_eq!(next_close(&mut closes).await, ClientClose::Dropped);

    // `POST /restart` closes every session with 1012, one owned frame for all of them.
    let (mut client, _) = timeout(PATIENCE, tokio_tungstenite::connect_async(url.as_str()))
        .await
        .unwrap()
        .unwrap();
    let address = url
        .trim_start_matches("ws://")
        .trim_end_matches("/chat")
        .to_owned();
    let mut admin = tokio::net::TcpStream::connect(&address).await.unwrap();
    tokio::io::AsyncWriteExt::write_all(
        &mut admin,
        format!("POST /restart HTTP/1.1\r\nHost: {address}\r\nContent-Length: 0\r\n\r\n")
            .as_bytes(),
    )
    .await
    .unwrap();
    let notice = loop {
        match timeout(PATIENCE, client.next()).await.unwrap() {
            Some(Ok(Message::Close(Some(frame)))) => break frame,
            Some(Ok(_)) => continue,
            other => panic!("expected the restart notice, got {other:?}"),
        }
    };
    let notice = CloseFrame::try_from(&notice).unwrap();
    assert_eq!(
        (notice.code(), notice.reason()),
        (CloseCode::SERVICE_RESTART, "restarting")
    );
    while let Some(Ok(_)) = timeout(PATIENCE, client.next()).await.unwrap() {}
    assert_eq!(
        next_close(&mut closes).await,
        ClientClose::Closed(notice.to_payload())
    );

    server.abort();
}
