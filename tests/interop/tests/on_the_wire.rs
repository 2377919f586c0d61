//! What each stack does on its own when a peer's Close frame arrives, before the
//! application (and close-reasons) sees it: real servers of each crate on loopback,
//! and a peer that writes raw frames, so that it can send what no stack would (1006,
//! a one-byte payload, a reason that is not UTF-8).
//!
//! Each case records what the application received and what the server answered on
//! the wire; the crate docs of each integration state these results.

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use close_reasons::{CloseCode, CloseFrame, ParseFrameError};
use futures_util::StreamExt as _;
use tokio::net::TcpListener;

/// Long enough for a loaded machine, short enough that a hang fails the test.
const PATIENCE: Duration = Duration::from_secs(20);

/// What the application read: the close it was given (the stack's code and reason,
/// or no code) and what close-reasons made of the same frame, or the error the stack
/// returned instead.
#[derive(Debug, Clone)]
enum Seen {
    Close(Option<(u16, String)>, Checked),
    /// The stack's error, whose text is only for the failure message.
    Error(#[allow(dead_code, reason = "read by the failure message")] String),
}

/// What close-reasons' conversion of the received frame gave: the code it accepted
/// (`None`: no status code), or the code it says to answer with.
type Checked = Result<Option<u16>, u16>;

fn checked(received: Result<Option<CloseFrame<'_>>, ParseFrameError>) -> Checked {
    received
        .map(|frame| frame.map(|frame| frame.code().get()))
        .map_err(|error| error.answer().get())
}

impl PartialEq for Seen {
    fn eq(&self, other: &Seen) -> bool {
        match (self, other) {
            (Seen::Close(a, b), Seen::Close(c, d)) => (a, b) == (c, d),
            (Seen::Error(_), Seen::Error(_)) => true,
            _ => false,
        }
    }
}

fn error() -> Seen {
    Seen::Error(String::new())
}

/// What the server wrote back: a Close frame's code (`None`: none) and reason, or
/// nothing before the connection ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Answer {
    Close(Option<u16>, Vec<u8>),
    Nothing,
}

fn close_payload(code: u16, reason: &[u8]) -> Vec<u8> {
    let mut payload = code.to_be_bytes().to_vec();
    payload.extend_from_slice(reason);
    payload
}

/// The raw peer: connects, performs the HTTP upgrade when `path` is given (the stacks
/// whose servers start after the upgrade take the stream as it is), sends one masked
/// Close frame with `payload`, and reads until the server's Close frame or the end of
/// the connection.
fn send_close(address: SocketAddr, path: Option<&str>, payload: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    if let Some(path) = path {
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {address}\r\nUpgrade: websocket\r\n\
             Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
             Sec-WebSocket-Version: 13\r\n\r\n"
        )
        .unwrap();
        // Byte by byte, so that nothing after the response's head is consumed.
        let mut head = Vec::new();
        while !head.ends_with(b"\r\n\r\n") {
            let mut byte = [0];
            stream.read_exact(&mut byte).unwrap();
            head.push(byte[0]);
        }
        let head = String::from_utf8(head).unwrap();
        assert!(head.starts_with("HTTP/1.1 101"), "{head}");
    }
    let mask = [0x12, 0x34, 0x56, 0x78];
    let mut frame = vec![0x88, 0x80 | u8::try_from(payload.len()).unwrap()];
    frame.extend_from_slice(&mask);
    frame.extend(payload.iter().zip(mask.iter().cycle()).map(|(b, m)| b ^ m));
    stream.write_all(&frame).unwrap();
    loop {
        let mut header = [0; 2];
        if stream.read_exact(&mut header).is_err() {
            return Answer::Nothing;
        }
        let len = match header[1] & 0x7f {
            126 => {
                let mut extended = [0; 2];
                stream.read_exact(&mut extended).unwrap();
                usize::from(u16::from_be_bytes(extended))
            }
            127 => panic!("no server sends a frame this long here"),
            short => usize::from(short),
        };
        let mut body = vec![0; len];
        stream.read_exact(&mut body).unwrap();
        if header[0] & 0x0f == 0x8 {
            return match body.as_slice() {
                [high, low, reason @ ..] => {
                    Answer::Close(Some(u16::from_be_bytes([*high, *low])), reason.to_vec())
                }
                _ => Answer::Close(None, body),
            };
        }
    }
}

