//! The controls a section is made of: text fields by kind (`text_field`, `date_time`),
//! the one-line box both type into (`line_input`), row cells and row tools (`cell`), the
//! inline findings marker (`marker`), the `use:bind_value` directive every text box
//! uses (`bind_value`), and focusing a control by its location (`focus`).

pub mod bind_value;
pub mod cell;
pub mod date_time;
pub mod focus;
pub mod line_input;
pub mod marker;
pub mod text_field;
