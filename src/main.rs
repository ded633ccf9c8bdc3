//! Browser entry point: installs the panic hook (with its recovery screen), takes down
//! the HTML shell's loading frame and mounts the page.

fn main() {
    hindsight::install_recovery();
    #[cfg(feature = "tracing")]
    hindsight::probe::install();
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(hindsight::Page);
}