/// The raw server, for the stacks that are clients: accepts one connection, answers
/// its HTTP upgrade, sends one Close frame with `payload` (unmasked, as a server's), and
/// reads the client's frames (masked) until its Close or the end of the connection.
fn serve_close(listener: std::net::TcpListener, payload: &[u8]) -> Answer {
    let (mut stream, _) = listener.accept().unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        let mut byte = [0];
        stream.read_exact(&mut byte).unwrap();
        head.push(byte[0]);
    }
    let head = String::from_utf8(head).unwrap();
    let key = head
        .lines()
        .find_map(|line| {
            line.strip_prefix("sec-websocket-key: ")
                .or(line.strip_prefix("Sec-WebSocket-Key: "))
        })
        .expect("the client sends its key");
    let accept = tungstenite::handshake::derive_accept_key(key.trim().as_bytes());
    write!(
        stream,
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Accept: {accept}\r\n\r\n"
    )
    .unwrap();
    let mut frame = vec![0x88, u8::try_from(payload.len()).unwrap()];
    frame.extend_from_slice(payload);
    stream.write_all(&frame).unwrap();
    loop {
        let mut header = [0; 2];
        if stream.read_exact(&mut header).is_err() {
            return Answer::Nothing;
        }
        let len = usize::from(header[1] & 0x7f);
        assert!(len < 126, "no client sends a frame this long here");
        let mut mask = [0; 4];
        if header[1] & 0x80 != 0 {
            stream.read_exact(&mut mask).unwrap();
        }
        let mut body = vec![0; len];
        stream.read_exact(&mut body).unwrap();
        body.iter_mut()
            .zip(mask.iter().cycle())
            .for_each(|(byte, key)| *byte ^= key);
        if header[0] & 0x0f == 0x8 {
            return match body.as_slice() {
                [high, low, reason @ ..] => {
                    Answer::Close(Some(u16::from_be_bytes([*high, *low])), reason.to_vec())
                }
                _ => Answer::Close(None, body),
            };
        }
    }
}

/// Connects `client` to the raw server, which sends it `case`'s Close frame; returns
/// what the client's application saw and what the client answered.
async fn probe_client<F, Fut>(client: F, case: Case) -> (Seen, Answer)
where
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = Seen>,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("ws://{}/", listener.local_addr().unwrap());
    let payload = case.payload();
    let server = tokio::task::spawn_blocking(move || serve_close(listener, &payload));
    let seen = tokio::time::timeout(PATIENCE, client(url))
        .await
        .expect("the client ends by itself");
    (seen, server.await.unwrap())
}

/// What the peer sends.
#[derive(Debug, Clone, Copy)]
enum Case {
    /// A Close frame without a payload: no status code.
    Empty,
    /// A payload of one byte, too short for a code.
    OneByte,
    /// The code with the reason `bye`.
    Code(u16),
    /// Code 1000 with a reason that is not UTF-8 (a character cut short).
    NotUtf8,
}

const REASON: &[u8] = b"bye";

impl Case {
    fn payload(self) -> Vec<u8> {
        match self {
            Case::Empty => Vec::new(),
            Case::OneByte => vec![0x03],
            Case::Code(code) => close_payload(code, REASON),
            Case::NotUtf8 => close_payload(1000, &[0xc3]),
        }
    }
}

/// Every case: the codes around each boundary of the wire rule, and those the
/// stacks treat differently (1014, 1015, 3008).
fn cases() -> impl Iterator<Item = Case> {
    let codes = [
        1000, 1001, 1004, 1005, 1006, 1012, 1014, 1015, 1016, 2999, 3000, 3008, 4999, 5000,
    ];
    [Case::Empty, Case::OneByte, Case::NotUtf8]
        .into_iter()
        .chain(codes.into_iter().map(Case::Code))
}

fn sendable(code: u16) -> bool {
    CloseCode::new(code).is_some_and(CloseCode::is_sendable)
}

