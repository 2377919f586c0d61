//! Uses close-reasons under another name, as an application that renames the
//! dependency would.

/// Close codes of a chat protocol.
#[wire::registry("codes.toml", crate = "::wire")]
pub enum RenamedCloseCode {}

#[cfg(test)]
mod tests {
    use super::RenamedCloseCode;

    #[test]
    fn generated_code_follows_the_crate_argument() {
        let code = wire::CloseCode::from(RenamedCloseCode::Kicked);
        assert_eq!(code.get(), 4001);
        assert_eq!(
            RenamedCloseCode::try_from(code),
            Ok(RenamedCloseCode::Kicked)
        );
        assert!("nope".parse::<RenamedCloseCode>().is_err());
        // The support items are reached through the renamed path too.
        assert_eq!(RenamedCloseCode::try_from(4999u16).unwrap_err().get(), 4999);
        assert!(RenamedCloseCode::Kicked.close_frame("bye").is_ok());
    }
}
