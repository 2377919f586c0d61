// Every way the item under #[registry] can be wrong, one error each.
mod not_an_enum {
    #[close_reasons::registry("ui/valid.toml")]
    pub struct ChatCloseCode;
}

mod generic {
    #[close_reasons::registry("ui/valid.toml")]
    pub enum ChatCloseCode<T> {}
}

mod repr {
    #[close_reasons::registry("ui/valid.toml")]
    #[repr(u32)]
    pub enum ChatCloseCode {}
}

mod documented_variant {
    #[close_reasons::registry("ui/valid.toml")]
    pub(crate) enum ChatCloseCode {
        /// A variant with a doc comment is still a variant.
        Kicked = 4001,
    }
}

mod bad_crate_path {
    #[close_reasons::registry("ui/valid.toml", crate = "close reasons")]
    pub enum ChatCloseCode {}
}

mod unknown_argument {
    #[close_reasons::registry("ui/valid.toml", krate = "close_reasons")]
    pub enum ChatCloseCode {}
}

fn main() {}
