//! Registry names that look like generated items (`Err`, `Error`, `label`, `code`).
#[close_reasons::registry("ui/pass/names-like-generated-items.toml")]
enum Tricky {}

fn main() {
    assert_eq!("err".parse(), Ok(Tricky::Err));
    assert_eq!(Tricky::try_from(4002u16), Ok(Tricky::Error));
    assert_eq!(u16::from(Tricky::Label), 4003);
    assert_eq!(Tricky::Code.to_string(), "4004 Code");
    assert_eq!(Tricky::ALL.len(), 4);
}
