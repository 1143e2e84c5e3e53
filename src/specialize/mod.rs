//! PEP 659 quickening and inline caches.
