//! A WebSocket echo server for conformance tests (the Autobahn|Testsuite and our own
//! raw-frame client). fastwebsockets does the handshake and the framing, with its
//! automatic Close handling off; **every Close decision is close-reasons'**: a received
//! Close payload goes through [`CloseFrame::parse`], a valid frame's code is echoed, an
//! empty payload gets an empty Close, and a bad one gets the error's `answer()`.

use close_reasons::{CloseCode, CloseFrame};
use fastwebsockets::{FragmentCollector, Frame, OpCode, WebSocket, WebSocketError};
use http_body_util::Empty;
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;

/// Serves WebSocket connections accepted on `listener`, for ever. Each connection runs
/// on its own task: one that misbehaves ends alone, and a failed `accept` (a client
/// gone before it was accepted, too many open files) is reported and skipped.
pub async fn serve(listener: TcpListener) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(error) => {
                eprintln!("echo-server: accept failed: {error}");
                // Gives a shortage of file descriptors time to pass.
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                continue;
            }
        };
        tokio::spawn(async move {
            let connection = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service_fn(upgrade))
                .with_upgrades();
            // A failed handshake concerns that client only.
            let _ = connection.await;
        });
    }
}

async fn upgrade(mut request: Request<Incoming>) -> Result<Response<Empty<Bytes>>, WebSocketError> {
    let (response, socket) = fastwebsockets::upgrade::upgrade(&mut request)?;
    tokio::spawn(async move {
        if let Ok(socket) = socket.await {
            echo(socket).await;
        }
    });
    Ok(response)
}

async fn echo<S: AsyncRead + AsyncWrite + Unpin>(mut socket: WebSocket<S>) {
    socket.set_auto_close(false);
    socket.set_auto_pong(true);
    let mut socket = FragmentCollector::new(socket);
    loop {
        let frame = match socket.read_frame().await {
            Ok(frame) => frame,
            Err(error) => {
                if let Some(code) = answer_to_framing_error(&error) {
                    let _ = socket.write_frame(close_with(code)).await;
                }
                return;
            }
        };
        match frame.opcode {
            OpCode::Text | OpCode::Binary => {
                if socket.write_frame(frame).await.is_err() {
                    return;
                }
            }
            OpCode::Close => {
                let _ = socket.write_frame(reply_to_close(&frame.payload)).await;
                return;
            }
            OpCode::Continuation | OpCode::Ping | OpCode::Pong => {}
        }
    }
}

/// The Close frame to answer a received Close payload with, decided by close-reasons.
#[must_use]
pub fn reply_to_close(payload: &[u8]) -> Frame<'static> {
    match CloseFrame::parse(payload) {
        Ok(Some(frame)) => close_with(frame.code()),
        Ok(None) => Frame::close_raw(Vec::new().into()),
        Err(error) => close_with(error.answer()),
    }
}

/// A Close frame with `code` and no reason.
fn close_with(code: CloseCode) -> Frame<'static> {
    // Every code given here may be sent: received ones passed the check, and the
    // answers are 1002 and 1007. A frame without a status is the safe fallback.
    CloseFrame::new(code, "").map_or_else(|_| Frame::close_raw(Vec::new().into()), Frame::from)
}

/// The code to fail the connection with when the peer broke the protocol outside a
/// Close frame; `None` when the connection is simply gone.
fn answer_to_framing_error(error: &WebSocketError) -> Option<CloseCode> {
    match error {
        WebSocketError::InvalidUTF8 => Some(CloseCode::INCONSISTENT_DATA),
        WebSocketError::IoError(_)
        | WebSocketError::ConnectionClosed
        | WebSocketError::UnexpectedEOF => None,
        _ => Some(CloseCode::PROTOCOL_ERROR),
    }
}