/// Runs `server` on a loopback listener for one connection, sends it `payload`, and
/// returns what its application saw and what it answered.
async fn probe<F, Fut>(server: F, path: Option<&'static str>, case: Case) -> (Seen, Answer)
where
    F: FnOnce(tokio::net::TcpStream) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Seen> + Send,
{
    let on_listener = |listener: TcpListener| async move {
        let (stream, _) = listener.accept().await.unwrap();
        server(stream).await
    };
    probe_listener(on_listener, path, case).await
}

/// The same for a server that accepts from the listener itself (a framework's own
/// server loop).
async fn probe_listener<F, Fut>(server: F, path: Option<&'static str>, case: Case) -> (Seen, Answer)
where
    F: FnOnce(TcpListener) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Seen> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let application = tokio::spawn(server(listener));
    let payload = case.payload();
    let answer = tokio::task::spawn_blocking(move || send_close(address, path, &payload))
        .await
        .unwrap();
    let seen = tokio::time::timeout(PATIENCE, application)
        .await
        .expect("the server ends by itself")
        .unwrap();
    (seen, answer)
}

mod servers {
    use std::sync::{Arc, Mutex};

    use tokio::sync::oneshot;

    use super::*;

    /// A server of tungstenite's own (blocking) API, which reads on after the Close
    /// when `read_on`, as the closing handshake needs.
    /// 0.29 and 0.30 perform the HTTP upgrade (`accept`); the older lines, built
    /// without their `handshake` feature, start after it (`from_raw_socket`).
    macro_rules! tungstenite_server {
        ($name:ident, $tungstenite:ident) => {
            tungstenite_server!($name, $tungstenite, |stream| $tungstenite::accept(stream)
                .unwrap());
        };
        ($name:ident, $tungstenite:ident, raw) => {
            tungstenite_server!($name, $tungstenite, |stream| {
                $tungstenite::WebSocket::from_raw_socket(
                    stream,
                    $tungstenite::protocol::Role::Server,
                    None,
                )
            });
        };
        ($name:ident, $tungstenite:ident, $open:expr) => {
            pub async fn $name(stream: tokio::net::TcpStream, read_on: bool) -> Seen {
                use $tungstenite::{Error, Message};
                let stream = stream.into_std().unwrap();
                stream.set_nonblocking(false).unwrap();
                tokio::task::spawn_blocking(move || {
                    let mut socket = ($open)(stream);
                    let mut seen = None;
                    loop {
                        match socket.read() {
                            Ok(Message::Close(frame)) => {
                                let ours = frame.as_ref().map(CloseFrame::try_from).transpose();
                                let ours = checked(ours);
                                let theirs = frame.map(|frame| {
                                    let reason: &str = frame.reason.as_ref();
                                    (u16::from(frame.code), reason.to_owned())
                                });
                                seen.get_or_insert(Seen::Close(theirs, ours));
                                if !read_on {
                                    break;
                                }
                            }
                            Ok(_) => {}
                            Err(Error::ConnectionClosed | Error::AlreadyClosed) => break,
                            // After any other error tungstenite sends nothing more, and
                            // a read would wait on the peer: the connection is dropped.
                            Err(error) => {
                                seen.get_or_insert(Seen::Error(error.to_string()));
                                break;
                            }
                        }
                    }
                    seen.unwrap()
                })
                .await
                .unwrap()
            }
        };
    }
    tungstenite_server!(tungstenite_0_30, tungstenite);
    tungstenite_server!(tungstenite_0_29, tungstenite_0_29);
    tungstenite_server!(tungstenite_0_28, tungstenite_0_28, raw);
    tungstenite_server!(tungstenite_0_27, tungstenite_0_27, raw);
    tungstenite_server!(tungstenite_0_26, tungstenite_0_26, raw);
    tungstenite_server!(tungstenite_0_25, tungstenite_0_25, raw);
    tungstenite_server!(tungstenite_0_24, tungstenite_0_24, raw);
    tungstenite_server!(tungstenite_0_23, tungstenite_0_23, raw);
    tungstenite_server!(tungstenite_0_22, tungstenite_0_22, raw);
    tungstenite_server!(tungstenite_0_21, tungstenite_0_21, raw);

    /// An axum 0.8 route that reads on after the Close (or not), serving one
    /// connection.
    pub async fn axum_0_8(stream: tokio::net::TcpStream, read_on: bool) -> Seen {
        use axum::extract::ws::{Message, WebSocketUpgrade};
        use axum::routing::get;
        let (report, seen) = Report::new(read_on);
        let route = get(move |upgrade: WebSocketUpgrade| {
            let report = report.clone();
            async move {
                upgrade.on_upgrade(move |socket| async move {
                    let seen = read_like_an_application(socket, report.read_on, |message| {
                        let Message::Close(frame) = message else {
                            return None;
                        };
                        let ours = checked(frame.as_ref().map(CloseFrame::try_from).transpose());
                        let theirs =
                            frame.map(|frame| (frame.code, frame.reason.as_str().to_owned()));
                        Some(Seen::Close(theirs, ours))
                    });
                    report.send(seen.await);
                })
            }
        });
        let one_connection = OneConnection(Some(stream));
        let server = axum::serve(one_connection, axum::Router::new().route("/", route));
        tokio::select! {
            _ = server.into_future() => panic!("the server stopped first"),
            seen = seen => seen.unwrap(),
        }
    }

    /// tokio-websockets 0.13's server, which reads on after the Close or an error
    /// (or not) until its stream ends.
    pub async fn tokio_websockets_0_13(stream: tokio::net::TcpStream, read_on: bool) -> Seen {
        let (_, socket) = tokio_websockets::ServerBuilder::new()
            .accept(stream)
            .await
            .unwrap();
        read_like_an_application(socket, read_on, |message| {
            let theirs = message.as_close()?;
            let theirs = (u16::from(theirs.0), theirs.1.to_owned());
            let ours = checked(CloseFrame::parse(message.as_payload()));
            Some(Seen::Close(Some(theirs), ours))
        })
        .await
    }

    /// fastwebsockets 0.10 after the upgrade, with its automatic reply to a Close on
    /// (its default).
    pub async fn fastwebsockets_0_10(stream: tokio::net::TcpStream, _: bool) -> Seen {
        use fastwebsockets::{OpCode, Role, WebSocket};
        let mut socket = WebSocket::after_handshake(stream, Role::Server);
        loop {
            match socket.read_frame().await {
                Ok(frame) if frame.opcode == OpCode::Close => {
                    // fastwebsockets hands over the payload; it is what close-reasons
                    // parses.
                    let payload = &frame.payload[..];
                    let theirs = match payload {
                        [high, low, reason @ ..] => Some((
                            u16::from_be_bytes([*high, *low]),
                            String::from_utf8_lossy(reason).into_owned(),
                        )),
                        _ => None,
                    };
                    return Seen::Close(theirs, checked(CloseFrame::parse(payload)));
                }
                Ok(_) => {}
                Err(error) => return Seen::Error(error.to_string()),
            }
        }
    }

    /// actix-http 3's WebSocket codec after the upgrade, as actix-web-actors and
    /// actix-ws read frames with it.
    pub async fn actix_http_3(stream: tokio::net::TcpStream, _: bool) -> Seen {
        use actix_http::ws::{Codec, Frame};
        let mut frames = tokio_util::codec::Framed::new(stream, Codec::new());
        loop {
            match frames.next().await {
                Some(Ok(Frame::Close(reason))) => {
                    let ours = checked(reason.as_ref().map(CloseFrame::try_from).transpose());
                    let theirs = reason.map(|reason| {
                        (
                            u16::from(reason.code),
                            reason.description.unwrap_or_default(),
                        )
                    });
                    return Seen::Close(theirs, ours);
                }
                Some(Ok(_)) => {}
                Some(Err(error)) => return Seen::Error(error.to_string()),
                None => return Seen::Error("the stream ended".to_owned()),
            }
        }
    }

    /// What a framework's handler reports: whether to read on, and where to say what
    /// it saw.
    #[derive(Clone)]
    pub struct Report {
        read_on: bool,
        seen: Arc<Mutex<Option<oneshot::Sender<Seen>>>>,
    }

    impl Report {
        fn new(read_on: bool) -> (Report, oneshot::Receiver<Seen>) {
            let (sender, receiver) = oneshot::channel();
            let seen = Arc::new(Mutex::new(Some(sender)));
            (Report { read_on, seen }, receiver)
        }

        fn send(&self, seen: Seen) {
            if let Some(sender) = self.seen.lock().unwrap().take() {
                let _ = sender.send(seen);
            }
        }
    }

    /// Reads `messages` as an application does: what it saw is the first Close (as
    /// `close` reads a message; `None` for other messages) or the first error. It reads on
    /// after either when `read_on`, until the stream ends or fails again, then drops the
    /// stream, which ends the connection.
    async fn read_like_an_application<M, E: std::fmt::Display>(
        mut messages: impl futures_util::Stream<Item = Result<M, E>> + Unpin,
        read_on: bool,
        close: impl Fn(M) -> Option<Seen>,
    ) -> Seen {
        let mut seen = None;
        while let Some(message) = messages.next().await {
            match message {
                Ok(message) => {
                    if let Some(close) = close(message) {
                        seen.get_or_insert(close);
                        if !read_on {
                            break;
                        }
                    }
                }
                Err(_) if seen.is_some() => break,
                Err(error) => {
                    seen = Some(Seen::Error(error.to_string()));
                    if !read_on {
                        break;
                    }
                }
            }
        }
        seen.expect("the stream ends with a Close or an error")
    }

    /// What warp's and salvo's `close_frame()`, their only view of a received Close,
    /// gives.
    fn close_with_seen(received: Option<(u16, &str)>) -> Seen {
        let ours = checked(received.map(CloseFrame::try_from).transpose());
        Seen::Close(
            received.map(|(code, reason)| (code, reason.to_owned())),
            ours,
        )
    }

    #[poem::handler]
    fn poem_upgrade(
        upgrade: poem::web::websocket::WebSocket,
        report: poem::web::Data<&Report>,
    ) -> impl poem::IntoResponse {
        use poem::web::websocket::Message;
        let report = report.0.clone();
        upgrade.on_upgrade(move |socket| async move {
            let seen = read_like_an_application(socket, report.read_on, |message| {
                let Message::Close(frame) = message else {
                    return None;
                };
                let ours = checked(frame.as_ref().map(CloseFrame::try_from).transpose());
                let theirs = frame.map(|(code, reason)| (u16::from(code), reason));
                Some(Seen::Close(theirs, ours))
            });
            report.send(seen.await);
        })
    }

    /// poem 3's server with a WebSocket route that reads on after the Close (or not).
    pub async fn poem_3(listener: TcpListener, read_on: bool) -> Seen {
        use poem::EndpointExt as _;
        let (report, seen) = Report::new(read_on);
        let route = poem::Route::new()
            .at("/", poem::get(poem_upgrade))
            .data(report);
        let acceptor = poem::listener::TcpAcceptor::from_tokio(listener).unwrap();
        let server = poem::Server::new_with_acceptor(acceptor).run(route);
        tokio::select! {
            _ = server => panic!("the server stopped first"),
            seen = seen => seen.unwrap(),
        }
    }

    /// warp 0.4's server with a WebSocket route that reads on after the Close (or not).
    pub async fn warp_0_4(listener: TcpListener, read_on: bool) -> Seen {
        use warp::Filter as _;
        let (report, seen) = Report::new(read_on);
        let route = warp::ws().map(move |upgrade: warp::ws::Ws| {
            let report = report.clone();
            upgrade.on_upgrade(move |socket| async move {
                let seen = read_like_an_application(socket, report.read_on, |message| {
                    message
                        .is_close()
                        .then(|| close_with_seen(message.close_frame()))
                });
                report.send(seen.await);
            })
        });
        let server = warp::serve(route).incoming(listener).run();
        tokio::select! {
            () = server => panic!("the server stopped first"),
            seen = seen => seen.unwrap(),
        }
    }

    /// salvo 1's WebSocket upgrade, reporting to `Report`.
    pub struct SalvoUpgrade(Report);

    #[salvo::handler]
    impl SalvoUpgrade {
        async fn handle(
            &self,
            request: &mut salvo::Request,
            response: &mut salvo::Response,
        ) -> Result<(), salvo::http::StatusError> {
            let report = self.0.clone();
            let upgrade = salvo::websocket::WebSocketUpgrade::new();
            upgrade
                .upgrade(request, response, move |socket| async move {
                    let seen = read_like_an_application(socket, report.read_on, |message| {
                        message
                            .is_close()
                            .then(|| close_with_seen(message.close_frame()))
                    });
                    report.send(seen.await);
                })
                .await
        }
    }

    /// salvo 1's server with a WebSocket route that reads on after the Close (or not).
    pub async fn salvo_1(listener: TcpListener, read_on: bool) -> Seen {
        let (report, seen) = Report::new(read_on);
        let router = salvo::Router::new().goal(SalvoUpgrade(report));
        let acceptor = salvo::conn::tcp::TcpAcceptor::try_from(listener).unwrap();
        let server = salvo::Server::new(acceptor).serve(router);
        tokio::select! {
            () = server => panic!("the server stopped first"),
            seen = seen => seen.unwrap(),
        }
    }

    /// ntex 3's WebSocket codec (`ntex::ws::Codec`, what its server decodes frames with)
    /// over the loopback stream, after the upgrade.
    pub async fn ntex_3(mut stream: tokio::net::TcpStream, _: bool) -> Seen {
        use ntex::codec::Decoder as _;
        use ntex::ws::{Codec, Frame};
        use tokio::io::AsyncReadExt as _;
        let codec = Codec::new();
        let mut received = ntex::util::BytesMut::new();
        loop {
            match codec.decode(&mut received) {
                Ok(Some(Frame::Close(reason))) => {
                    let ours = checked(reason.as_ref().map(CloseFrame::try_from).transpose());
                    let theirs = reason.map(|reason| {
                        (
                            u16::from(reason.code),
                            reason.description.unwrap_or_default(),
                        )
                    });
                    return Seen::Close(theirs, ours);
                }
                Ok(Some(_)) => {}
                Ok(None) => {
                    let mut chunk = [0; 256];
                    let read = stream.read(&mut chunk).await.unwrap();
                    assert_ne!(read, 0, "the peer sent its whole frame");
                    received.extend_from_slice(&chunk[..read]);
                }
                Err(error) => return Seen::Error(error.to_string()),
            }
        }
    }

    /// A reqwest-websocket 0.6 client that reads on after the Close.
    pub async fn reqwest_websocket_0_6(url: String) -> Seen {
        use reqwest_websocket::Message;
        let socket = reqwest_websocket::websocket(url).await.unwrap();
        read_like_an_application(socket, true, |message| {
            let Message::Close { code, reason } = message else {
                return None;
            };
            let ours = checked(CloseFrame::from_received(code.into(), &reason).map(Some));
            Some(Seen::Close(Some((code.into(), reason)), ours))
        })
        .await
    }

    /// soketto 0.8's connection API after the upgrade, as jsonrpsee and libp2p use it.
    pub async fn soketto_0_8(stream: tokio::net::TcpStream, _: bool) -> Seen {
        use soketto::Incoming;
        use soketto::connection::{Builder, Mode};
        use tokio_util::compat::TokioAsyncReadCompatExt as _;
        let (_, mut receiver) = Builder::new(stream.compat(), Mode::Server).finish();
        let mut message = Vec::new();
        let mut seen = None;
        loop {
            match receiver.receive(&mut message).await {
                Ok(Incoming::Closed(reason)) => {
                    let ours = checked(CloseFrame::try_from(&reason).map(Some));
                    let theirs = (reason.code, reason.descr.unwrap_or_default());
                    seen.get_or_insert(Seen::Close(Some(theirs), ours));
                }
                Ok(_) => {}
                Err(error) => {
                    return seen.unwrap_or(Seen::Error(error.to_string()));
                }
            }
        }
    }

    /// A server on soketto 0.8's frame codec (`soketto::base`), which parses the Close
    /// payload with close-reasons before answering: it refuses what the connection API
    /// would echo (1015), answering with the error's frame.
    pub async fn soketto_0_8_base(mut stream: tokio::net::TcpStream, _: bool) -> Seen {
        use soketto::Parsing;
        use soketto::base::{Codec, Header, OpCode};
        use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
        let mut codec = Codec::new();
        let mut received = Vec::new();
        let (header, offset) = loop {
            if let Parsing::Done { value, offset } = codec.decode_header(&received).unwrap() {
                break (value, offset);
            }
            let mut byte = [0];
            stream.read_exact(&mut byte).await.unwrap();
            received.push(byte[0]);
        };
        assert_eq!((header.opcode(), offset), (OpCode::Close, received.len()));
        let mut payload = vec![0; header.payload_len()];
        stream.read_exact(&mut payload).await.unwrap();
        Codec::apply_mask(&header, &mut payload);
        let parsed = CloseFrame::parse(&payload);
        let seen = Seen::Close(None, checked(parsed));
        // The RFC's answer: the peer's code when it is good, the error's frame otherwise.
        let answer = match parsed {
            Ok(frame) => frame.map(|frame| frame.to_payload()).unwrap_or_default(),
            Err(error) => error.answer_frame().to_payload(),
        };
        let mut reply = Header::new(OpCode::Close);
        reply.set_payload_len(answer.len());
        let head = codec.encode_header(&reply).to_vec();
        stream.write_all(&head).await.unwrap();
        stream.write_all(&answer).await.unwrap();
        seen
    }
}

/// A listener that hands axum one connection, then waits for ever.
struct OneConnection(Option<tokio::net::TcpStream>);

impl axum::serve::Listener for OneConnection {
    type Io = tokio::net::TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.0.take() {
            Some(stream) => {
                let address = stream.peer_addr().unwrap();
                (stream, address)
            }
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(SocketAddr::from(([127, 0, 0, 1], 0)))
    }
}

/// The peer's code and reason as the stack passed them on, and close-reasons agreeing.
fn passed_on(code: u16) -> Seen {
    Seen::Close(Some((code, "bye".to_owned())), Ok(Some(code)))
}

fn echoed(code: u16) -> Answer {
    Answer::Close(Some(code), REASON.to_vec())
}

/// tungstenite (0.29 and 0.30; axum 0.8 is tungstenite 0.29 underneath) with an
/// application that reads on after the Close: a code that tungstenite does not allow
/// (those that may not be sent, and 1014) is replaced by its own 1002 before the
/// application sees the frame, so the peer's code and reason never reach it; a
/// payload it cannot read is an error, and it drops the connection without a Close.
fn tungstenite_rule(case: Case) -> (Seen, Answer) {
    let violation = b"Protocol violation";
    match case {
        Case::Empty => (Seen::Close(None, Ok(None)), Answer::Close(None, Vec::new())),
        Case::OneByte | Case::NotUtf8 => (error(), Answer::Nothing),
        Case::Code(code) if sendable(code) && code != 1014 => (passed_on(code), echoed(code)),
        Case::Code(_) => (
            Seen::Close(
                Some((1002, "Protocol violation".to_owned())),
                Ok(Some(1002)),
            ),
            Answer::Close(Some(1002), violation.to_vec()),
        ),
    }
}

/// Every case against a server on a stream, or (`listener`) one that runs its own
/// accept loop.
macro_rules! check_every_case {
    ($server:path, $path:expr, $rule:expr) => {
        for case in cases() {
            let observed = probe(|stream| $server(stream, true), $path, case).await;
            assert_eq!(observed, $rule(case), "{case:?}");
        }
    };
    (listener $server:path, $path:expr, $rule:expr) => {
        for case in cases() {
            let observed = probe_listener(|listener| $server(listener, true), $path, case).await;
            assert_eq!(observed, $rule(case), "{case:?}");
        }
    };
}

#[tokio::test]
async fn tungstenite_0_30_answers_codes_it_does_not_allow_with_1002_itself() {
    check_every_case!(servers::tungstenite_0_30, Some("/"), tungstenite_rule);
}

#[tokio::test]
async fn tungstenite_0_29_answers_codes_it_does_not_allow_with_1002_itself() {
    check_every_case!(servers::tungstenite_0_29, Some("/"), tungstenite_rule);
}

/// Every older line, started after the upgrade, does the same.
#[tokio::test]
async fn tungstenite_0_21_to_0_28_answer_codes_they_do_not_allow_with_1002_themselves() {
    check_every_case!(servers::tungstenite_0_21, None, tungstenite_rule);
    check_every_case!(servers::tungstenite_0_22, None, tungstenite_rule);
    check_every_case!(servers::tungstenite_0_23, None, tungstenite_rule);
    check_every_case!(servers::tungstenite_0_24, None, tungstenite_rule);
    check_every_case!(servers::tungstenite_0_25, None, tungstenite_rule);
    check_every_case!(servers::tungstenite_0_26, None, tungstenite_rule);
    check_every_case!(servers::tungstenite_0_27, None, tungstenite_rule);
    check_every_case!(servers::tungstenite_0_28, None, tungstenite_rule);
}

#[tokio::test]
async fn poem_3_behaves_as_its_tungstenite() {
    check_every_case!(listener servers::poem_3, Some("/"), tungstenite_rule);
}

#[tokio::test]
async fn warp_0_4_behaves_as_its_tungstenite() {
    check_every_case!(listener servers::warp_0_4, Some("/"), tungstenite_rule);
}

#[tokio::test]
async fn salvo_1_behaves_as_its_tungstenite() {
    check_every_case!(listener servers::salvo_1, Some("/"), tungstenite_rule);
}

#[tokio::test]
async fn axum_0_8_behaves_as_its_tungstenite() {
    check_every_case!(servers::axum_0_8, Some("/"), tungstenite_rule);
}

/// tokio-websockets 0.13, read on: every code that may be sent (1014 too) is passed on,
/// and answered with the code alone; any other is an error, answered with 1002 (1007
/// for a reason that is not UTF-8) once the application reads on. `as_close()` reports
/// no status as 1005; `CloseFrame::parse(message.as_payload())` says `None`.
fn tokio_websockets_rule(case: Case) -> (Seen, Answer) {
    let answered = |code: u16, reason: &[u8]| Answer::Close(Some(code), reason.to_vec());
    match case {
        Case::Empty => (
            Seen::Close(Some((1005, String::new())), Ok(None)),
            Answer::Close(None, Vec::new()),
        ),
        Case::OneByte => (error(), answered(1002, b"invalid payload length")),
        Case::NotUtf8 => (error(), answered(1007, b"invalid utf8")),
        Case::Code(code) if sendable(code) => (passed_on(code), answered(code, b"")),
        Case::Code(_) => (error(), answered(1002, b"invalid close code")),
    }
}

#[tokio::test]
async fn tokio_websockets_0_13_passes_every_sendable_code_and_answers_the_rest() {
    check_every_case!(
        servers::tokio_websockets_0_13,
        Some("/"),
        tokio_websockets_rule
    );
}

/// fastwebsockets 0.10 with its automatic reply on: a code it does not allow (1014
/// among them) is an error, and answered with 1002 and the peer's own reason; a
/// payload it cannot read is an error without an answer.
fn fastwebsockets_rule(case: Case) -> (Seen, Answer) {
    match case {
        Case::Empty => (Seen::Close(None, Ok(None)), Answer::Close(None, Vec::new())),
        Case::OneByte | Case::NotUtf8 => (error(), Answer::Nothing),
        Case::Code(code) if sendable(code) && code != 1014 => (passed_on(code), echoed(code)),
        Case::Code(_) => (error(), echoed(1002)),
    }
}

#[tokio::test]
async fn fastwebsockets_0_10_refuses_1014_and_echoes_the_reason_with_1002() {
    check_every_case!(servers::fastwebsockets_0_10, None, fastwebsockets_rule);
}

/// actix-http 3's codec checks no code and answers nothing (the application must);
/// close-reasons' conversion finds the codes that may not be sent. What it cannot see:
/// a one-byte payload reads as no status, and a reason that is not UTF-8 as U+FFFD.
fn actix_http_rule(case: Case) -> (Seen, Answer) {
    let seen = match case {
        Case::Empty | Case::OneByte => Seen::Close(None, Ok(None)),
        Case::NotUtf8 => Seen::Close(Some((1000, "\u{fffd}".to_owned())), Ok(Some(1000))),
        Case::Code(code) if sendable(code) => passed_on(code),
        Case::Code(code) => Seen::Close(Some((code, "bye".to_owned())), Err(1002)),
    };
    (seen, Answer::Nothing)
}

#[tokio::test]
async fn actix_http_3_passes_every_code_on_and_answers_nothing() {
    check_every_case!(servers::actix_http_3, None, actix_http_rule);
}

/// ntex 3 is a fork of actix-http and decodes a Close the same way.
#[tokio::test]
async fn ntex_3_passes_every_code_on_as_actix_does() {
    check_every_case!(servers::ntex_3, None, actix_http_rule);
}

/// reqwest-websocket 0.6, a client on tungstenite 0.28: tungstenite's rule, except that
/// a Close without a status code reaches the application as 1000 with an empty reason
/// (close-reasons cannot tell it from a real 1000).
fn reqwest_websocket_rule(case: Case) -> (Seen, Answer) {
    match case {
        Case::Empty => (
            Seen::Close(Some((1000, String::new())), Ok(Some(1000))),
            Answer::Close(None, Vec::new()),
        ),
        other => tungstenite_rule(other),
    }
}

#[tokio::test]
async fn reqwest_websocket_0_6_reports_no_status_as_1000() {
    for case in cases() {
        let observed = probe_client(servers::reqwest_websocket_0_6, case).await;
        assert_eq!(observed, reqwest_websocket_rule(case), "{case:?}");
    }
}

/// soketto 0.8's connection API answers a Close before the application sees it, with
/// the peer's code alone, and closes its side. It lets 1015 through (which may not be
/// sent; close-reasons' conversion answers 1002, too late for the wire), replaces the
/// codes it does not allow (1014 among them) with 1002, and reports neither a Close
/// without a status code nor one with a one-byte payload: the application only sees
/// the connection closed.
fn soketto_rule(case: Case) -> (Seen, Answer) {
    match case {
        Case::Empty | Case::OneByte => (error(), Answer::Close(None, Vec::new())),
        Case::NotUtf8 => (error(), Answer::Nothing),
        Case::Code(1015) => (
            Seen::Close(Some((1015, "bye".to_owned())), Err(1002)),
            Answer::Close(Some(1015), Vec::new()),
        ),
        Case::Code(code) if sendable(code) && code != 1014 => {
            (passed_on(code), Answer::Close(Some(code), Vec::new()))
        }
        Case::Code(_) => (
            Seen::Close(Some((1002, String::new())), Ok(Some(1002))),
            Answer::Close(Some(1002), Vec::new()),
        ),
    }
}

#[tokio::test]
async fn soketto_0_8_echoes_1015_before_the_application_sees_it() {
    check_every_case!(servers::soketto_0_8, None, soketto_rule);
}

/// On soketto's frame codec, the server parses first and answers by the RFC: the peer's
/// code when it may be sent, 1002 (1007 for a reason that is not UTF-8) otherwise.
fn soketto_base_rule(case: Case) -> (Seen, Answer) {
    let answer = |code: u16| Answer::Close(Some(code), Vec::new());
    match case {
        Case::Empty => (Seen::Close(None, Ok(None)), Answer::Close(None, Vec::new())),
        Case::OneByte => (Seen::Close(None, Err(1002)), answer(1002)),
        Case::NotUtf8 => (Seen::Close(None, Err(1007)), answer(1007)),
        Case::Code(code) if sendable(code) => (
            Seen::Close(None, Ok(Some(code))),
            Answer::Close(Some(code), REASON.to_vec()),
        ),
        Case::Code(_) => (Seen::Close(None, Err(1002)), answer(1002)),
    }
}

#[tokio::test]
async fn soketto_0_8_base_codec_lets_a_server_refuse_1015() {
    check_every_case!(servers::soketto_0_8_base, None, soketto_base_rule);
}

/// tungstenite, axum and tokio-websockets write their reply to a Close (or to a bad
/// frame) when the application reads again: one that stops reading there leaves the
/// peer without an answer.
#[tokio::test]
async fn the_closing_handshake_completes_only_if_the_application_reads_on() {
    for read_on in [true, false] {
        let answer_if_read_on = |answer: Answer| if read_on { answer } else { Answer::Nothing };
        let case = Case::Code(1000);
        let expected = (passed_on(1000), answer_if_read_on(echoed(1000)));
        let reading = move |stream| servers::tungstenite_0_30(stream, read_on);
        assert_eq!(probe(reading, Some("/"), case).await, expected);
        let reading = move |stream| servers::axum_0_8(stream, read_on);
        assert_eq!(probe(reading, Some("/"), case).await, expected);
        let reading = move |listener| servers::poem_3(listener, read_on);
        assert_eq!(probe_listener(reading, Some("/"), case).await, expected);
        let reading = move |listener| servers::warp_0_4(listener, read_on);
        assert_eq!(probe_listener(reading, Some("/"), case).await, expected);
        let reading = move |listener| servers::salvo_1(listener, read_on);
        assert_eq!(probe_listener(reading, Some("/"), case).await, expected);
        let reading = move |stream| servers::tokio_websockets_0_13(stream, read_on);
        let expected = (
            passed_on(1000),
            answer_if_read_on(Answer::Close(Some(1000), Vec::new())),
        );
        assert_eq!(probe(reading, Some("/"), case).await, expected);
        let expected = (
            error(),
            answer_if_read_on(Answer::Close(Some(1002), b"invalid close code".to_vec())),
        );
        assert_eq!(probe(reading, Some("/"), Case::Code(1006)).await, expected);
    }
}

/// What an application on ntex's server answers when it follows close-reasons: the
/// peer's frame back when it is good, the error's frame otherwise. It sees what ntex
/// decoded (actix-http's rule: nothing checked, reasons read lossily).
fn ntex_server_rule(case: Case) -> (Seen, Answer) {
    let answer = match case {
        Case::Empty | Case::OneByte => Answer::Close(None, Vec::new()),
        Case::NotUtf8 => Answer::Close(Some(1000), "\u{fffd}".as_bytes().to_vec()),
        Case::Code(code) if sendable(code) => echoed(code),
        Case::Code(_) => Answer::Close(Some(1002), Vec::new()),
    };
    (actix_http_rule(case).0, answer)
}

/// ntex 3's own web server (`web::ws::start`) on ntex's runtime: ntex answers a Close
/// with what the application's service returns, and nothing of its own.
#[ntex::test]
async fn ntex_3_server_sends_only_what_the_application_answers() {
    use ntex::service::{fn_factory_with_config, fn_service};
    use ntex::web::{self, App, HttpRequest};
    use ntex::ws::{Frame, Message};

    for case in cases() {
        let (report, seen) = std::sync::mpsc::channel::<Seen>();
        let server = ntex::http::test::server(async move || {
            let report = report.clone();
            let upgrade = move |request: HttpRequest| {
                let report = report.clone();
                let service = move |frame: Frame| {
                    let report = report.clone();
                    async move {
                        let Frame::Close(reason) = frame else {
                            return Ok::<_, std::io::Error>(None);
                        };
                        let received = reason.as_ref().map(CloseFrame::try_from).transpose();
                        let answer = match received {
                            Ok(frame) => frame.map(|frame| frame.to_payload()).unwrap_or_default(),
                            Err(error) => error.answer_frame().to_payload(),
                        };
                        let ours = checked(received);
                        let theirs = reason.map(|reason| {
                            (
                                u16::from(reason.code),
                                reason.description.unwrap_or_default(),
                            )
                        });
                        let _ = report.send(Seen::Close(theirs, ours));
                        Ok(Some(Message::from(answer)))
                    }
                };
                async move {
                    let factory = fn_factory_with_config(move |_| {
                        let service = service.clone();
                        async move { Ok::<_, web::Error>(fn_service(service)) }
                    });
                    web::ws::start::<_, _, _, web::Error>(request, None::<&str>, factory).await
                }
            };
            ntex::http::HttpService::new(
                App::new().service(web::resource("/").route(web::to(upgrade))),
            )
        })
        .await;
        let address = server.addr();
        let payload = case.payload();
        let answer = std::thread::spawn(move || send_close(address, Some("/"), &payload))
            .join()
            .unwrap();
        let seen = seen
            .recv_timeout(PATIENCE)
            .expect("the service saw the Close");
        assert_eq!((seen, answer), ntex_server_rule(case), "{case:?}");
    }
}
