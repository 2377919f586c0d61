//! `cargo run --release -p echo-server -- 127.0.0.1:9001`: serves the conformance echo
//! server on that address.

use std::process::ExitCode;

fn main() -> ExitCode {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:9001".to_owned());
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("echo-server: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let listener = match tokio::net::TcpListener::bind(&address).await {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("echo-server: cannot listen on {address}: {error}");
                return ExitCode::FAILURE;
            }
        };
        println!("echo-server listening on ws://{address}");
        echo_server::serve(listener).await;
        ExitCode::SUCCESS
    })
}
