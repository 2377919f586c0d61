// The shells #[registry] accepts: any visibility, other attributes (under cfg_attr
// too), and the crate named by a path.
mod inner {
    #[close_reasons::registry("ui/valid.toml", crate = "::close_reasons")]
    #[allow(dead_code)]
    #[cfg_attr(all(), allow(clippy::all))]
    pub(crate) enum CrateVisible {}

    pub mod nested {
        /// Documented by the user.
        #[close_reasons::registry("ui/valid.toml", crate = "crate::reexported",)]
        #[non_exhaustive]
        pub(in crate::inner) enum Restricted {}
    }

    pub fn codes() -> usize {
        CrateVisible::ALL.len() + nested::Restricted::ALL.len()
    }
}

mod reexported {
    pub use close_reasons::*;
}

#[close_reasons::registry("ui/valid.toml")]
enum Private {}

fn main() {
    assert_eq!(inner::codes(), 2 * Private::ALL.len());
}
