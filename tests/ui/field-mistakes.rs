// An application's own fields: a value of the wrong kind and a field never declared are
// located errors; the stand-in enum keeps the declared accessor, so using it adds none.
#[close_reasons::registry("ui/field-mistakes.toml")]
pub enum ChatCloseCode {}

fn main() {
    let _: bool = ChatCloseCode::Kicked.resumable();
}
