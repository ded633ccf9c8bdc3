//! Browser entry point: installs the panic hook (with its recovery screen) and mounts the app.

fn main() {
    hindsight::install_recovery();
    leptos::mount::mount_to_body(hindsight::App);
}
