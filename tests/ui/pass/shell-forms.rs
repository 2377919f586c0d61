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

// A shell written by a macro_rules! macro, with its fragments (in invisible groups).
macro_rules! shell {
    ($(#[$meta:meta])* $vis:vis enum $name:ident) => {
        #[close_reasons::registry("ui/valid.toml")]
        $(#[$meta])*
        $vis enum $name {}
    };
}

shell!(
    /// Documented through a macro.
    #[allow(dead_code)]
    pub(crate) enum FromMacro
);
