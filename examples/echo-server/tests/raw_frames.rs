//! The echo server against a raw-frame client: the Close cases Autobahn does not send
//! (1012-1015, 3003, the edges of every range, reasons cut inside a character or at the
//! 123-byte limit), each answered as RFC 6455 says, and a misbehaving connection that
//! leaves the server serving others.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

const PATIENCE: Duration = Duration::from_secs(20);

async fn start() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    // The task ends with the test's runtime.
    tokio::spawn(echo_server::serve(listener));
    address
}

/// A connected client after the opening handshake.
async fn connect(address: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let request = format!(
        "GET / HTTP/1.1\r\nHost: {address}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = Vec::new();
    while !response.ends_with(b"\r\n\r\n") {
        let mut byte = [0];
        timeout(PATIENCE, stream.read_exact(&mut byte))
            .await
            .unwrap()
            .unwrap();
        response.push(byte[0]);
    }
    let response = String::from_utf8(response).unwrap();
    assert!(response.starts_with("HTTP/1.1 101"), "{response}");
    assert!(
        response.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
        "{response}"
    );
    stream
}

/// Sends one masked frame (payload of at most 125 bytes).
async fn send(stream: &mut TcpStream, first_byte: u8, payload: &[u8]) {
    assert!(payload.len() <= 125);
    let mask = [0x37, 0xfa, 0x21, 0x3d];
    let mut frame = vec![first_byte, 0x80 | payload.len() as u8];
    frame.extend_from_slice(&mask);
    frame.extend(
        payload
            .iter()
            .enumerate()
            .map(|(index, byte)| byte ^ mask[index % 4]),
    );
    stream.write_all(&frame).await.unwrap();
}

/// Reads one unmasked frame from the server: its first byte and payload.
async fn receive(stream: &mut TcpStream) -> (u8, Vec<u8>) {
    let mut header = [0; 2];
    timeout(PATIENCE, stream.read_exact(&mut header))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(header[1] & 0x80, 0, "a server does not mask");
    let len = usize::from(header[1] & 0x7f);
    assert!(len <= 125, "test frames are short");
    let mut payload = vec![0; len];
    timeout(PATIENCE, stream.read_exact(&mut payload))
        .await
        .unwrap()
        .unwrap();
    (header[0], payload)
}

/// The Close payload the server answers `payload` with.
async fn close_with(address: SocketAddr, payload: &[u8]) -> Vec<u8> {
    let mut stream = connect(address).await;
    send(&mut stream, 0x88, payload).await;
    let (first_byte, answer) = receive(&mut stream).await;
    assert_eq!(first_byte, 0x88, "a final Close frame");
    answer
}

fn payload(code: u16, reason: &[u8]) -> Vec<u8> {
    let mut payload = code.to_be_bytes().to_vec();
    payload.extend_from_slice(reason);
    payload
}

#[tokio::test]
async fn close_codes_autobahn_does_not_send_are_answered_right() {
    let address = start().await;
    // Valid codes are echoed.
    for code in [1000, 1012, 1013, 1014, 3000, 3003, 3008, 4000, 4999] {
        let answer = close_with(address, &payload(code, b"bye")).await;
        assert_eq!(answer, code.to_be_bytes(), "{code}");
    }
    // Codes that may not be sent fail the connection with 1002.
    for code in [0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535] {
        let answer = close_with(address, &payload(code, b"")).await;
        assert_eq!(answer, 1002u16.to_be_bytes(), "{code}");
    }
    // A reason of exactly 123 bytes is fine; one cut inside a character is not UTF-8.
    let longest = "é".repeat(61) + "a";
    assert_eq!(longest.len(), 123);
    let answer = close_with(address, &payload(4001, longest.as_bytes())).await;
    assert_eq!(answer, 4001u16.to_be_bytes());
    let cut = &"é".as_bytes()[..1];
    let answer = close_with(address, &payload(1000, cut)).await;
    assert_eq!(answer, 1007u16.to_be_bytes());
    // No status: an empty Close back; one byte: too short for a code.
    assert_eq!(close_with(address, b"").await, b"");
    assert_eq!(close_with(address, &[0x03]).await, 1002u16.to_be_bytes());
}

#[tokio::test]
async fn one_bad_connection_leaves_the_others_served() {
    let address = start().await;
    let mut bad = connect(address).await;
    // A frame with reserved bits set and a reserved opcode.
    bad.write_all(&[0x7b, 0x80, 0, 0, 0, 0]).await.unwrap();
    let (first_byte, answer) = receive(&mut bad).await;
    assert_eq!((first_byte, answer), (0x88, 1002u16.to_be_bytes().to_vec()));

    let mut good = connect(address).await;
    send(&mut good, 0x81, b"hello").await;
    assert_eq!(receive(&mut good).await, (0x81, b"hello".to_vec()));
    send(&mut good, 0x82, &[0, 1, 2, 255]).await;
    assert_eq!(receive(&mut good).await, (0x82, vec![0, 1, 2, 255]));
    // Invalid UTF-8 in a text message is answered with 1007.
    send(&mut good, 0x81, b"caf\xc3").await;
    assert_eq!(
        receive(&mut good).await,
        (0x88, 1007u16.to_be_bytes().to_vec())
    );
}
