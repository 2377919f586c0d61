// A derived `Deserialize` would read the variant's name ("Kicked"), not the number the
// wire carries, and clash with the impls close-reasons writes behind its `serde` feature;
// it is refused whether that feature is on or off.
#[close_reasons::registry("ui/valid.toml")]
#[derive(serde::Deserialize)]
pub enum ChatCloseCode {}

fn main() {}
