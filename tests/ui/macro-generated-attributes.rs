// Attributes that a macro_rules! macro passes on as `$meta` or `$path` fragments reach
// #[registry] wrapped in invisible groups; they are checked like written ones.
macro_rules! shell {
    ($(#[$meta:meta])* $vis:vis enum $name:ident) => {
        #[close_reasons::registry("ui/valid.toml")]
        $(#[$meta])*
        $vis enum $name {}
    };
}

shell!(#[repr(u8)] pub enum WithRepr);
shell!(#[cfg_attr(all(), derive(Hash))] pub enum WithHashUnderCfgAttr);

macro_rules! derived {
    ($name:ident, $derived:path) => {
        #[close_reasons::registry("ui/valid.toml")]
        #[derive($derived)]
        pub enum $name {}
    };
}

derived!(WithDebug, core::fmt::Debug);

fn main() {}
