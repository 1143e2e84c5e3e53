//! The PEG parser (stub until it lands).
