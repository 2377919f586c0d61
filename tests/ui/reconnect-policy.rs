// `reconnect` is a policy; advice in words has its own field, and a delay window is
// [shortest, longest].
#[close_reasons::registry("ui/reconnect-policy.toml")]
pub enum ChatCloseCode {}

fn main() {}
